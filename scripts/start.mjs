// `npm start`: builds the Next app when the build is missing or older than the sources, then runs the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCES = ['app', 'components', 'lib', 'server', 'prisma', 'next.config.js', 'postcss.config.mjs', 'package.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) {
    // Tests and generated code are not part of the web app's build.
    if (e === 'generated' || e === 'node_modules' || e === 'test' || /\.test\.tsx?$/.test(e)) continue;
    m = Math.max(m, newest(path.join(p, e)));
  }
  return m;
}

const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
const stale = !existsSync(buildId) || Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) > statSync(buildId).mtimeMs;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
if (stale) {
  console.log('[fireside] building the web app (first start or sources changed)…');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`[fireside] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// `node --import tsx` runs the TypeScript server in this child itself: signals reach it directly.
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/index.ts')], {
  cwd: root,
  env: { ...env, NODE_ENV: 'production' },
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
