// Shared parts of `npm run bench` (bench/run.ts): sizes per BENCH_SCALE, ports 3400-3499, core pinning with taskset,
// the servers under test (Fireside and the raw `ws` baselines, each its own process with bench/server-probe-preload.cjs),
// signed-in bench users, rooms of socket.io or ws clients with delivery tracking, and the result rows every suite
// reports. The clients live in the suite's process, pinned to core 1; every server runs pinned to core 0.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { WebSocket } from 'ws';
import type { QuestionView } from '@/lib/live/views';
import { createDb, type Db } from '@/server/db/client';
import { connectSocket, DEMO_PASSWORD, ROOT, serverEnv, signIn, type TestSocket } from '@/server/test/harness';
import { join, sleep } from '@/server/test/live-fixtures';

export { ROOT, sleep };

process.env.NEXT_DIST_DIR ??= '.next-bench';

// ---- scale ----

const scaleRaw = process.env.BENCH_SCALE ?? 'full';
if (scaleRaw !== 'full' && scaleRaw !== 'tiny') throw new Error(`BENCH_SCALE must be "tiny" or "full" (got "${scaleRaw}")`);
export const SCALE: 'full' | 'tiny' = scaleRaw;
/** The full-size value, or the tiny one under BENCH_SCALE=tiny (a smoke run: 20-50 clients, short windows). */
export const bySize = <T>(full: T, tiny: T): T => (SCALE === 'tiny' ? tiny : full);

/** Sockets per signed-in user: the server caps a user at 12 per node (MAX_SOCKETS_PER_USER); one slot stays free. */
export const SOCKETS_PER_USER = 11;
const SIGN_IN_CONCURRENCY = 8;
const CONNECT_BATCH = 50;
/** One person may ask 5 times per 30 s (the live budgets): no asker is used for more than that in a run. */
export const ASKS_PER_ASKER = 5;

export const log = (msg: string) => console.log(`[bench] ${msg}`);
export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);
export const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** Nearest-rank percentile (p in 0..100). */
export function percentile(samples: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs fn over items with at most `limit` in flight; results in input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
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

// ---- processes: pinning, ports, cleanup ----

const TASKSET = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
/** Server on core 0, clients on core 1: only where taskset exists, there are 2+ cores, and BENCH_PIN is not "off". */
export const PINNED = TASKSET && availableParallelism() >= 2 && process.env.BENCH_PIN !== 'off';
export const pinning = PINNED ? 'servers on core 0, clients on core 1 (taskset)' : 'not pinned (no taskset, one core, or BENCH_PIN=off)';

/** The command line for a process pinned to `core` (unchanged where pinning is off). */
export function pinnedCommand(core: 0 | 1, command: string, args: string[]): [string, string[]] {
  return PINNED ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
}

/** Pins this process (every thread) to the clients' core. */
export function pinSelfToClientCore() {
  if (PINNED) spawnSync('taskset', ['-acp', '1', String(process.pid)], { stdio: 'ignore' });
}

const PORT_MIN = Number(process.env.BENCH_PORT_MIN ?? 3400);
const PORT_MAX = Number(process.env.BENCH_PORT_MAX ?? 3499);
let portCursor = Math.floor(Math.random() * (PORT_MAX - PORT_MIN + 1));

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/** A free port in BENCH_PORT_MIN..BENCH_PORT_MAX (3400-3499), so bench servers never meet anybody else's. */
export async function allocatePort(): Promise<number> {
  for (let i = 0; i <= PORT_MAX - PORT_MIN; i++) {
    const port = PORT_MIN + (portCursor++ % (PORT_MAX - PORT_MIN + 1));
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_MIN}-${PORT_MAX}`);
}

const children = new Set<ChildProcess>();
/** Output of every server the suite started, printed when it fails. */
const outputs: { name: string; output: () => string }[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
/** Runs at the end of the suite, last registered first, also after a failure or the watchdog. */
export const onCleanup = (fn: () => void | Promise<void>) => cleanups.push(fn);

async function runCleanups() {
  for (const fn of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(fn)
      .catch(() => {});
}

function killChildren() {
  for (const c of children)
    if (c.exitCode === null && c.signalCode === null && c.pid) {
      try {
        process.kill(c.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
}

// ---- servers under test ----

export type Probe = {
  eventLoopDelay: { p50: number; p99: number; max: number; mean: number; count: number };
  memory: { heapUsed: number; rss: number; external: number; arrayBuffers: number };
  cpuMs: number;
  sockets: number;
  gc: boolean;
};

export type BenchServer = {
  name: string;
  url: string;
  port: number;
  pid: number;
  databaseUrl: string;
  /** Asks the preload: event-loop delay since the last reset, memory (after a full GC with gc), CPU, open sockets. */
  probe: (opts?: { gc?: boolean; reset?: boolean }) => Promise<Probe>;
  output: () => string;
  stop: () => Promise<void>;
};

const PRELOAD = path.join(ROOT, 'bench/server-probe-preload.cjs');
/** `BENCH_SERVER_PROFILE_DIR=DIR`: every Fireside server writes DIR/<pid>.cpuprofile when stopped (bench/profile-summary.ts reads them). */
const PROFILE_DIR = process.env.BENCH_SERVER_PROFILE_DIR ? path.resolve(process.env.BENCH_SERVER_PROFILE_DIR) : null;

function spawnServer(name: string, args: string[], env: NodeJS.ProcessEnv): { proc: ChildProcess; output: () => string } {
  const [cmd, argv] = pinnedCommand(0, process.execPath, ['--expose-gc', '--require', PRELOAD, ...args]);
  const proc = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  let out = '';
  // `BENCH_SERVER_LOG_DIR=DIR`: every server's whole output also goes to DIR/<name>-<pid>.log (e.g. with
  // BENCH_SERVER_NODE_FLAGS=--trace-gc).
  const logDir = process.env.BENCH_SERVER_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });
  const logFile = logDir ? path.join(logDir, `${name.replace(/\W+/g, '-')}-${proc.pid}.log`) : null;
  const keep = (d: Buffer) => {
    out = (out + d).slice(-20_000);
    if (logFile) appendFileSync(logFile, d);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  outputs.push({ name, output: () => out });
  return { proc, output: () => out };
}

function prober(proc: ChildProcess) {
  let nextId = 0;
  return (opts: { gc?: boolean; reset?: boolean } = {}) =>
    new Promise<Probe>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        proc.off('message', onMessage);
        reject(new Error('the server did not answer the probe within 60 s'));
      }, 60_000);
      const onMessage = (m: Probe & { probe?: boolean; id?: number }) => {
        if (!m?.probe || m.id !== id) return;
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve(m);
      };
      proc.on('message', onMessage);
      proc.send({ probe: true, id, ...opts });
    });
}

async function stopProcess(proc: ChildProcess, graceMs = 15_000) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, sleep(graceMs)]);
  if (proc.exitCode === null && proc.signalCode === null) {
    proc.kill('SIGKILL');
    await exited;
  }
}

/** A real Fireside process (server/index.ts, the built Next app) on a port of its own; ready once /api/ready is 200. */
export async function startFireside(name: string, opts: { env?: Record<string, string>; databaseUrl?: string } = {}): Promise<BenchServer> {
  const port = await allocatePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fireside-bench-'));
  const env = serverEnv(port, dataDir, {
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  });
  // `BENCH_SERVER_NODE_FLAGS="--max-semi-space-size=32 --trace-gc"`: Node flags for the Fireside servers alone, on their
  // command line (to compare settings, or to see the collector's pauses with BENCH_SERVER_LOG_DIR).
  const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    env.BENCH_PROFILE_DIR = PROFILE_DIR;
  }
  const profiler = PROFILE_DIR ? ['--require', path.join(ROOT, 'bench/cpu-profile-preload.cjs')] : [];
  const { proc, output } = spawnServer(name, [...nodeFlags, ...profiler, '--import', 'tsx', path.join(ROOT, 'server/index.ts')], env);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(proc);
    rmSync(dataDir, { recursive: true, force: true });
  };
  onCleanup(stop);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}:\n${output()}`);
    const status = await fetch(`${url}/api/ready`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready in 120 s:\n${output()}`);
    await sleep(200);
  }
  return { name, url, port, pid: proc.pid!, databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, 'fireside.db')}`, probe: prober(proc), output, stop };
}

export type WsMode = 'relay' | 'votes' | 'join' | 'idle';

/** The raw `ws` baseline (bench/ws-baseline-server.mjs) in its own process, pinned like Fireside. */
export async function startWsBaseline(name: string, mode: WsMode, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await allocatePort();
  const { proc, output } = spawnServer(name, [path.join(ROOT, 'bench/ws-baseline-server.mjs')], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BENCH_WS_PORT: String(port),
    BENCH_WS_MODE: mode,
    NODE_ENV: 'production',
    ...env,
  });
  const stop = () => stopProcess(proc, 5000);
  onCleanup(stop);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output()}`)), 30_000);
    proc.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output()}`)));
    const onMessage = (m: { ready?: boolean }) => {
      if (!m?.ready) return;
      clearTimeout(timer);
      proc.off('message', onMessage);
      resolve();
    };
    proc.on('message', onMessage);
  });
  return { name, url: `ws://127.0.0.1:${port}`, port, pid: proc.pid!, databaseUrl: '', probe: prober(proc), output, stop };
}

/** A `redis-server` of the bench's own (no persistence) on a port in the bench range, pinned with the servers. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const port = await allocatePort();
  const [cmd, argv] = pinnedCommand(0, 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  const proc = spawn(cmd, argv, { stdio: 'ignore' });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  const stop = () => stopProcess(proc, 5000);
  onCleanup(stop);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
    if (!(await portFree(port))) break;
    if (Date.now() > deadline) throw new Error('redis-server did not start');
    await sleep(50);
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

/** A fresh PostgreSQL database for this run (dropped at the end), or null with the reason when none is reachable. */
export async function freshPostgres(): Promise<{ url: string } | { skipped: string }> {
  const base = process.env.TEST_POSTGRES_URL || process.env.BENCH_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/test';
  const name = `fireside_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    return { skipped: `no PostgreSQL at ${base.replace(/\/\/[^@]*@/, '//…@')} (${err instanceof Error ? err.message : err}); set TEST_POSTGRES_URL` };
  } finally {
    await admin.end().catch(() => {});
  }
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}

// ---- users, discussions, sign-in ----

/** A Prisma client on the server's database, disconnected at the end of the suite. */
export function openDb(server: Pick<BenchServer, 'databaseUrl'>): Db {
  const db = createDb(server.databaseUrl);
  onCleanup(() => db.$disconnect());
  return db;
}

/**
 * `count` bench users written straight into the database with one precomputed hash (the seeded demo password's), so
 * nothing is hashed here; they still sign in through next-auth (argon2id verify) like a browser. Established members:
 * the room is measured, not the review queue.
 */
export async function createUsers(db: Db, count: number, prefix: string): Promise<string[]> {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email: 'alex@example.org' }, select: { passwordHash: true } });
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}-${randomUUID().slice(0, 6)}@example.org`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, displayName: `Bench ${i}`, passwordHash })) });
  await db.communitySetting.upsert({ where: { key: 'newMemberHolds' }, create: { key: 'newMemberHolds', value: '0' }, update: { value: '0' } });
  return emails;
}

/** Session cookies for every email, signed in through /api/auth/callback/credentials, 8 at a time. */
export async function signInAll(server: Pick<BenchServer, 'url' | 'probe'>, emails: string[]): Promise<string[]> {
  const t0 = performance.now();
  const c0 = (await server.probe()).cpuMs;
  const cookies = await pool(emails, SIGN_IN_CONCURRENCY, async (email) => {
    const s = await signIn(server, email, DEMO_PASSWORD);
    if (!s.ok) throw new Error(`sign-in failed for ${email}: HTTP ${s.status} ${s.error}`);
    return s.cookie;
  });
  const cpu = (await server.probe()).cpuMs - c0;
  log(`signed in ${emails.length} users in ${((performance.now() - t0) / 1000).toFixed(1)} s (server CPU ${(cpu / emails.length).toFixed(1)} ms each)`);
  return cookies;
}

// ---- rooms of clients and delivery tracking ----

/** Counts deliveries per message id; resolves once `expected` clients have it (or after the timeout). */
export class Deliveries {
  private pending = new Map<string, { t0: number; latencies: number[]; expected: number; done: () => void }>();

  received(id: string) {
    const t = performance.now();
    const p = this.pending.get(id);
    if (!p) return;
    p.latencies.push(t - p.t0);
    if (p.latencies.length === p.expected) p.done();
  }

  /** Registers `id` (expected by `expected` clients) just before it is sent; `sent` resolves with its latencies. */
  expect(id: string, expected: number, timeoutMs = 20_000): { sent: () => void; all: Promise<{ latencies: number[]; complete: boolean }> } {
    const entry = { t0: performance.now(), latencies: [] as number[], expected, done: () => {} };
    const all = new Promise<{ latencies: number[]; complete: boolean }>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ latencies: entry.latencies, complete: false });
      }, timeoutMs);
      entry.done = () => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ latencies: entry.latencies, complete: true });
      };
    });
    this.pending.set(id, entry);
    return { sent: () => (entry.t0 = performance.now()), all };
  }
}

/** One client of a room, Fireside or ws: `ask` sends one message that every client of the room should receive. */
export type RoomClient = { user: number; close: () => void };

export type Room = {
  clients: RoomClient[];
  /** Grows the room to `size` clients (connected and joined), CONNECT_BATCH at a time. */
  grow: (size: number) => Promise<void>;
  /** Sends message `id` as the k-th asker; resolves when the server acknowledged it (Fireside) or at once (ws). */
  ask: (asker: number, id: string, k: number) => Promise<void>;
  close: () => void;
};

/** socket.io clients of `cookies[user]` joined to one LIVE discussion; slot i belongs to user i mod users. */
export function firesideRoom(
  servers: Pick<BenchServer, 'url'>[],
  cookies: string[],
  discussionId: string,
  deliveries: Deliveries,
  onSample?: (q: QuestionView) => void,
): Room & { socketOf: (user: number) => TestSocket } {
  const clients: (RoomClient & { socket: TestSocket })[] = [];
  const byUser = new Map<number, TestSocket>();
  const room = {
    clients,
    socketOf: (user: number) => byUser.get(user)!,
    grow: async (size: number) => {
      while (clients.length < size) {
        const from = clients.length;
        // A batch never holds two sockets of one user: two first joins of one person at once (two tabs accepting
        // the agreement together) fail on PostgreSQL with a unique violation on AgreementAcceptance (see README).
        const end = Math.min(size, from + CONNECT_BATCH, (Math.floor(from / cookies.length) + 1) * cookies.length);
        const batch = Array.from({ length: end - from }, (_, j) => from + j);
        await Promise.all(
          batch.map(async (slot) => {
            const user = slot % cookies.length;
            // Two nodes: alternate slots between them, so each holds half of the room.
            const socket = await connectSocket(servers[slot % servers.length], { cookie: cookies[user], timeout: 30_000 });
            socket.on('question:asked', (q: QuestionView) => {
              deliveries.received(q.id);
              onSample?.(q);
            });
            await join(socket, discussionId);
            clients.push({ user, socket, close: () => socket.close() });
            if (!byUser.has(user)) byUser.set(user, socket);
          }),
        );
      }
    },
    ask: (asker: number, id: string, k: number) =>
      new Promise<void>((resolve, reject) => {
        const socket = byUser.get(asker);
        if (!socket) return reject(new Error(`asker ${asker} has no socket in the room`));
        socket.emit('question:ask', { discussionId, id, body: questionBody(k), anonymous: k % 3 === 0 }, (res) =>
          res.ok ? resolve() : reject(new Error(`ask #${k + 1} refused: ${res.error.code} ${res.error.message}`)),
        );
      }),
    close: () => {
      for (const c of clients) c.close();
    },
  };
  onCleanup(room.close);
  return room;
}

/** Raw ws clients of a relay baseline: a message one client sends reaches every client (the ws README broadcast). */
export function wsRoom(servers: Pick<BenchServer, 'url'>[], deliveries: Deliveries, payloadFor: (id: string) => string): Room {
  const sockets: WebSocket[] = [];
  const clients: RoomClient[] = [];
  const room = {
    clients,
    grow: async (size: number) => {
      while (clients.length < size) {
        const from = clients.length;
        const batch = Array.from({ length: Math.min(CONNECT_BATCH, size - from) }, (_, j) => from + j);
        await Promise.all(
          batch.map(async (slot) => {
            const ws = await openWs(servers[slot % servers.length].url);
            // Parsed like socket.io-client parses every packet.
            ws.on('message', (data) => deliveries.received((JSON.parse(data.toString()) as [string, { id: string }])[1].id));
            sockets[slot] = ws;
            clients.push({ user: slot, close: () => ws.terminate() });
          }),
        );
      }
    },
    ask: async (asker: number, id: string) => {
      sockets[asker % sockets.length].send(payloadFor(id));
    },
    close: () => {
      for (const s of sockets) s?.terminate();
    },
  };
  onCleanup(room.close);
  return room;
}

export function openWs(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function questionBody(k: number) {
  return `Question ${k + 1} from the benchmark: how do you hold space for someone whose integration is going slowly, and what helps you notice when you need support yourself?`;
}

/** Askers are handed out once each for up to ASKS_PER_ASKER asks, so no one ever hits the ask budget. */
export function askerPool(users: number) {
  let next = 0;
  return {
    take: (n: number) => {
      if (next + n > users) throw new Error(`not enough bench users for ${n} more askers (have ${users - next})`);
      const out = Array.from({ length: n }, (_, i) => next + i);
      next += n;
      return out;
    },
  };
}

export type FanoutPhase = {
  p50: number;
  p99: number;
  max: number;
  missing: number;
  eventLoopDelayP99: number;
  serverCpuMs: number;
  /** Every ask's time to the last client (ms), in the order asked. */
  samples: number[];
};

/** `asks` messages one after the other (each once the last reached everybody, at least `spacingMs` apart). */
export async function latencyPhase(
  room: Room,
  servers: BenchServer[],
  deliveries: Deliveries,
  askers: number[],
  asks: number,
  spacingMs: number,
): Promise<FanoutPhase> {
  const before = await Promise.all(servers.map((s) => s.probe({ reset: true })));
  const lasts: number[] = [];
  let missing = 0;
  for (let k = 0; k < asks; k++) {
    const started = performance.now();
    const id = randomUUID();
    const d = deliveries.expect(id, room.clients.length);
    d.sent();
    const [res] = await Promise.all([d.all, room.ask(askers[Math.floor(k / ASKS_PER_ASKER) % askers.length], id, k)]);
    lasts.push(res.complete ? Math.max(...res.latencies) : Number.POSITIVE_INFINITY);
    missing += room.clients.length - res.latencies.length;
    const wait = spacingMs - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  const after = await Promise.all(servers.map((s) => s.probe({ reset: true })));
  return {
    p50: percentile(lasts, 50),
    p99: percentile(lasts, 99),
    max: Math.max(...lasts),
    missing,
    eventLoopDelayP99: Math.max(...after.map((a) => a.eventLoopDelay.p99)),
    serverCpuMs: after.reduce((n, a, i) => n + a.cpuMs - before[i].cpuMs, 0),
    samples: lasts.map((ms) => round(ms)),
  };
}

export type BurstPhase = { deliveriesPerSecond: number; wallMs: number; serverCpuMs: number; deliveriesPerCpuSecond: number; missing: number };

/** `askers.length` messages at once, one per asker: deliveries per second until the last client has them all. */
export async function burstPhase(room: Room, servers: BenchServer[], deliveries: Deliveries, askers: number[], k0: number): Promise<BurstPhase> {
  const before = await Promise.all(servers.map((s) => s.probe()));
  const sent = askers.map((asker, i) => {
    const id = randomUUID();
    const d = deliveries.expect(id, room.clients.length, 30_000);
    return { all: d.all, ack: room.ask(asker, id, k0 + i) };
  });
  const results = await Promise.all(sent.map((s) => Promise.all([s.all, s.ack]).then(([r]) => r)));
  const wallMs = Math.max(...results.map((r) => (r.complete ? Math.max(...r.latencies) : Number.POSITIVE_INFINITY)));
  const after = await Promise.all(servers.map((s) => s.probe()));
  const delivered = results.reduce((n, r) => n + r.latencies.length, 0);
  const serverCpuMs = after.reduce((n, a, i) => n + a.cpuMs - before[i].cpuMs, 0);
  return {
    deliveriesPerSecond: delivered / (wallMs / 1000),
    wallMs,
    serverCpuMs,
    deliveriesPerCpuSecond: delivered / (serverCpuMs / 1000),
    missing: askers.length * room.clients.length - delivered,
  };
}

// ---- results ----

export type ResultRow = {
  metric: string;
  unit: string;
  /** What the issue asks for, in words ("≤ 100 ms and ≤ 1.5× ws"), or "report" where it sets no target. */
  target: string;
  fireside: number | null;
  /** The raw ws baseline (or the reference the ratio is taken against, named in `vs`). */
  ws: number | null;
  /** fireside / ws. */
  ratio: number | null;
  /** What the baseline column is, when it is not raw ws (e.g. "idle", "one node"). */
  vs?: string;
  pass: boolean | null;
};

export type SuiteResult = {
  name: string;
  title: string;
  scale: 'full' | 'tiny';
  date: string;
  pinning: string;
  loadAverage: { start: string; end: string };
  durationS: number;
  rows: ResultRow[];
  skipped?: string;
  error?: string;
  details: Record<string, unknown>;
};

export const ratio = (a: number | null, b: number | null) => (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b);

/**
 * Runs one suite: pins this process to the clients' core, arms the watchdog (BENCH_SUITE_TIMEOUT_MS), always stops
 * every server it started, and writes the result to BENCH_RESULT_FILE (set by bench/run.ts) or prints it.
 */
export function runSuite(name: string, title: string, body: (details: Record<string, unknown>) => Promise<ResultRow[] | { skipped: string }>) {
  pinSelfToClientCore();
  const started = performance.now();
  const loadStart = load();
  const details: Record<string, unknown> = {};
  const timeoutMs = Number(process.env.BENCH_SUITE_TIMEOUT_MS ?? 600_000);
  const finish = (result: Omit<SuiteResult, 'name' | 'title' | 'scale' | 'date' | 'pinning' | 'loadAverage' | 'durationS' | 'details'>) => {
    const full: SuiteResult = {
      name,
      title,
      scale: SCALE,
      date: new Date().toISOString(),
      pinning,
      loadAverage: { start: loadStart, end: load() },
      durationS: round((performance.now() - started) / 1000),
      details,
      ...result,
    };
    const file = process.env.BENCH_RESULT_FILE;
    if (file) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
    } else console.log(JSON.stringify(full, null, 2));
  };
  const watchdog = setTimeout(() => {
    console.error(`[bench] ${name}: gave up after ${timeoutMs / 1000} s`);
    killChildren();
    finish({ rows: [], error: `timed out after ${timeoutMs / 1000} s` });
    process.exit(1);
  }, timeoutMs);
  watchdog.unref();
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      killChildren();
      process.exit(1);
    });
  log(`${name}: ${title} (BENCH_SCALE=${SCALE}; ${pinning}; load average ${loadStart})`);
  body(details)
    .then(async (rows) => {
      await runCleanups();
      finish('skipped' in rows ? { rows: [], skipped: rows.skipped } : { rows });
      process.exit(0);
    })
    .catch(async (err) => {
      console.error(`[bench] ${name} failed:`, err instanceof Error ? (err.stack ?? err.message) : err);
      for (const o of outputs) console.error(`[bench] ${o.name} output (tail):\n${o.output().slice(-3000)}`);
      await runCleanups();
      killChildren();
      finish({ rows: [], error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
      process.exit(1);
    });
}
