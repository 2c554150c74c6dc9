// Starts one Fireside node: migrate, maybe seed the demo community, Next + Socket.IO on one HTTP server,
// and a graceful stop (readiness fails first, sockets are told and closed, in-flight work finishes).
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { ensurePracticeRoomLive, seedDemoCommunityIfEmpty } from '../prisma/seed';
import { hashPassword } from './auth/password';
import { startSessionPruner } from './auth/sessions';
import { type Config, setConfig } from './config';
import { db } from './db/client';
import { demoAccountsExist, wantsDemoSeed } from './db/demo';
import { securePrivateDir } from './db/files';
import { migrate } from './db/migrator';
import { createRequestHandler } from './http/handler';
import { settleInflight, startDraining } from './lifecycle';
import { startStartsSoonScheduler } from './notifications/starts-soon';
import { createRealtime } from './realtime';
import { publishToLocalStaff } from './realtime/bus';
import { onRedisHealth, redisClient } from './redis';
import { resetProcess, runStopPhase } from './runtime';
import { backfillNameKeys } from './users/commands';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHUTDOWN_BUDGET_MS = 9000;

export type Fireside = { httpServer: HttpServer; url: string; stop: () => Promise<boolean> };

export async function startFireside(config: Config, opts: { dev?: boolean } = {}): Promise<Fireside> {
  setConfig(config);
  const t0 = Date.now();
  let migrated = false;
  // The data folder holds the database and the auth secret: owner only (the database files: server/db/files.ts).
  securePrivateDir(config.dataDir);
  const result = await migrate(config.databaseUrl);
  migrated = true;
  if (result.applied.length) console.log(`[fireside] applied migrations: ${result.applied.join(', ')}`);
  if (config.authSecretGenerated) console.log(`[fireside] generated an auth secret and saved it in ${path.join(config.dataDir, 'auth-secret')}`);

  if (wantsDemoSeed(config) && (await seedDemoCommunityIfEmpty(db(), hashPassword))) {
    console.log('[fireside] seeded the demo community (see README: demo accounts)');
  }
  if (await demoAccountsExist()) {
    // The demo's Practice room is live whenever the demo exists (issue 9): started again if it ended or ran out.
    await ensurePracticeRoomLive(db());
    console.warn(
      '[fireside] warning: demo accounts exist in this database and their password is public (README: demo accounts); every page says so. For real conversations start on an empty database with DEMO_SEED=off.',
    );
  }

  // Accounts from before display-name keys existed get theirs (idempotent; fast once done).
  await backfillNameKeys();

  const dev = opts.dev ?? config.nodeEnv === 'development';
  const app = next({ dev, dir: ROOT, hostname: 'localhost', port: config.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();

  const httpServer = createServer(createRequestHandler(config, nextHandler, { migrated: () => migrated }));
  const realtime = createRealtime(httpServer, config);
  // Scale mode: connect now, so an outage is noticed (and logged, and readiness says so) before anything needs
  // Redis; staff on this node see a banner while it runs degraded, and see it go when Redis is back.
  if (redisClient()) {
    onRedisHealth((h) => publishToLocalStaff('system:degraded', { degraded: !h.up, since: h.downSince }));
  }
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io/')) void upgrade(req, socket, head);
    });
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`[fireside] ready on ${url} (${config.dialect}, ${config.redisUrl ? 'redis' : 'in-memory'} realtime) in ${Date.now() - t0} ms`);
  // "Starts in 15 minutes" notices: run by the one node holding the job's lease (server/jobs/cluster-job.ts).
  // Both stop with the node (onStop).
  startStartsSoonScheduler();
  // Signed-out session ids are kept until their tokens would have expired anyway, then pruned.
  startSessionPruner();

  let stopping: Promise<boolean> | null = null;
  // The order matters (F25): nothing new starts, what is running finishes, its acks and broadcasts reach the
  // wire, and only then are clients told and their sockets closed. Closing first would store a question and
  // drop its ack. Every timer, map and connection of the node is stopped through server/runtime.ts's phases.
  const stop = () =>
    (stopping ??= (async () => {
      const deadline = Date.now() + SHUTDOWN_BUDGET_MS;
      const left = (reserveMs: number) => Math.max(0, deadline - Date.now() - reserveMs);
      // Readiness answers 503, new handshakes are refused, new socket events are answered `unavailable`.
      startDraining();
      // Schedulers stop starting work.
      await runStopPhase('intake');
      // Load balancers see readiness fail before the port closes; HTTP requests are still served meanwhile.
      await new Promise((r) => setTimeout(r, config.shutdownDrainMs));
      // Commands and requests already running finish and hand their acks to the transport; their deferred
      // broadcasts are tracked work too...
      let settled = await settleInflight(left(1500));
      // ...what the coalescers still hold (vote tallies, presence) is sent now, while sockets are open...
      await Promise.race([runStopPhase('flush'), new Promise((r) => setTimeout(r, Math.min(1000, left(1500))))]);
      settled = (await settleInflight(left(1500))) && settled;
      // ...and all of it is written out before any socket closes. Bounded: a client that stopped reading gets
      // its answer through the outbox after reconnecting.
      const flushed = await realtime.wireFlushed(Math.min(2000, left(1000)));
      if (!flushed) console.warn('[fireside] some clients did not read their last answers before shutdown');
      await realtime.closeSockets(Math.min(500, left(0)));
      // Closing the Socket.IO server closes the HTTP server too (no new connections); drop the idle ones.
      const closed = realtime.closeServer();
      httpServer.closeIdleConnections();
      httpServer.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
      // The adapter's and the shared Redis connections, the database client, the limiters.
      await runStopPhase('close');
      await app.close?.().catch?.(() => {});
      resetProcess();
      return settled;
    })());
  return { httpServer, url, stop };
}
