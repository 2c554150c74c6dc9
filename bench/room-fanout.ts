// `npm run bench:room`: fan-out latency of the live room. N socket.io clients (signed in through next-auth) join one
// LIVE discussion on a real Fireside process; K `question:ask`s are timed from emit to the moment the LAST client
// receives `question:asked`. Baseline: a raw `ws` server broadcasting a payload of the same size to N raw clients.
// See bench/README.md.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { WebSocket } from 'ws';
import type { QuestionView } from '@/lib/live/views';
import { LIVE_BUDGETS } from '@/server/live/budgets';

const ASK_LIMIT = LIVE_BUDGETS.ask;

import { MAX_SOCKETS_PER_USER } from '@/server/realtime';
import { connectSocket, DEMO_PASSWORD, ROOT, signIn, startServer, type TestServer, type TestSocket } from '@/server/test/harness';
import { createDiscussion, join, openDb, sleep } from '@/server/test/live-fixtures';

process.env.NEXT_DIST_DIR ??= '.next-bench';

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

const CLIENTS = intEnv('BENCH_CLIENTS', 1000, 1, 5000);
const ASKS = intEnv('BENCH_ASKS', 30, 1, 500);
const SPACING_MS = intEnv('BENCH_SPACING_MS', 200, 0, 10_000);
// Distinct signed-in users behind the sockets. A sign-in costs the server ~50 ms of CPU (argon2id verify + next-auth),
// so 1,000 of them alone would take most of the time budget on 2 cores: by default 100 users with 10 sockets each
// (like 10 tabs; the server caps MAX_SOCKETS_PER_USER per user, and the join probe below needs one slot more).
// BENCH_USERS=1000 gives every socket its own user.
const USERS = intEnv('BENCH_USERS', Math.max(Math.ceil(CLIENTS / 10), Math.min(CLIENTS, 100)), Math.ceil(CLIENTS / (MAX_SOCKETS_PER_USER - 1)), CLIENTS);
const SIGN_IN_CONCURRENCY = intEnv('BENCH_SIGNIN_CONCURRENCY', 16, 1, 200);
const BATCH = intEnv('BENCH_BATCH', 50, 1, 1000); // sockets connected / joined concurrently
const DELIVERY_TIMEOUT_MS = 15_000;
/** Re-joins per probe: one person may join 20 times a minute (server/live/budgets.ts), the probe's first join included. */
const PROBE_JOINS = 18;
const WATCHDOG_MS = intEnv('BENCH_TIMEOUT_MS', 300_000, 10_000, 3_600_000);
// A directory for V8 CPU profiles of the server process (bench/cpu-profile-preload.cjs), written when it stops.
const PROFILE_DIR = process.env.BENCH_SERVER_PROFILE_DIR ? path.resolve(process.env.BENCH_SERVER_PROFILE_DIR) : null;
// Each asker may ask ASK_LIMIT.points times per ASK_LIMIT.seconds; enough askers that nobody is rate limited.
const ASKERS = Math.min(USERS, Math.ceil(ASKS / ASK_LIMIT.points));

const log = (msg: string) => console.log(`[bench] ${msg}`);
const ms = (n: number) => n.toFixed(1);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
function percentile(samples: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs fn over items with at most `limit` in flight; results in input order. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Batches of `size` started together; each waits for the previous one. Returns each batch's wall and CPU time. */
async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T, i: number) => Promise<void>,
  cpuOf: () => number = () => NaN,
): Promise<{ n: number; wallMs: number; cpuMs: number }[]> {
  const times: { n: number; wallMs: number; cpuMs: number }[] = [];
  for (let start = 0; start < items.length; start += size) {
    const t0 = performance.now();
    const c0 = cpuOf();
    const batch = items.slice(start, start + size);
    await Promise.all(batch.map((item, j) => fn(item, start + j)));
    times.push({ n: batch.length, wallMs: performance.now() - t0, cpuMs: cpuOf() - c0 });
  }
  return times;
}

/** A process and its descendants (the server runs as a child of the tsx CLI), from /proc (Linux). */
function processTree(pid: number): number[] {
  const tree = [pid];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) tree.push(...processTree(Number(child)));
    }
  } catch {
    // gone already, or not Linux
  }
  return tree;
}

/**
 * Stops the server gracefully. SIGTERM goes to the server process itself, not to the tsx CLI above it: the CLI relays
 * a signal but SIGKILLs its child when the child has not confirmed it within ~30 ms (tsx's relaySignals), which a busy
 * machine misses, and then the server neither drains nor writes its CPU profile.
 */
async function stopServer(server: TestServer) {
  for (const p of processTree(server.proc.pid!).slice(1)) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 15_000;
  while (server.proc.exitCode === null && server.proc.signalCode === null && Date.now() < deadline) await sleep(50);
  await server.stop();
}

/** CPU time (user + system, ms) of a process and its descendants; NaN where /proc is missing. */
function treeCpuMs(pid: number): number {
  try {
    let ticks = 0;
    for (const p of processTree(pid)) {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** Server and bench CPU spent while `work` runs. */
async function cpuDuring<T>(serverPid: number, work: () => Promise<T>): Promise<{ value: T; serverMs: number; benchMs: number; wallMs: number }> {
  const s0 = treeCpuMs(serverPid);
  const b0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const b = process.cpuUsage(b0);
  return { value, serverMs: treeCpuMs(serverPid) - s0, benchMs: (b.user + b.system) / 1000, wallMs: performance.now() - t0 };
}

const cpuLine = (what: string, c: { serverMs: number; benchMs: number; wallMs: number }, per: number, unit: string) =>
  `${what}: wall ${(c.wallMs / 1000).toFixed(1)} s; CPU server ${(c.serverMs / 1000).toFixed(1)} s (${(c.serverMs / per).toFixed(1)} ms per ${unit}), ` +
  `bench clients ${(c.benchMs / 1000).toFixed(1)} s (${(c.benchMs / per).toFixed(1)} ms per ${unit})`;

// ---- delivery tracking, shared by both systems: id → emit time and per-client receive latencies ----

type Tracker = { t0: number; latencies: number[]; done: () => void };
const pending = new Map<string, Tracker>();

function received(id: string) {
  const t = performance.now();
  const tracker = pending.get(id);
  if (!tracker) return;
  tracker.latencies.push(t - tracker.t0);
  if (tracker.latencies.length === CLIENTS) tracker.done();
}

type AskResult = { last: number; perClient: number[]; missing: number; ack?: number };

/** Emits K messages `spacing` ms apart (or once the previous one has reached everybody, if later). */
async function runAsks(label: string, send: (k: number, id: string) => { ack?: Promise<number> }): Promise<AskResult[]> {
  const results: AskResult[] = [];
  for (let k = 0; k < ASKS; k++) {
    const id = randomUUID();
    const started = performance.now();
    const tracker: Tracker = { t0: 0, latencies: [], done: () => {} };
    const all = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), DELIVERY_TIMEOUT_MS);
      tracker.done = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    pending.set(id, tracker);
    tracker.t0 = performance.now();
    const { ack } = send(k, id);
    // A refused ask rejects at once instead of waiting out the delivery timeout.
    const complete = await (ack ? Promise.race([all, ack.then(() => all)]) : all);
    pending.delete(id);
    const ackMs = ack ? await ack : undefined;
    const missing = CLIENTS - tracker.latencies.length;
    if (!complete) log(`${label} #${k + 1}: only ${tracker.latencies.length}/${CLIENTS} clients received it within ${DELIVERY_TIMEOUT_MS} ms`);
    results.push({ last: complete ? Math.max(...tracker.latencies) : Infinity, perClient: tracker.latencies, missing, ack: ackMs });
    const wait = SPACING_MS - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  return results;
}

type Row = { system: string; clients: number; p50: number; p99: number; max: number; perClientP50: number; missing: number };

function summarize(system: string, results: AskResult[]): Row {
  const lasts = results.map((r) => r.last);
  return {
    system,
    clients: CLIENTS,
    p50: percentile(lasts, 50),
    p99: percentile(lasts, 99),
    max: Math.max(...lasts),
    perClientP50: percentile(
      results.flatMap((r) => r.perClient),
      50,
    ),
    missing: results.reduce((n, r) => n + r.missing, 0),
  };
}

// ---- Fireside ----

type Client = { socket: TestSocket; user: number };

async function benchFireside(server: TestServer, cleanup: (() => void | Promise<void>)[]) {
  const db = openDb(server);
  cleanup.push(() => db.$disconnect());

  // Users straight into the database with one precomputed hash (the seeded demo password's), so no argon2 hashing
  // here; sign-in below still verifies it through next-auth as a browser would.
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: 'alex@example.org' }, select: { passwordHash: true } });
  // Two more users than the clients use: the join probes' own (the join budget is per person).
  const emails = Array.from({ length: USERS + 2 }, (_, i) => `bench-${String(i).padStart(5, '0')}@example.org`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, displayName: `Bench ${i}`, passwordHash })) });
  // The bench measures the room, not the review queue: bench accounts ask as established members.
  await db.communitySetting.upsert({ where: { key: 'newMemberHolds' }, create: { key: 'newMemberHolds', value: '0' }, update: { value: '0' } });
  const discussionId = await createDiscussion(db, { status: 'LIVE' });
  const emptyDiscussionId = await createDiscussion(db, { status: 'LIVE' });

  const pid = server.proc.pid!;
  const signIns = await cpuDuring(pid, () =>
    pool(emails, SIGN_IN_CONCURRENCY, async (email) => {
      const s = await signIn(server, email, DEMO_PASSWORD);
      if (!s.ok) throw new Error(`sign-in failed for ${email}: HTTP ${s.status} ${s.error}`);
      return s.cookie;
    }),
  );
  const cookies = signIns.value;
  log(cpuLine(`signed in ${emails.length} users via /api/auth/callback/credentials (${SIGN_IN_CONCURRENCY} at a time)`, signIns, emails.length, 'sign-in'));

  const clients: Client[] = [];
  cleanup.push(() => {
    for (const c of clients) c.socket.close();
  });
  const slots = Array.from({ length: CLIENTS }, (_, i) => i % USERS);
  const connects = await cpuDuring(pid, () =>
    inBatches(slots, BATCH, async (user) => {
      const socket = await connectSocket(server, { cookie: cookies[user], timeout: 20_000 });
      socket.on('question:asked', (q: QuestionView) => received(q.id));
      clients.push({ socket, user });
    }),
  );
  log(cpuLine(`connected ${clients.length} socket.io clients (${BATCH} at a time)`, connects, CLIENTS, 'socket'));

  // Every client accepts the agreement and joins. If a join cost O(room size), the server's CPU per join would grow
  // batch by batch (CPU time, unlike wall time, is not inflated by other load on the machine). The first USERS
  // sockets also write their agreement acceptance; later sockets of the same users find it already there.
  const joins = await cpuDuring(pid, () =>
    inBatches(
      clients,
      BATCH,
      async (c) => {
        await join(c.socket, discussionId);
      },
      () => treeCpuMs(pid),
    ),
  );
  log(cpuLine(`joined ${clients.length} clients (acceptAgreement: true, ${BATCH} at a time)`, joins, CLIENTS, 'join'));
  const profile = joins.value.map((b, i) => `${i * BATCH}→${Math.min(CLIENTS, (i + 1) * BATCH)}: ${(b.cpuMs / b.n).toFixed(1)}/${b.wallMs.toFixed(0)}`);
  log(`join batches by room size, server CPU ms per join / batch wall ms: ${profile.join(', ')}`);
  await sleep(600); // let the last presence broadcast (every 250 ms) go out before timing anything

  // The same join repeated one at a time by one extra socket (of a user of its own): into the full room, then into an empty LIVE
  // discussion. What differs is only the room's size (both have no questions yet; the agreement is already
  // accepted), so the server CPU per join shows what a join costs per socket already in the room.
  const probes: TestSocket[] = [];
  cleanup.push(() => {
    for (const p of probes) p.close();
  });
  const probeJoins = async (user: number, target: string) => {
    const probe = await connectSocket(server, { cookie: cookies[user] });
    probes.push(probe);
    await join(probe, target);
    await sleep(300);
    const acks: number[] = [];
    const cpu = await cpuDuring(pid, async () => {
      for (let i = 0; i < PROBE_JOINS; i++) {
        const t = performance.now();
        await join(probe, target);
        acks.push(performance.now() - t);
      }
    });
    probe.close();
    await sleep(300);
    return { ackP50: percentile(acks, 50), serverCpuPerJoin: cpu.serverMs / PROBE_JOINS };
  };
  const intoFull = await probeJoins(USERS, discussionId);
  const intoEmpty = await probeJoins(USERS + 1, emptyDiscussionId);
  log(
    `${PROBE_JOINS} sequential re-joins: into the ${CLIENTS + 1}-socket room ${ms(intoFull.serverCpuPerJoin)} ms server CPU per join ` +
      `(ack p50 ${ms(intoFull.ackP50)} ms); into an empty room ${ms(intoEmpty.serverCpuPerJoin)} ms (ack p50 ${ms(intoEmpty.ackP50)} ms)`,
  );

  // Askers: the first socket of ASKERS distinct users.
  const askers = [...new Map(clients.map((c) => [c.user, c.socket])).values()].slice(0, ASKERS);
  let sample: QuestionView | null = null;
  const keepSample = (q: QuestionView) => (sample = q); // the last one: a named question
  clients[clients.length - 1].socket.on('question:asked', keepSample);
  log(`${ASKS} asks by ${askers.length} askers (ASK_LIMIT ${ASK_LIMIT.points} per ${ASK_LIMIT.seconds} s each), ≥${SPACING_MS} ms apart`);
  const asks = await cpuDuring(pid, () =>
    runAsks('question:ask', (k, id) => {
      const t = performance.now();
      const ack = new Promise<number>((resolve, reject) => {
        askers[k % askers.length].emit('question:ask', { discussionId, id, body: questionBody(k), anonymous: k % 3 === 0 }, (res) =>
          res.ok ? resolve(performance.now() - t) : reject(new Error(`ask #${k + 1} refused: ${res.error.code} ${res.error.message}`)),
        );
      });
      return { ack };
    }),
  );
  const results = asks.value;
  log(cpuLine(`${ASKS} asks delivered to ${CLIENTS} sockets`, asks, ASKS, 'ask'));
  const acks = results.map((r) => r.ack!);
  log(`ask → ack (the asker's own answer, before the broadcast): p50 ${ms(percentile(acks, 50))} ms, max ${ms(Math.max(...acks))} ms`);
  return { results, sample: sample as QuestionView | null };
}

function questionBody(k: number) {
  return `Question ${k + 1} from the benchmark: how do you hold space for someone whose integration is going slowly, and what helps you notice when you need support yourself?`;
}

// ---- raw ws baseline ----

async function benchWs(payloadFor: (id: string) => string, cleanup: (() => void | Promise<void>)[]) {
  const worker = new Worker(new URL('./ws-broadcast-server.mjs', import.meta.url));
  cleanup.push(async () => {
    worker.postMessage('close');
    await Promise.race([new Promise((r) => worker.once('exit', r)), sleep(2000)]);
    await worker.terminate();
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port?: number; error?: string }) => (m.port ? resolve(m.port) : reject(new Error(m.error))));
  });

  const sockets: WebSocket[] = [];
  cleanup.push(() => {
    for (const s of sockets) s.terminate();
  });
  const t0 = performance.now();
  await inBatches(Array.from({ length: CLIENTS }), BATCH, async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    sockets.push(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('message', (data) => received((JSON.parse(data.toString()) as [string, QuestionView])[1].id));
  });
  log(`connected ${sockets.length} raw ws clients (${BATCH} at a time) in ${secs(t0)}`);

  const serverCpu = () =>
    new Promise<number>((resolve) => {
      worker.once('message', (m: { cpuMs: number }) => resolve(m.cpuMs));
      worker.postMessage('cpu');
    });
  const server0 = await serverCpu();
  const process0 = process.cpuUsage();
  const t1 = performance.now();
  const results = await runAsks('ws broadcast', (k, id) => {
    sockets[k % ASKERS].send(payloadFor(id));
    return {};
  });
  const serverMs = (await serverCpu()) - server0;
  const { user, system } = process.cpuUsage(process0);
  // The process's CPU covers every thread; the worker thread's own CPU is the server's part of it.
  const c = { serverMs, benchMs: (user + system) / 1000 - serverMs, wallMs: performance.now() - t1 };
  log(`${cpuLine(`${ASKS} ws broadcasts delivered to ${CLIENTS} sockets`, c, ASKS, 'broadcast')} (server = the worker thread)`);
  return results;
}

// ---- main ----

async function main() {
  const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR!);
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.error(
      `[bench] no Next build in ${process.env.NEXT_DIST_DIR}/. Build it first:\n\n` +
        `  NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR} npx next build\n\n` +
        `(NEXT_DIST_DIR selects the build directory; the bench defaults to .next-bench so it does not disturb .next.)`,
    );
    process.exitCode = 2;
    return;
  }
  log(
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} (other work on this machine skews the numbers)`,
  );
  log(
    `clients ${CLIENTS}, users ${USERS} (${Math.ceil(CLIENTS / USERS)} socket(s) each, cap ${MAX_SOCKETS_PER_USER}), asks ${ASKS}, build ${process.env.NEXT_DIST_DIR}/`,
  );

  const cleanup: (() => void | Promise<void>)[] = [];
  let server: TestServer | null = null;
  const started = performance.now();
  const watchdog = setTimeout(() => {
    console.error(`[bench] gave up after ${WATCHDOG_MS / 1000} s`);
    // The server we started and its children (killing only the tsx CLI would orphan the server process).
    for (const p of server?.proc.pid ? processTree(server.proc.pid).reverse() : []) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  try {
    let t0 = performance.now();
    const preload = path.join(ROOT, 'bench/cpu-profile-preload.cjs');
    server = await startServer(PROFILE_DIR ? { env: { NODE_OPTIONS: `--require ${preload}`, BENCH_PROFILE_DIR: PROFILE_DIR } } : {});
    log(`Fireside ready on ${server.url} in ${secs(t0)} (SQLite ${server.databaseUrl})`);

    const fire = await benchFireside(server, cleanup);
    if (!fire.sample) throw new Error('no question:asked was received');
    // The baseline payload: the same array socket.io puts on the wire (["question:asked", view]), same size.
    const sample = fire.sample;
    const payloadFor = (id: string) => JSON.stringify(['question:asked', { ...sample, id }]);
    const payloadBytes = Buffer.byteLength(payloadFor(randomUUID()));

    // Fireside's clients go first so that the baseline runs without 1,000 idle socket.io clients beside it.
    t0 = performance.now();
    for (const fn of cleanup.splice(0).reverse()) await fn();
    await stopServer(server);
    log(`closed the socket.io clients and stopped Fireside in ${secs(t0)}`);
    if (PROFILE_DIR) {
      const files = readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile'));
      log(`server CPU profiles in ${PROFILE_DIR}: ${files.join(', ') || 'none'}; read them with: npx tsx bench/profile-summary.ts ${PROFILE_DIR}`);
      if (files.length === 0)
        console.log(
          server
            .output()
            .split('\n')
            .filter((l) => !l.includes('DEBUGX'))
            .slice(-20)
            .join('\n'),
        );
    }

    const wsResults = await benchWs(payloadFor, cleanup);
    const rows = [summarize('Fireside (Socket.IO 4.8)', fire.results), summarize('raw ws (baseline)', wsResults)];
    printTable(rows, payloadBytes);
    log(
      `total ${secs(started)}; load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    if (rows.some((r) => r.missing > 0)) process.exitCode = 1;
  } catch (err) {
    console.error('[bench] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
    if (server) console.error(`[bench] server output (tail):\n${server.output().slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    for (const fn of cleanup.reverse())
      await Promise.resolve()
        .then(fn)
        .catch(() => {});
    if (server) {
      await stopServer(server).catch(() => {});
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    clearTimeout(watchdog);
  }
}

function printTable(rows: Row[], payloadBytes: number) {
  const header = ['system', 'clients', 'p50 ms', 'p99 ms', 'max ms', 'per-client p50 ms'];
  const body = rows.map((r) => [r.system, String(r.clients), ms(r.p50), ms(r.p99), ms(r.max), ms(r.perClientP50)]);
  const [fire, ws] = rows;
  body.push([
    'ratio Fireside / ws',
    '',
    `${(fire.p50 / ws.p50).toFixed(1)}×`,
    `${(fire.p99 / ws.p99).toFixed(1)}×`,
    `${(fire.max / ws.max).toFixed(1)}×`,
    `${(fire.perClientP50 / ws.perClientP50).toFixed(1)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\nemit → LAST client, over ${ASKS} messages (payload ${payloadBytes} bytes of JSON; p99 of ${ASKS} is nearest-rank)`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.missing) console.log(`${r.system}: ${r.missing} deliveries missing`);
  console.log('');
}

main().then(
  () => process.exit(),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
