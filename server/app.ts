// Starts one Fireside node: migrate, maybe seed the demo community, Next + Socket.IO on one HTTP server,
// and a graceful stop (readiness fails first, sockets are told and closed, in-flight work finishes).
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { seedDemoCommunityIfEmpty } from '../prisma/seed';
import { setConfig, type Config } from './config';
import { closeDb, db } from './db/client';
import { migrate } from './db/migrator';
import { createRequestHandler } from './http/handler';
import { settleInflight, startDraining } from './lifecycle';
import { createRealtime } from './realtime';
import { setIo, type Io } from './realtime/bus';
import { closeRedis } from './redis';
import { startStartsSoonScheduler } from './notifications/starts-soon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHUTDOWN_BUDGET_MS = 9000;

export type Fireside = { httpServer: HttpServer; io: Io; url: string; stop: () => Promise<boolean> };

export async function startFireside(config: Config, opts: { dev?: boolean } = {}): Promise<Fireside> {
  setConfig(config);
  const t0 = Date.now();
  let migrated = false;
  const result = await migrate(config.databaseUrl);
  migrated = true;
  if (result.applied.length) console.log(`[fireside] applied migrations: ${result.applied.join(', ')}`);
  if (config.authSecretGenerated) console.log(`[fireside] generated an auth secret and saved it in ${path.join(config.dataDir, 'auth-secret')}`);

  if (config.dialect === 'sqlite' && config.demoSeed === 'auto') {
    const seeded = await seedDemoCommunityIfEmpty(db());
    if (seeded) console.log('[fireside] seeded the demo community (see README: demo accounts)');
  }

  const dev = opts.dev ?? config.nodeEnv === 'development';
  const app = next({ dev, dir: ROOT, hostname: 'localhost', port: config.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();

  const httpServer = createServer(createRequestHandler(config, nextHandler, { migrated: () => migrated }));
  const { io, close: closeRealtime } = createRealtime(httpServer, config);
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
  // "Starts in 15 minutes" notices; idempotent, so every node may run it.
  const startsSoon = startStartsSoonScheduler();

  let stopping: Promise<boolean> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const deadline = Date.now() + SHUTDOWN_BUDGET_MS;
      startDraining();
      await startsSoon.stop();
      await new Promise((r) => setTimeout(r, config.shutdownDrainMs));
      // Only this node's sockets: the others are not going anywhere (io.emit would cross the Redis adapter).
      io.local.emit('server:shutdown', { reconnectInMs: 500 });
      // io.close() disconnects every socket and closes the HTTP server (no new connections).
      const closed = new Promise<void>((resolve) => void io.close(() => resolve()));
      httpServer.closeIdleConnections();
      const settled = await settleInflight(Math.max(0, deadline - Date.now() - 1000));
      httpServer.closeAllConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
      setIo(null);
      await closeRealtime();
      await closeDb().catch(() => {});
      await closeRedis();
      await app.close?.().catch?.(() => {});
      return settled;
    })());
  return { httpServer, io, url, stop };
}
