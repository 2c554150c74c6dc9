// `npm run bench` suite "join-storm": 2,000 new sockets spread evenly over 10 s (tiny: 40 over 2 s), each connecting
// (handshake: session cookie, user read) and joining one LIVE discussion; timed from the start of the connection to
// the join's answer (the initial room state). Baseline: a raw ws server answering a join with a state of the same size.
import { performance } from 'node:perf_hooks';
import { connectSocket, type TestSocket } from '@/server/test/harness';
import { createDiscussion, join } from '@/server/test/live-fixtures';
import {
  bySize,
  createUsers,
  log,
  openDb,
  openWs,
  percentile,
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

const JOINS = bySize(2000, 40);
const WINDOW_MS = bySize(10_000, 2000);
/**
 * Sockets per signed-in user (default 11, like every suite): `BENCH_JOIN_SOCKETS_PER_USER=1` makes the storm a crowd
 * of different people, none of whom the server has seen on a socket yet (2,000 sign-ins first: about 45 s more).
 */
const PER_USER = Number(process.env.BENCH_JOIN_SOCKETS_PER_USER ?? SOCKETS_PER_USER);
if (!Number.isInteger(PER_USER) || PER_USER < 1 || PER_USER > SOCKETS_PER_USER) throw new Error(`BENCH_JOIN_SOCKETS_PER_USER must be 1-${SOCKETS_PER_USER}`);

type Storm = {
  p50: number;
  p99: number;
  handshakeP99: number;
  failed: number;
  errors: Record<string, number>;
  eventLoopDelayP99: number;
  serverCpuPerJoinMs: number;
};

/** Starts `JOINS` joins evenly over the window without waiting for earlier ones (an arriving crowd, not a queue). */
async function storm(joinOne: (i: number) => Promise<{ handshakeMs: number }>) {
  const total: number[] = [];
  const handshakes: number[] = [];
  const errors: Record<string, number> = {};
  const t0 = performance.now();
  const started: Promise<void>[] = [];
  for (let i = 0; i < JOINS; i++) {
    const wait = t0 + (i * WINDOW_MS) / JOINS - performance.now();
    if (wait > 1) await sleep(wait);
    const at = performance.now();
    started.push(
      joinOne(i).then(
        ({ handshakeMs }) => {
          total.push(performance.now() - at);
          handshakes.push(handshakeMs);
        },
        (err: Error) => {
          errors[err.message] = (errors[err.message] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(started);
  return { p50: percentile(total, 50), p99: percentile(total, 99), handshakeP99: percentile(handshakes, 99), failed: JOINS - total.length, errors };
}

runSuite('join-storm', `join storm: ${JOINS} joins in ${WINDOW_MS / 1000} s`, async (details) => {
  const server = await startFireside('fireside');
  const db = openDb(server);
  const users = Math.ceil(JOINS / PER_USER);
  const emails = await createUsers(db, users, 'joins');
  const discussionId = await createDiscussion(db, { status: 'LIVE' });
  const cookies = await signInAll(server, emails);

  // Warm-up: the first connections load code and fill caches; the storm measures a server that has seen a join.
  for (let i = 0; i < 3; i++) {
    const s = await connectSocket(server, { cookie: cookies[0] });
    await join(s, discussionId);
    s.close();
  }
  await sleep(300);

  const sockets: TestSocket[] = [];
  let stateBytes = 0;
  const c0 = (await server.probe({ reset: true })).cpuMs;
  const fire = await storm(async (i) => {
    const t = performance.now();
    const socket = await connectSocket(server, { cookie: cookies[i % users], timeout: 30_000 });
    const handshakeMs = performance.now() - t;
    sockets.push(socket);
    const state = await join(socket, discussionId);
    if (!stateBytes) stateBytes = Buffer.byteLength(JSON.stringify({ ok: true, data: state }));
    return { handshakeMs };
  });
  const after = await server.probe({ reset: true });
  const result: Storm = { ...fire, eventLoopDelayP99: after.eventLoopDelay.p99, serverCpuPerJoinMs: (after.cpuMs - c0) / JOINS };
  log(`fireside: p50 ${round(fire.p50)} ms, p99 ${round(fire.p99)} ms (handshake p99 ${round(fire.handshakeP99)} ms), ${fire.failed} failed`);
  for (const s of sockets) s.close();
  await server.stop();

  const ws = await startWsBaseline('ws join', 'join', { BENCH_WS_JOIN_STATE_BYTES: String(stateBytes) });
  const wsSockets: { terminate(): void }[] = [];
  await ws.probe({ reset: true });
  const base = await storm(async () => {
    const t = performance.now();
    const c = await openWs(ws.url);
    const handshakeMs = performance.now() - t;
    wsSockets.push(c);
    await new Promise<void>((resolve) => {
      c.once('message', (data) => {
        JSON.parse(data.toString());
        resolve();
      });
      c.send(JSON.stringify({ join: true }));
    });
    return { handshakeMs };
  });
  const wsEld = (await ws.probe()).eventLoopDelay.p99;
  log(`ws: p50 ${round(base.p50)} ms, p99 ${round(base.p99)} ms`);
  for (const c of wsSockets) c.terminate();

  details.joins = JOINS;
  details.windowMs = WINDOW_MS;
  details.users = users;
  details.socketsPerUser = PER_USER;
  details.joinStateBytes = stateBytes;
  details.fireside = result;
  details.ws = { ...base, eventLoopDelayP99: wsEld };
  return [
    {
      metric: `p99 connect + join → initial state (${JOINS} in ${WINDOW_MS / 1000} s${PER_USER === 1 ? ', each a different person' : ''})`,
      unit: 'ms',
      target: '≤ 1000 ms, none failed',
      fireside: round(fire.p99),
      ws: round(base.p99),
      ratio: ratio(fire.p99, base.p99),
      pass: fire.p99 <= 1000 && fire.failed === 0,
    },
    {
      metric: 'p50 connect + join → initial state',
      unit: 'ms',
      target: 'report',
      fireside: round(fire.p50),
      ws: round(base.p50),
      ratio: ratio(fire.p50, base.p50),
      pass: null,
    },
    {
      metric: 'p99 handshake alone',
      unit: 'ms',
      target: 'report',
      fireside: round(fire.handshakeP99),
      ws: round(base.handshakeP99),
      ratio: ratio(fire.handshakeP99, base.handshakeP99),
      pass: null,
    },
    { metric: 'server CPU per connect + join', unit: 'ms', target: 'report', fireside: round(result.serverCpuPerJoinMs, 2), ws: null, ratio: null, pass: null },
    {
      metric: 'event-loop delay p99 during the storm',
      unit: 'ms',
      target: 'report',
      fireside: result.eventLoopDelayP99,
      ws: wsEld,
      ratio: ratio(result.eventLoopDelayP99, wsEld),
      pass: null,
    },
  ] satisfies ResultRow[];
});
