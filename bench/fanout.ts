// `npm run bench` suite "fanout": one room grown to 1,000 / 2,000 / 5,000 socket.io clients (BENCH_SCALE=tiny:
// 20 / 35 / 50). At each size: p50/p99 `question:ask` → the LAST client, deliveries per second for a burst of asks
// sent at once, and the server's event-loop delay p99; then the same against a raw ws relay with the same payload.
import type { QuestionView } from '@/lib/live/views';
import { createDiscussion } from '@/server/test/live-fixtures';
import {
  ASKS_PER_ASKER,
  askerPool,
  type BurstPhase,
  burstPhase,
  bySize,
  createUsers,
  Deliveries,
  type FanoutPhase,
  firesideRoom,
  latencyPhase,
  log,
  openDb,
  type ResultRow,
  ratio,
  round,
  runSuite,
  SOCKETS_PER_USER,
  signInAll,
  sleep,
  startFireside,
  startWsBaseline,
  wsRoom,
} from './lib';

const SIZES = bySize([1000, 2000, 5000], [20, 35, 50]);
const ASKS = bySize(30, 5);
const BURST = bySize(20, 5);
const SPACING_MS = bySize(200, 100);

type Stage = { size: number; latency: FanoutPhase; burst: BurstPhase };

runSuite('fanout', 'room fan-out: ask → last client, deliveries per second, event-loop delay', async (details) => {
  const askersPerStage = Math.ceil(ASKS / ASKS_PER_ASKER) + BURST;
  const users = Math.max(Math.ceil(Math.max(...SIZES) / SOCKETS_PER_USER), askersPerStage * SIZES.length);
  if (users > SIZES[0]) throw new Error(`the smallest room (${SIZES[0]}) must hold a socket of each of the ${users} users`);

  const server = await startFireside('fireside');
  const db = openDb(server);
  const emails = await createUsers(db, users, 'fanout');
  const discussionId = await createDiscussion(db, { status: 'LIVE' });
  const cookies = await signInAll(server, emails);

  const deliveries = new Deliveries();
  let sample: QuestionView | null = null;
  const room = firesideRoom([server], cookies, discussionId, deliveries, (q) => (sample = q));
  const pool = askerPool(users);
  const fireside: Stage[] = [];
  let k = 0;
  for (const size of SIZES) {
    const c0 = (await server.probe()).cpuMs;
    await room.grow(size);
    log(
      `fireside: ${size} clients joined (server CPU ${(((await server.probe()).cpuMs - c0) / (size - (fireside.at(-1)?.size ?? 0))).toFixed(1)} ms per connect + join)`,
    );
    await sleep(600); // the last presence flush (every 250 ms) goes out before anything is timed
    const latency = await latencyPhase(room, [server], deliveries, pool.take(Math.ceil(ASKS / ASKS_PER_ASKER)), ASKS, SPACING_MS);
    k += ASKS;
    const burst = await burstPhase(room, [server], deliveries, pool.take(BURST), k);
    k += BURST;
    fireside.push({ size, latency, burst });
    log(
      `fireside @${size}: p50 ${round(latency.p50)} p99 ${round(latency.p99)} ms, ${Math.round(burst.deliveriesPerSecond)} deliveries/s, event-loop delay p99 ${latency.eventLoopDelayP99} ms`,
    );
  }
  if (!sample) throw new Error('no question:asked was received');
  const view: QuestionView = sample;
  room.close();
  await server.stop();

  // The baseline relays the array socket.io puts on the wire (["question:asked", view]): same bytes, same JSON.parse.
  const ws = await startWsBaseline('ws relay', 'relay');
  const wsDeliveries = new Deliveries();
  const payloadFor = (id: string) => JSON.stringify(['question:asked', { ...view, id }]);
  const wsClients = wsRoom([ws], wsDeliveries, payloadFor);
  const baseline: Stage[] = [];
  for (const size of SIZES) {
    await wsClients.grow(size);
    const askers = Array.from({ length: BURST }, (_, i) => i);
    const latency = await latencyPhase(wsClients, [ws], wsDeliveries, askers, ASKS, SPACING_MS);
    const burst = await burstPhase(wsClients, [ws], wsDeliveries, askers, 0);
    baseline.push({ size, latency, burst });
    log(`ws @${size}: p50 ${round(latency.p50)} p99 ${round(latency.p99)} ms, ${Math.round(burst.deliveriesPerSecond)} deliveries/s`);
  }
  details.payloadBytes = Buffer.byteLength(payloadFor(view.id));
  details.users = users;
  details.asksPerSize = ASKS;
  details.burst = BURST;
  details.fireside = fireside;
  details.ws = baseline;

  const rows: ResultRow[] = [];
  for (const [i, f] of fireside.entries()) {
    const b = baseline[i];
    const p99Ratio = ratio(f.latency.p99, b.latency.p99);
    const absolute = f.size === 2000 ? 100 : f.size === 5000 ? 250 : null;
    rows.push(
      {
        metric: `p50 ask → last client @${f.size}`,
        unit: 'ms',
        target: 'report',
        fireside: round(f.latency.p50),
        ws: round(b.latency.p50),
        ratio: ratio(f.latency.p50, b.latency.p50),
        pass: null,
      },
      {
        metric: `p99 ask → last client @${f.size}`,
        unit: 'ms',
        target: absolute ? `≤ ${absolute} ms, ≤ 1.5× ws` : '≤ 1.5× ws',
        fireside: round(f.latency.p99),
        ws: round(b.latency.p99),
        ratio: p99Ratio,
        pass: p99Ratio !== null && p99Ratio <= 1.5 && (absolute === null || f.latency.p99 <= absolute) && f.latency.missing === 0,
      },
      {
        metric: `deliveries per second @${f.size}`,
        unit: '/s',
        target: '≥ 0.6× ws',
        fireside: Math.round(f.burst.deliveriesPerSecond),
        ws: Math.round(b.burst.deliveriesPerSecond),
        ratio: ratio(f.burst.deliveriesPerSecond, b.burst.deliveriesPerSecond),
        pass: (ratio(f.burst.deliveriesPerSecond, b.burst.deliveriesPerSecond) ?? 0) >= 0.6 && f.burst.missing === 0,
      },
      {
        metric: `event-loop delay p99 @${f.size}`,
        unit: 'ms',
        target: 'report',
        fireside: f.latency.eventLoopDelayP99,
        ws: b.latency.eventLoopDelayP99,
        ratio: ratio(f.latency.eventLoopDelayP99, b.latency.eventLoopDelayP99),
        pass: null,
      },
    );
  }
  return rows;
});
