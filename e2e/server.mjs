// Playwright's web server: the real Fireside process (`node --import tsx server/index.ts`, production mode) on a fresh data
// directory, so the SQLite database is new and the demo community is seeded on start. Stops it cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.E2E_PORT ?? '3100';
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `fireside-e2e-${port}`);

// NEXT_DIST_DIR (read by next.config.js and so by the server) lets a build live beside the default one.
const distDir = process.env.NEXT_DIST_DIR || '.next';
if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  const prefix = process.env.NEXT_DIST_DIR ? `NEXT_DIST_DIR=${distDir} ` : '';
  console.error(`[e2e] the web app is not built in ${distDir}/: run \`${prefix}npx next build\` (npm test does) before Playwright.`);
  process.exit(1);
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
// The test clock's token (app/api/test/clock/route.ts), new each run. This script is a child of the Playwright
// runner and cannot set the runner's environment, so the fixtures read it from the data directory they already
// open (e2e/moderation-fixtures.ts advanceServerClock).
const clockToken = randomBytes(24).toString('base64url');
writeFileSync(path.join(dataDir, 'test-clock-token'), clockToken, { mode: 0o600 });

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/index.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    HOST: '127.0.0.1',
    PORT: port,
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    // The embedded default, whatever the caller's shell has: fixtures open this exact SQLite file.
    DATABASE_URL: '',
    REDIS_URL: '',
    ALLOWED_ORIGINS: '',
    AUTH_SECRET: '',
    DEMO_SEED: 'auto',
    SHUTDOWN_DRAIN_MS: '200',
    FIRESIDE_TEST_CLOCK: '1', // POST /api/test/clock moves the server's moderation clock (F12 without sleeping); never set in production
    FIRESIDE_TEST_CLOCK_TOKEN: clockToken, // …and only with this run's token in the x-fireside-test-clock header
  },
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // Playwright signals the whole process group, so the server may already have it; a second SIGTERM is ignored there.
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

server.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  if (!stopping) console.error(`[e2e] the server exited unexpectedly (${signal ?? code})`);
  process.exit(stopping ? (code ?? 0) : 1);
});
