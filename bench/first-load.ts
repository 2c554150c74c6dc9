// `npm run bench` suite "first-load": the JavaScript a browser loads for the live room page and the moderation
// console, gzip, read from the `next build` output (NEXT_DIST_DIR, default .next-bench): the root main files of
// build-manifest.json plus the entry chunks of the route's layouts and page from its client reference manifest.
// The nomodule polyfills are left out (modern browsers skip them), as Next's own "First Load JS" does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { type ResultRow, ROOT, round, runSuite } from './lib';

const ROUTES = [
  { name: 'live room page', route: '/discussions/[id]/live/page', targetKb: 130 },
  { name: 'moderation console', route: '/discussions/[id]/moderate/page', targetKb: null },
];

runSuite('first-load', 'first-load JavaScript (gzip) from the build output', async (details) => {
  const dist = path.join(ROOT, process.env.NEXT_DIST_DIR!);
  const build = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const gzipOf = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipOf.has(file)) gzipOf.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
    return gzipOf.get(file)!;
  };
  const rows: ResultRow[] = [];
  for (const r of ROUTES) {
    const manifestFile = path.join(dist, 'server/app', `${r.route}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) throw new Error(`no ${path.relative(ROOT, manifestFile)}: is ${process.env.NEXT_DIST_DIR} a complete build?`);
    const sandbox: { globalThis: Record<string, unknown>; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = { globalThis: {} };
    sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
    runInNewContext(readFileSync(manifestFile, 'utf8'), sandbox);
    const manifest = sandbox.__RSC_MANIFEST![r.route];
    // The app's own layouts and the page; Next's built-in error boundaries load only on an error.
    const entries = Object.entries(manifest.entryJSFiles).filter(([key]) => key.startsWith('[project]/app/'));
    const files = [...new Set([...build.rootMainFiles, ...entries.flatMap(([, f]) => f)])];
    const bytes = files.reduce((n, f) => n + size(f), 0);
    details[r.name] = { route: r.route, entries: entries.map(([k]) => k), files: Object.fromEntries(files.map((f) => [f, size(f)])), gzipBytes: bytes };
    console.log(`[bench] ${r.name}: ${files.length} chunks, ${(bytes / 1000).toFixed(1)} kB gzip`);
    rows.push({
      metric: `${r.name} first-load JS (gzip)`,
      unit: 'kB',
      target: r.targetKb ? `≤ ${r.targetKb} kB` : 'report',
      fireside: round(bytes / 1000),
      ws: null,
      ratio: null,
      pass: r.targetKb ? bytes / 1000 <= r.targetKb : null,
    });
  }
  details.buildDir = process.env.NEXT_DIST_DIR;
  return rows;
});
