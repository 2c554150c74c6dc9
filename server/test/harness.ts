// Integration-test harness: a real Fireside process (Next + Socket.IO) on a free port with a fresh database,
// real HTTP sign-in through next-auth, and real socket.io-client connections. Needs a prior `next build`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as ioClient, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { DEMO_PASSWORD, DEMO_USERS } from '@/prisma/seed';

export type TestServer = {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export function serverEnv(port: number, dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    SHUTDOWN_DRAIN_MS: '300',
    ...extra,
  };
}

/** Spawns `node --import tsx server/index.ts` (one process, so signals reach the server itself) and waits until /api/ready answers 200. */
export async function startServer(opts: { env?: Record<string, string>; dataDir?: string } = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'fireside-it-'));
  const env = serverEnv(port, dataDir, opts.env);
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    const status = await fetch(`${url}/api/ready`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null) proc.kill(signal);
    return exited;
  };
  return {
    url,
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, 'fireside.db')}`,
    proc,
    output: () => out,
    kill,
    stop: async () => {
      await kill('SIGTERM');
      // Data dirs the harness made are removed; one passed in belongs to the caller.
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A plain HTTP request with control over the source address (127.0.0.x) and every header. */
export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

function setCookies(headers: http.IncomingHttpHeaders): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const i = pair.indexOf('=');
    jar[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return jar;
}

export const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

export type SignInResult = { ok: boolean; status: number; error: string | null; cookie: string; jar: Record<string, string> };

/** Signs in through next-auth's credentials endpoint exactly as the browser form does. */
export async function signIn(server: Pick<TestServer, 'url'>, email: string, password: string, opts: { localAddress?: string } = {}): Promise<SignInResult> {
  const csrf = await rawRequest(`${server.url}/api/auth/csrf`, { localAddress: opts.localAddress });
  const jar = setCookies(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await rawRequest(`${server.url}/api/auth/callback/credentials`, {
    method: 'POST',
    localAddress: opts.localAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  Object.assign(jar, setCookies(res.headers));
  const redirect = res.body ? ((JSON.parse(res.body) as { url?: string }).url ?? '') : '';
  const error = new URL(redirect || server.url, server.url).searchParams.get('error');
  const ok = !error && Object.keys(jar).some((k) => k.includes('session-token'));
  return { ok, status: res.status, error, cookie: cookieHeader(jar), jar };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection; resolves once connected, rejects with the connect_error message. */
export function connectSocket(
  server: Pick<TestServer, 'url'>,
  opts: {
    cookie?: string;
    origin?: string | null;
    transports?: ('websocket' | 'polling')[];
    query?: Record<string, string>;
    auth?: Record<string, string>;
  } & Partial<ManagerOptions & SocketOptions> = {},
): Promise<TestSocket> {
  const { cookie, origin, transports, query, auth, ...rest } = opts;
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin !== null) headers.origin = origin ?? server.url;
  const socket: TestSocket = ioClient(server.url, {
    transports: transports ?? ['websocket'],
    extraHeaders: headers,
    query,
    auth,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    ...rest,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export function waitFor<T>(socket: TestSocket, event: keyof ServerToClientEvents | 'disconnect', timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(event)}`)), timeoutMs);
    (socket as unknown as { once(e: string, f: (p: T) => void): void }).once(event as string, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export type TestRedis = {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Stops the server (the port stays reserved for start()); resolves once it has exited. */
  stop: () => Promise<void>;
  /** Starts it again on the same port, empty; resolves once it answers. */
  start: () => Promise<void>;
};

/** True when `redis-server` can be run here (the fault tests start their own, so they can stop it). */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A dedicated `redis-server` on a free port, no persistence: a test may stop and restart it (F19). */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  let exited: Promise<unknown> = Promise.resolve();
  const start = async () => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    proc = p;
    exited = new Promise((resolve) => p.once('exit', resolve));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (p.exitCode !== null) throw new Error(`redis-server exited with ${p.exitCode}`);
      const ok = await new Promise<boolean>((resolve) => {
        const c = connect(port, '127.0.0.1');
        c.once('connect', () => c.end(() => resolve(true)));
        c.once('error', () => resolve(false));
      });
      if (ok) return;
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    if (proc && proc.exitCode === null) proc.kill('SIGTERM');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
