// The raw-`ws` baselines of `npm run bench`, one process each (started by bench/lib.ts with the probe preload, pinned
// like Fireside). BENCH_WS_MODE picks what the floor is:
//   relay  a message from any client goes to every client (the ws README broadcast); with BENCH_WS_REDIS_URL it goes
//          through Redis pub/sub first, so two such processes form the two-node baseline;
//   votes  {"vote":[questionId,userId],"id"} counts each (question, user) once, acks, and broadcasts changed tallies
//          at most every 250 ms (what Fireside's coalescer promises);
//   join   {"join":true} is answered with a room state of BENCH_WS_JOIN_STATE_BYTES (Fireside's, measured);
//   idle   connections only (memory per idle connection).
import { WebSocket, WebSocketServer } from 'ws';

const mode = process.env.BENCH_WS_MODE ?? 'relay';
const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.BENCH_WS_PORT), clientTracking: true });
// Ready only once listening AND set up (the Redis subscription below is awaited).
const listening = new Promise((resolve) => wss.once('listening', resolve));
wss.on('error', (err) => {
  console.error(err);
  process.exit(1);
});

const broadcast = (data, isBinary = false) => {
  for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
};

if (mode === 'relay') {
  let publish = (data) => broadcast(data);
  if (process.env.BENCH_WS_REDIS_URL) {
    const { Redis } = await import('ioredis');
    const pub = new Redis(process.env.BENCH_WS_REDIS_URL);
    const sub = new Redis(process.env.BENCH_WS_REDIS_URL);
    await sub.subscribe('bench:relay');
    sub.on('messageBuffer', (_channel, message) => broadcast(message));
    publish = (data) => pub.publish('bench:relay', data);
  }
  wss.on('connection', (ws) => ws.on('message', (data) => publish(data)));
}

if (mode === 'votes') {
  const voters = new Set();
  const tallies = new Map();
  const dirty = new Set();
  wss.on('connection', (ws) =>
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      const [questionId, userId] = msg.vote;
      const key = `${questionId}|${userId}`;
      if (!voters.has(key)) {
        voters.add(key);
        tallies.set(questionId, (tallies.get(questionId) ?? 0) + 1);
        dirty.add(questionId);
      }
      ws.send(JSON.stringify({ id: msg.id, votes: tallies.get(questionId) }));
    }),
  );
  setInterval(() => {
    if (dirty.size === 0) return;
    const payload = JSON.stringify(['question:voted', { tallies: [...dirty].map((q) => [q, tallies.get(q)]) }]);
    dirty.clear();
    broadcast(payload);
  }, 250);
}

if (mode === 'join') {
  const bytes = Number(process.env.BENCH_WS_JOIN_STATE_BYTES ?? 2000);
  const state = JSON.stringify({ ok: true, data: { filler: 'x'.repeat(Math.max(0, bytes - 30)) } });
  wss.on('connection', (ws) =>
    ws.on('message', (data) => {
      if (JSON.parse(data.toString()).join) ws.send(state);
    }),
  );
}

await listening;
process.send?.({ ready: true });
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  wss.close(() => process.exit(0));
});
