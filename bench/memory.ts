// `npm run bench` suite "memory": heap and RSS per idle connection (signed-in socket.io sockets that joined nothing)
// against plain `ws`, both measured inside the server after full GCs (--expose-gc, bench/server-probe-preload.cjs);
// then the leak check: three waves of 5,000 connects and disconnects (tiny: 50), heap after each wave.
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import { connectSocket, type TestSocket } from '@/server/test/harness';
import {
  type BenchServer,
  bySize,
  createUsers,
  log,
  openDb,
  openWs,
  type Probe,
  type ResultRow,
  ratio,
  round,
  runSuite,
  SOCKETS_PER_USER,
  signInAll,
  sleep,
  startFireside,
  startWsBaseline,
} from './lib';

const CONNECTIONS = bySize(5000, 50);
const WAVES = 3;
const BATCH = 50;
const KB = 1024;

/** Polls until the server holds at most `n` open sockets (the disconnects were processed), or 30 s went by. */
async function settle(server: BenchServer, n: number) {
  const deadline = performance.now() + 30_000;
  while ((await server.probe()).sockets > n && performance.now() < deadline) await sleep(100);
}

type Waves = { base: Probe; peak: Probe[]; after: Probe[] };

/** WAVES times: open CONNECTIONS clients (BATCH at a time), measure after GC, close them all, measure after GC. */
async function waves(server: BenchServer, open: () => Promise<{ close(): void }>): Promise<Waves> {
  const base = await server.probe({ gc: true });
  if (!base.gc) throw new Error(`${server.name} has no gc(): it must run with --expose-gc`);
  const peak: Probe[] = [];
  const after: Probe[] = [];
  for (let w = 0; w < WAVES; w++) {
    const clients: { close(): void }[] = [];
    for (let start = 0; start < CONNECTIONS; start += BATCH)
      clients.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, CONNECTIONS - start) }, open))));
    await sleep(200);
    peak.push(await server.probe({ gc: true }));
    for (const c of clients) c.close();
    await settle(server, base.sockets);
    after.push(await server.probe({ gc: true }));
    log(
      `${server.name} wave ${w + 1}: ${CONNECTIONS} open → heap ${(peak[w].memory.heapUsed / KB / KB).toFixed(1)} MB, rss ${(peak[w].memory.rss / KB / KB).toFixed(1)} MB; ` +
        `all closed → heap ${(after[w].memory.heapUsed / KB / KB).toFixed(1)} MB`,
    );
  }
  return { base, peak, after };
}

const perConnection = (w: Waves, key: 'heapUsed' | 'rss') => (w.peak[0].memory[key] - w.base.memory[key]) / CONNECTIONS;
/** Heap growth from wave 1 to the last wave, both measured with every connection closed. */
const growth = (w: Waves) => w.after[WAVES - 1].memory.heapUsed - w.after[0].memory.heapUsed;

runSuite('memory', `memory per idle connection (${CONNECTIONS}) and ${WAVES} waves of connects/disconnects`, async (details) => {
  const server = await startFireside('fireside');
  const db = openDb(server);
  const users = Math.ceil(CONNECTIONS / SOCKETS_PER_USER);
  const cookies = await signInAll(server, await createUsers(db, users, 'memory'));
  // Warm-up, so the measured base already holds what the first connection loads once.
  for (let i = 0; i < 3; i++) (await connectSocket(server, { cookie: cookies[0] })).close();
  let slot = 0;
  const fire = await waves(server, async () => {
    const socket: TestSocket = await connectSocket(server, { cookie: cookies[slot++ % users], timeout: 30_000 });
    return { close: () => socket.close() };
  });
  await server.stop();

  const ws = await startWsBaseline('ws', 'idle');
  for (let i = 0; i < 3; i++) (await openWs(ws.url)).terminate();
  const base = await waves(ws, async () => {
    const c: WebSocket = await openWs(ws.url);
    return { close: () => c.close() };
  });

  // A leak of 64 bytes per connection per wave would show over the two later waves; smaller is GC noise.
  const leakLimit = Math.max(2 * CONNECTIONS * 64, KB * KB);
  details.connections = CONNECTIONS;
  details.waves = WAVES;
  details.leakLimitBytes = leakLimit;
  details.fireside = fire;
  details.ws = base;
  const fireHeap = perConnection(fire, 'heapUsed');
  const wsHeap = perConnection(base, 'heapUsed');
  const fireRss = perConnection(fire, 'rss');
  const wsRss = perConnection(base, 'rss');
  return [
    {
      metric: `heap per idle connection (${CONNECTIONS} open, after GC)`,
      unit: 'KB',
      target: '≤ 1.5× ws',
      fireside: round(fireHeap / KB, 2),
      ws: round(wsHeap / KB, 2),
      ratio: ratio(fireHeap, wsHeap),
      pass: (ratio(fireHeap, wsHeap) ?? Number.POSITIVE_INFINITY) <= 1.5,
    },
    {
      metric: 'RSS per idle connection',
      unit: 'KB',
      target: '≤ 1.5× ws',
      fireside: round(fireRss / KB, 2),
      ws: round(wsRss / KB, 2),
      ratio: ratio(fireRss, wsRss),
      pass: (ratio(fireRss, wsRss) ?? Number.POSITIVE_INFINITY) <= 1.5,
    },
    {
      metric: `heap growth, wave 1 → wave ${WAVES} (all closed; limit ${round(leakLimit / KB / KB, 2)} MB)`,
      unit: 'MB',
      target: 'no growth',
      fireside: round(growth(fire) / KB / KB, 2),
      ws: round(growth(base) / KB / KB, 2),
      ratio: null,
      pass: growth(fire) <= leakLimit,
    },
  ] satisfies ResultRow[];
});
