// `npm test`: every test. Format + lint (Biome, seconds), dead code and unused dependencies (knip), type-check,
// build the web app, then unit + integration (vitest, real server processes, real SQLite/PostgreSQL/Redis where
// their URLs are set) and end-to-end (Playwright + Chromium).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

for (const [name, url] of [
  ['TEST_POSTGRES_URL', env.TEST_POSTGRES_URL],
  ['TEST_REDIS_URL', env.TEST_REDIS_URL],
]) {
  if (!url) console.log(`[test] ${name} is not set: tests that need it are SKIPPED (set it to run them; .ci/run does).`);
}

const steps = [
  // First and fast: a formatting slip or a lint finding fails in seconds, not after the build (`npm run format` fixes most).
  ['format + lint (biome)', bin('biome'), ['check', '--error-on-warnings', '.']],
  ['prisma generate', process.execPath, [path.join(root, 'scripts/prisma-generate.mjs')]],
  // After generate: knip resolves imports of the generated Prisma client.
  ['unused files, exports, dependencies (knip)', bin('knip'), []],
  ['type-check', bin('tsc'), ['--noEmit']],
  ['next build', bin('next'), ['build']],
  ['unit + integration (vitest)', bin('vitest'), ['run', ...process.argv.slice(2)]],
  ['end-to-end (playwright)', bin('playwright'), ['test']],
];

const results = [];
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n[test] ▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
  if (!ok) break;
}
console.log('\n[test] summary');
for (const r of results) console.log(`[test]   ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
const passed = results.length - failed;
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
