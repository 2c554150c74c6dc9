// The process from the outside: graceful shutdown on SIGTERM, refusing bad configuration, and `npm start`
// from a fresh data directory (default SQLite path + demo seed).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSocket, DEMO_PASSWORD, freePort, ROOT, rawRequest, serverEnv, signIn, startServer, waitFor } from './harness';
import { sleep } from './int-helpers';

/** Spawns a process and collects its output; resolves on exit with the code and how long it ran. */
function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  const t0 = Date.now();
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const SERVER = path.join(ROOT, 'server/index.ts');

describe('process lifecycle', () => {
  it('graceful shutdown: SIGTERM tells sockets, fails readiness before the port closes, exits 0 within 10 s', async () => {
    // The production default drain (the harness shortens it): readiness must fail this long before the port closes.
    const server = await startServer({ env: { SHUTDOWN_DRAIN_MS: '1000' } });
    try {
      const s = await signIn(server, 'alex@example.org', DEMO_PASSWORD);
      const socket = await connectSocket(server, { cookie: s.cookie });
      const shutdown = waitFor<{ reconnectInMs: number }>(socket, 'server:shutdown', 10_000);
      const disconnected = waitFor<string>(socket, 'disconnect', 10_000);
      const exited = new Promise<number | null>((resolve) => server.proc.once('exit', (code) => resolve(code)));

      const t0 = Date.now();
      server.proc.kill('SIGTERM');
      // Poll readiness as fast as a load balancer might, until the port closes.
      const seen: (number | 'closed')[] = [];
      while (Date.now() - t0 < 10_000) {
        const status = await rawRequest(`${server.url}/api/ready`).then(
          (r) => r.status,
          () => 'closed' as const,
        );
        if (seen[seen.length - 1] !== status) seen.push(status);
        if (status === 'closed') break;
        await sleep(10);
      }
      const code = await exited;
      const ms = Date.now() - t0;
      console.log(`[shutdown] readiness sequence ${seen.join(' → ')}; exited ${code} after ${ms} ms`);

      expect(seen).toContain(503);
      expect(seen[seen.length - 1]).toBe('closed');
      // Once draining, readiness never goes back to 200, and 503 came before the port closed.
      expect(seen.indexOf(503)).toBeLessThan(seen.indexOf('closed'));
      expect(seen.slice(seen.indexOf(503))).not.toContain(200);
      expect(await shutdown).toMatchObject({ reconnectInMs: expect.any(Number) });
      expect(await disconnected).toMatch(/io server disconnect|transport close/);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(10_000);
      expect(server.output()).toContain('stopped cleanly');
    } finally {
      await server.stop();
    }
  });

  it('bad configuration: DATABASE_URL=mysql://x and PORT=abc exit non-zero at once, naming the variable, writing nothing', async () => {
    const port = await freePort();
    const cases = [
      ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
      ['PORT', { PORT: 'abc' }],
    ] as const;
    const results = await Promise.all(
      cases.map(async ([name, extra]) => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'fireside-badcfg-'));
        const r = await run([TSX, SERVER], serverEnv(port, dataDir, extra), 45_000);
        return { name, dataDir, ...r };
      }),
    );
    for (const r of results) {
      console.log(`[config] ${r.name}: exit ${r.code} after ${r.ms} ms`);
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(r.stderr).toContain(r.name);
      expect(r.stderr).toMatch(/Invalid configuration/);
      // ~2 s on an idle 2-core machine; the bound only has to catch a process that hangs or retries.
      expect(r.ms).toBeLessThan(30_000);
      expect(readdirSync(r.dataDir)).toEqual([]);
      rmSync(r.dataDir, { recursive: true, force: true });
    }
  });

  describe('npm start', () => {
    let proc: ReturnType<typeof spawn> | null = null;
    let dataDir: string | null = null;
    let copiedDist: string | null = null;
    afterAll(async () => {
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        // Detached: the launcher and its server share a process group of their own.
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (copiedDist) rmSync(path.join(ROOT, copiedDist), { recursive: true, force: true });
    });

    it('npm start with no DATABASE_URL serves /, /api/ready and the demo admin from a fresh data dir', async () => {
      // `npm start` rebuilds when the sources are newer than the build (someone edited a file since the last
      // `next build`). Rebuilding here would rewrite the build the other test servers are running from, so in
      // that case run the same build from a fresh copy, which start.mjs sees as up to date.
      const newest = (p: string): number => {
        if (!existsSync(p)) return 0;
        const s = statSync(p);
        if (!s.isDirectory()) return s.mtimeMs;
        let m = 0;
        for (const e of readdirSync(p)) if (e !== 'generated' && e !== 'node_modules') m = Math.max(m, newest(path.join(p, e)));
        return m;
      };
      const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
      expect(existsSync(buildId), `no Next build in ${DIST_DIR}/: run \`npx next build\` first`).toBe(true);
      const sources = ['app', 'components', 'lib', 'server', 'prisma', 'next.config.js', 'postcss.config.mjs', 'package.json'];
      let distDir = DIST_DIR;
      if (Math.max(...sources.map((s) => newest(path.join(ROOT, s)))) > statSync(buildId).mtimeMs) {
        copiedDist = `.next-start-smoke-${process.pid}`;
        cpSync(path.join(ROOT, DIST_DIR), path.join(ROOT, copiedDist), { recursive: true, filter: (src) => src !== path.join(ROOT, DIST_DIR, 'cache') });
        distDir = copiedDist;
        console.log(`[npm start] the build in ${DIST_DIR}/ is older than the sources; running it from a copy in ${copiedDist}/`);
      }

      const port = await freePort();
      dataDir = mkdtempSync(path.join(tmpdir(), 'fireside-start-'));
      // A user's shell: no DATABASE_URL, no NODE_ENV, no APP_URL.
      const env: Record<string, string | undefined> = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
      };
      if (distDir !== '.next') env.NEXT_DIST_DIR = distDir;
      const t0 = Date.now();
      proc = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
        cwd: ROOT,
        env: env as unknown as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let out = '';
      proc.stdout!.on('data', (d) => (out += d));
      proc.stderr!.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => proc!.once('exit', (code) => resolve(code)));

      const url = `http://127.0.0.1:${port}`;
      for (;;) {
        expect(proc.exitCode, out).toBeNull();
        const status = await fetch(`${url}/api/ready`)
          .then((r) => r.status)
          .catch(() => 0);
        if (status === 200) break;
        expect(Date.now() - t0, `not ready within 60 s:\n${out}`).toBeLessThan(60_000);
        await sleep(100);
      }
      const readyMs = Date.now() - t0;
      console.log(`[npm start] spawn → /api/ready 200 in ${readyMs} ms`);

      expect((await fetch(`${url}/`)).status).toBe(200);
      expect(out).not.toContain('building the web app');
      expect(out).toContain('seeded the demo community');
      // The default SQLite path lives under DATA_DIR, next to the generated auth secret.
      expect(existsSync(path.join(dataDir, 'fireside.db'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'auth-secret'))).toBe(true);
      const admin = await signIn({ url }, 'admin@example.org', DEMO_PASSWORD);
      expect(admin.ok).toBe(true);
      const adminPage = await rawRequest(`${url}/admin/users`, { headers: { cookie: admin.cookie } });
      expect(adminPage.status).toBe(200);

      // SIGTERM to the launcher reaches the server, which stops cleanly.
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('stopped cleanly');
    });
  });
});
