// Hardened responses and bounded request bodies (issue 7, items 4 and 8) against a real server process:
// oversized bodies are refused before they are read whole, the data folder and database files are private,
// and every response carries the security headers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LIMITS } from '@/lib/library/schema';
import { DEMO_PASSWORD, rawRequest, signIn, startServer, type TestServer } from './harness';
import { callAction, openDb } from './int-helpers';

const MB = 1024 * 1024;

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) * 1024;
}

type Outcome = { status: number | null; error: string | null; sent: number };

/**
 * POSTs `total` bytes in 1 MB chunks, with a Content-Length or chunked, and stops writing as soon as the
 * server answers or drops the connection. Resolves with the status (if any response came) and the bytes sent.
 */
function bigPost(url: string, total: number, opts: { chunked: boolean; headers?: Record<string, string> }): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(MB, 'a');
    let sent = 0;
    let done = false;
    let status: number | null = null;
    const finish = (error: string | null) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, error, sent });
    };
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(url).origin,
      ...opts.headers,
      ...(opts.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(total) }),
    };
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on('end', () => finish(null));
      res.on('error', () => finish(null));
    });
    req.on('error', (err) => finish(err.message));
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

/** Runs `work` while sampling the server's RSS; resolves with the work's result and the peak RSS growth. */
async function withRssGrowth<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = rssBytes(pid);
  let peak = before;
  // Sampling is the measurement itself (there is no event for "memory grew"), not a wait for state.
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 10);
  try {
    const result = await work();
    peak = Math.max(peak, rssBytes(pid));
    return { result, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

const modeOf = (p: string) => statSync(p).mode & 0o777;

// Two servers for the whole file, started side by side (each start costs seconds of CPU), and each is also the
// subject of one data-folder test: `server` (demo seed on, as by default) starts on an existing 0755 folder,
// `seedless` (DEMO_SEED=off, a fixed AUTH_SECRET) on a folder that does not exist yet.
let parent: string;
let existingDir: string;
let existingModeBefore: number;
let freshDir: string;
let server: TestServer;
let seedless: TestServer;
beforeAll(async () => {
  parent = mkdtempSync(path.join(tmpdir(), 'fireside-perm-'));
  existingDir = path.join(parent, 'existing');
  mkdirSync(existingDir, { mode: 0o755 });
  existingModeBefore = modeOf(existingDir);
  freshDir = path.join(parent, 'fresh', 'data');
  [server, seedless] = await Promise.all([
    startServer({ dataDir: existingDir }),
    startServer({ dataDir: freshDir, env: { AUTH_SECRET: 'a'.repeat(40), DEMO_SEED: 'off' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), seedless?.stop()]);
  rmSync(parent, { recursive: true, force: true });
});

describe('request bodies are bounded (issue 7 item 4)', () => {
  it('a 150 MB POST to the sign-in endpoint is refused with 413 and the server RSS grows < 50 MB', async () => {
    const { result, growth } = await withRssGrowth(server.proc.pid!, () =>
      bigPost(`${server.url}/api/auth/callback/credentials`, 150 * MB, { chunked: false }),
    );
    console.log(
      `[hardening] 150 MB POST with Content-Length: status ${result.status}, client sent ${Math.round(result.sent / MB)} MB, server RSS grew ${(growth / MB).toFixed(1)} MB`,
    );
    expect(result.status).toBe(413);
    expect(growth).toBeLessThan(50 * MB);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('a chunked 150 MB POST (no Content-Length) is counted as it streams, refused with 413, RSS grows < 50 MB', async () => {
    const { result, growth } = await withRssGrowth(server.proc.pid!, () => bigPost(`${server.url}/api/auth/callback/credentials`, 150 * MB, { chunked: true }));
    console.log(
      `[hardening] 150 MB chunked POST: status ${result.status}, client sent ${Math.round(result.sent / MB)} MB, server RSS grew ${(growth / MB).toFixed(1)} MB`,
    );
    expect(result.status).toBe(413);
    expect(growth).toBeLessThan(50 * MB);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('route handlers take at most 64 KB: 64 KB + 1 is refused, a 64 KB sign-in body is read', async () => {
    const over = await rawRequest(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'x'.repeat(64 * 1024 + 1),
    });
    expect(over.status).toBe(413);
    const atLimit = await rawRequest(`${server.url}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: `padding=${'x'.repeat(64 * 1024 - 'padding='.length)}`,
    });
    expect(atLimit.status).not.toBe(413);
    // Ordinary sign-in is unaffected.
    expect((await signIn(server, 'alex@example.org', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('the largest legitimate form (an article with every field full of 3-byte characters) still saves', async () => {
    // The article schema is what a legitimate form may hold, so its limits (not the body limit) shape this input.
    const L = ARTICLE_LIMITS;
    const w = (n: number) => '中'.repeat(n);
    const conn = openDb(server);
    const modality = conn.prepare('SELECT id FROM "Modality" LIMIT 1').get() as { id: string };
    conn.close();
    const input = {
      title: w(L.title.max),
      slug: 'x'.repeat(L.slug.max),
      modalityId: modality.id,
      summary: w(L.summary.max),
      body: w(L.body.max),
      benefits: w(L.section.max),
      risks: w(L.section.max),
      contraindications: w(L.section.max),
      legalStatus: w(L.section.max),
      references: Array.from({ length: L.references.max }, (_, i) => ({
        text: w(L.referenceText.max),
        doi: `10.1234/${i}`.padEnd(L.doi.max, 'x'),
        url: `https://example.org/${i}/`.padEnd(L.url.max, 'x'),
      })),
    };
    const bytes = Buffer.byteLength(JSON.stringify([input]));
    console.log(`[hardening] largest legitimate article form: ${Math.round(bytes / 1024)} KB`);
    const rowan = await signIn(server, 'rowan@example.org', DEMO_PASSWORD);
    const res = await callAction<{ slug: string }>(server, '/library/new', 'createArticleAction', [input], { cookie: rowan.cookie });
    expect(res.status).toBe(200);
    expect(res.result).toMatchObject({ ok: true, data: { slug: input.slug } });
  });

  it('a 2 MB server action body is refused with 413 before Next reads it', async () => {
    const res = await bigPost(`${server.url}/library/new`, 2 * MB, {
      chunked: false,
      headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(413);
  });
});

describe('data folder and database files are private (issue 7 item 8)', () => {
  it('an existing 0755 data folder becomes 0700; the database and its -wal/-shm files are 0600', () => {
    expect(existingModeBefore).toBe(0o755);
    expect(modeOf(existingDir)).toBe(0o700);
    for (const f of ['fireside.db', 'fireside.db-wal', 'fireside.db-shm', 'auth-secret']) {
      expect({ file: f, mode: modeOf(path.join(existingDir, f)).toString(8) }).toEqual({ file: f, mode: '600' });
    }
  });

  it('a data folder that does not exist yet is created 0700 with 0600 database files', () => {
    expect(modeOf(freshDir)).toBe(0o700);
    for (const f of ['fireside.db', 'fireside.db-wal', 'fireside.db-shm']) {
      expect({ file: f, mode: modeOf(path.join(freshDir, f)).toString(8) }).toEqual({ file: f, mode: '600' });
    }
  });
});

describe('every response carries the security headers (issue 7 item 8)', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]),
    );

  it.each(['/', '/signin', '/api/health', '/api/ready', '/api/auth/csrf', '/no-such-page', '/favicon.ico'])(
    '%s has CSP, nosniff, Referrer-Policy, Permissions-Policy, no HSTS over http',
    async (p) => {
      const res = await rawRequest(seedless.url + p);
      const csp = String(res.headers['content-security-policy'] ?? '');
      const d = directives(csp);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      expect(d.get('script-src')?.some((s) => /^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(s))).toBe(true);
      expect(d.get('script-src')).not.toContain("'unsafe-inline'");
      expect(d.get('script-src')).not.toContain("'unsafe-eval'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeTruthy();
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('the page nonce is fresh per response and is the one on every script tag of the page', async () => {
    const a = await rawRequest(`${seedless.url}/signin`);
    const b = await rawRequest(`${seedless.url}/signin`);
    const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))![1];
    expect(nonceOf(a.headers['content-security-policy'])).not.toBe(nonceOf(b.headers['content-security-policy']));
    const scripts = [...a.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(a.headers['content-security-policy'])}"`);
  });

  it('a Content-Security-Policy request header from the client cannot choose the nonce', async () => {
    const res = await rawRequest(`${seedless.url}/signin`, { headers: { 'content-security-policy': "script-src 'nonce-attacker'" } });
    expect(String(res.headers['content-security-policy'])).not.toContain('attacker');
    expect(res.body.includes('nonce="attacker"')).toBe(false);
  });
});
