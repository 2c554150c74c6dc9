// The in-process harness for socket tests (no `next build`): Socket.IO and the whole domain on a bare HTTP server
// in the test's own process, on a fresh migrated database with the demo community, as socket.io's own examples
// test. Sign-in mints the same next-auth session token the credentials sign-in does (claims sub, sv, sid, with
// the server's secret), so the handshake, the per-event identity re-check, bans and revoked sessions all run for
// real. HTTP-only use cases (server actions) are called as the command every transport calls, with the actor
// the session would give (`as`). Full-process tests (server/test/harness.ts) keep the real process honest.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import type { Result } from '@/lib/result';
import { seedDemoCommunityIfEmpty } from '@/prisma/seed';
import { type Actor, actorFromClaims, claimsFromToken, sessionCookieName } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { newSessionId, SESSION_MAX_AGE_S } from '../auth/sessions';
import { type Config, parseConfig, setConfig } from '../config';
import { closeDb, type Db, db } from '../db/client';
import { migrate } from '../db/migrator';
import { toResult } from '../errors';
import { createRealtime } from '../realtime';
import { resetProcess, runStopPhase } from '../runtime';

export type InProcessServer = {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  config: Config;
  /** The process's own database client (the one the commands use). */
  db: Db;
  /** The HTTP server still listens: the in-process counterpart of "the process did not exit". */
  alive: () => boolean;
  /** What the server logged (console.error / console.warn) since it started. */
  output: () => string;
  /** A session cookie for a user, as the credentials sign-in would set it (a new session id each call). */
  cookieFor: (email: string) => Promise<string>;
  /** The Actor the auth layer builds from that user's session: the identity a server action would run as. */
  actorFor: (email: string) => Promise<Actor>;
  /** Runs a command as the user, with the Result a server action returns. */
  as: <T>(email: string, command: (actor: Actor) => Promise<T>) => Promise<Result<T>>;
  stop: () => Promise<void>;
};

/** Starts Socket.IO and the domain on 127.0.0.1 with a fresh SQLite database (or `databaseUrl`), migrated and seeded. */
export async function startInProcess(opts: { env?: Record<string, string>; databaseUrl?: string } = {}): Promise<InProcessServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fireside-ip-'));
  const httpServer: HttpServer = createServer((_req, res) => {
    // No Next here: only Socket.IO's own paths are served (it answers them before this handler runs).
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = opts.databaseUrl ?? `file:${path.join(dataDir, 'fireside.db')}`;
  const config = parseConfig({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: url,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    DEMO_SEED: 'off',
    ...opts.env,
  });

  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn };
  const capture =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : String(a))).join(' '));
      write(...args);
    };
  console.error = capture(original.error);
  console.warn = capture(original.warn);

  await closeDb();
  setConfig(config);
  await migrate(databaseUrl);
  await seedDemoCommunityIfEmpty(db(), hashPassword);
  const realtime = createRealtime(httpServer, config);

  const userByEmail = (email: string) => db().user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const cookieFor = async (email: string) => {
    const u = await userByEmail(email);
    // What the jwt callback in server/auth/options.ts puts in a fresh session token.
    const token = await encode({ token: { sub: u.id, sv: u.sessionVersion, sid: newSessionId() }, secret: config.authSecret, maxAge: SESSION_MAX_AGE_S });
    return `${sessionCookieName(config.appUrl)}=${token}`;
  };
  const actorFor = async (email: string) => {
    const cookie = await cookieFor(email);
    const actor = await actorFromClaims(await claimsFromToken(cookie.slice(cookie.indexOf('=') + 1)));
    if (!actor) throw new Error(`no valid session for ${email} (banned or gone?)`);
    return actor;
  };

  let stopped: Promise<void> | null = null;
  return {
    url,
    port,
    dataDir,
    databaseUrl,
    config,
    db: db(),
    alive: () => httpServer.listening,
    output: () => logged.join('\n'),
    cookieFor,
    actorFor,
    as: async (email, command) => toResult(async () => command(await actorFor(email))),
    stop: () =>
      (stopped ??= (async () => {
        // The node's own shutdown order (server/app.ts), without the drain delays a test does not need.
        await runStopPhase('intake');
        await runStopPhase('flush');
        await realtime.closeSockets(500);
        httpServer.closeAllConnections();
        await realtime.closeServer();
        await runStopPhase('close');
        resetProcess();
        await closeDb();
        console.error = original.error;
        console.warn = original.warn;
        rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}
