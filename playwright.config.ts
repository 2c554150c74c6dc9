// End-to-end tests: Chromium against the built app, served by the real custom server (e2e/server.mjs) on a
// fresh SQLite database. Needs a prior `next build` (npm test runs it first).
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chooseChromium } from './e2e/browser';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fixed path per port, so the runner and every worker (which re-read this file) agree on it; the server
// script empties it before each run. Fixtures open the SQLite database inside it.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `fireside-e2e-${port}`);
process.env.E2E_PORT = String(port);
process.env.E2E_BASE_URL = baseURL;
process.env.E2E_DATA_DIR = dataDir;

// The runner and every worker load this file; the choice is the same in each (the bundled Chromium is unpacked
// once, by the runner, before any worker starts). Said once, by the runner.
const browser = await chooseChromium();
if (!process.env.TEST_WORKER_INDEX) console.log(`[e2e] browser: ${browser.executablePath} (${browser.source})`);

// Specs that need the server to themselves: exact counts over shared lists (the audit log, people search, search
// results), the moderation clock that POST /api/test/clock moves for everyone, and the live room's timing. They run
// one at a time after the others; every other spec works on accounts and discussions of its own (fixtures.ts
// makeUser / createUser) and runs two at a time.
const SERIAL_SPECS = [
  'admin.spec.ts',
  'audit.spec.ts',
  'search.spec.ts',
  'live-room.spec.ts',
  'admin-moderation.spec.ts',
  'admin-care.spec.ts',
  'moderation*.spec.ts',
].map((f) => `**/${f}`);

export default defineConfig({
  testDir: 'e2e',
  // Specs only: e2e/*.test.ts are vitest unit tests of the e2e helpers (e.g. the browser choice).
  testMatch: '**/*.spec.ts',
  // Two spec files at a time (a 2-core machine; the one server serves both); the tests of a file run in order.
  // E2E_WORKERS=1 runs everything one at a time (to compare, or to rule concurrency out when a test fails).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Per port, so runs on different ports in one checkout do not wipe each other's traces.
  outputDir: `test-results/e2e-${port}`,
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', testIgnore: SERIAL_SPECS },
    // After the parallel project, one at a time. (If a spec there fails, these are reported as not run.)
    { name: 'chromium-serial', testMatch: SERIAL_SPECS, dependencies: ['chromium'], workers: 1 },
  ],
  webServer: {
    command: 'node e2e/server.mjs',
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false, // every run starts on a fresh database
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), E2E_DATA_DIR: dataDir },
    // SIGTERM to the process group; e2e/server.mjs waits for the server's graceful stop, then removes the data.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
