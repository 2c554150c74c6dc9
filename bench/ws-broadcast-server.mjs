// The raw-`ws` baseline server for bench/room-fanout.ts: any message a client sends is broadcast as-is to every
// open client (the broadcast from the ws README). Runs in a worker thread so that, like the Fireside process, it
// has an event loop of its own and does not share one with the 1,000 clients it serves.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { WebSocket, WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});

wss.on('listening', () => parentPort.postMessage({ port: wss.address().port }));
wss.on('error', (err) => parentPort.postMessage({ error: err.message }));

/** This thread's own CPU time (user + system, ms) from /proc (Linux); NaN elsewhere. */
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in ticks of 10 ms
  } catch {
    return NaN;
  }
}

parentPort.on('message', (msg) => {
  if (msg === 'cpu') parentPort.postMessage({ cpuMs: threadCpuMs() });
  if (msg === 'close') {
    for (const client of wss.clients) client.terminate();
    wss.close(() => process.exit(0));
  }
});
