// `npm run bench` suite "two-nodes": the same room on one Fireside node, then on two nodes sharing a Redis of the
// bench's own (a `redis-server` on a bench port) and a fresh PostgreSQL database, with the clients split between them.
// Throughput is deliveries per second of server CPU (both nodes run on the servers' core, so wall-clock throughput
// cannot double); p99 is ask → last client. Baseline: one raw ws relay against two relays joined by Redis pub/sub.
import { randomBytes } from 'node:crypto';
import { createDiscussion } from '@/server/test/live-fixtures';
import {
  ASKS_PER_ASKER,
  askerPool,
  type BenchServer,
  type BurstPhase,
  burstPhase,
  bySize,
  createUsers,
  Deliveries,
  type FanoutPhase,
  firesideRoom,
  freshPostgres,
  latencyPhase,
  log,
  openDb,
  type ResultRow,
  type Room,
  ratio,
  round,
  runSuite,
  SOCKETS_PER_USER,
  signInAll,
  sleep,
  startFireside,
  startRedis,
  startWsBaseline,
  wsRoom,
} from './lib';

const CLIENTS = bySize(1000, 30);
const ASKS = bySize(30, 5);
const BURST = bySize(20, 5);
const SPACING_MS = bySize(200, 100);

type Run = { latency: FanoutPhase; burst: BurstPhase };

async function measure(label: string, room: Room, servers: BenchServer[], deliveries: Deliveries, take: (n: number) => number[]): Promise<Run> {
  await room.grow(CLIENTS);
  await sleep(600);
  const latency = await latencyPhase(room, servers, deliveries, take(Math.ceil(ASKS / ASKS_PER_ASKER)), ASKS, SPACING_MS);
  const burst = await burstPhase(room, servers, deliveries, take(BURST), ASKS);
  log(
    `${label}: p99 ${round(latency.p99)} ms, ${Math.round(burst.deliveriesPerSecond)} deliveries/s, ` +
      `${Math.round(burst.deliveriesPerCpuSecond)} per server CPU-second, ${latency.missing + burst.missing} missing`,
  );
  room.close();
  return { latency, burst };
}

runSuite('two-nodes', `two nodes + Redis vs one node (${CLIENTS} clients, PostgreSQL)`, async (details) => {
  const pg = await freshPostgres();
  if ('skipped' in pg) return { skipped: pg.skipped };
  const redis = await startRedis();
  const redisUrl = redis?.url ?? process.env.TEST_REDIS_URL;
  if (!redisUrl) return { skipped: 'no redis-server to start and no TEST_REDIS_URL' };
  const prefix = `fireside-bench-${randomBytes(4).toString('hex')}:`;
  const shared = { AUTH_SECRET: randomBytes(32).toString('hex'), REDIS_KEY_PREFIX: prefix };

  // One node, PostgreSQL, no Redis.
  const single = await startFireside('node', { databaseUrl: pg.url, env: { ...shared, DEMO_SEED: 'on' } });
  const db = openDb(single);
  const users = Math.max(Math.ceil(CLIENTS / SOCKETS_PER_USER), 2 * (Math.ceil(ASKS / ASKS_PER_ASKER) + BURST));
  const cookies = await signInAll(single, await createUsers(db, users, 'nodes'));
  const askers = askerPool(users);
  const d1 = new Deliveries();
  const one = await measure('one node', firesideRoom([single], cookies, await createDiscussion(db, { status: 'LIVE' }), d1), [single], d1, askers.take);
  await single.stop();

  // Two nodes on the same database (sessions stay valid: same AUTH_SECRET), joined by Redis.
  const scale = { ...shared, REDIS_URL: redisUrl, DEMO_SEED: 'off' };
  const nodes = [await startFireside('node 1', { databaseUrl: pg.url, env: scale }), await startFireside('node 2', { databaseUrl: pg.url, env: scale })];
  const d2 = new Deliveries();
  const two = await measure('two nodes', firesideRoom(nodes, cookies, await createDiscussion(db, { status: 'LIVE' }), d2), nodes, d2, askers.take);
  for (const n of nodes) await n.stop();

  // The ws floor: one relay, then two relays that forward through Redis pub/sub.
  const payloadFor = (id: string) => JSON.stringify(['question:asked', { id, body: 'x'.repeat(400) }]);
  const wsTake = (n: number) => Array.from({ length: n }, (_, i) => i);
  const wsOne = await startWsBaseline('ws relay', 'relay');
  const w1 = new Deliveries();
  const wsSingle = await measure('ws, one relay', wsRoom([wsOne], w1, payloadFor), [wsOne], w1, wsTake);
  await wsOne.stop();
  const wsNodes = [
    await startWsBaseline('ws relay 1', 'relay', { BENCH_WS_REDIS_URL: redisUrl }),
    await startWsBaseline('ws relay 2', 'relay', { BENCH_WS_REDIS_URL: redisUrl }),
  ];
  const w2 = new Deliveries();
  const wsTwo = await measure('ws, two relays + Redis', wsRoom(wsNodes, w2, payloadFor), wsNodes, w2, wsTake);

  details.clients = CLIENTS;
  details.redis = redis ? 'redis-server started by the bench' : 'TEST_REDIS_URL';
  details.cpuNote = "server CPU is the node processes' own (Redis's and PostgreSQL's are not counted)";
  details.fireside = { one, two };
  details.ws = { one: wsSingle, two: wsTwo };
  const fireKeep = ratio(two.burst.deliveriesPerCpuSecond, one.burst.deliveriesPerCpuSecond);
  const wsKeep = ratio(wsTwo.burst.deliveriesPerCpuSecond, wsSingle.burst.deliveriesPerCpuSecond);
  const missing = one.latency.missing + one.burst.missing + two.latency.missing + two.burst.missing;
  return [
    {
      metric: 'throughput per node, two nodes / one (deliveries per server CPU-second)',
      unit: '×',
      target: '≥ 0.8',
      fireside: fireKeep === null ? null : round(fireKeep, 2),
      ws: wsKeep === null ? null : round(wsKeep, 2),
      ratio: ratio(fireKeep, wsKeep),
      pass: fireKeep !== null && fireKeep >= 0.8 && missing === 0,
    },
    {
      metric: 'p99 ask → last client, two nodes − one node',
      unit: 'ms',
      target: 'report',
      fireside: round(two.latency.p99 - one.latency.p99),
      ws: round(wsTwo.latency.p99 - wsSingle.latency.p99),
      ratio: null,
      pass: null,
    },
    {
      metric: 'p99 ask → last client, two nodes',
      unit: 'ms',
      target: 'report',
      fireside: round(two.latency.p99),
      ws: round(wsTwo.latency.p99),
      ratio: ratio(two.latency.p99, wsTwo.latency.p99),
      pass: null,
    },
  ] satisfies ResultRow[];
});
