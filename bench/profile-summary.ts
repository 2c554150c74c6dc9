// Where a server's CPU went: self time by package from the V8 CPU profiles that `BENCH_SERVER_PROFILE_DIR=DIR
// npm run bench:room` writes, plus the inclusive time of named functions (their synchronous call trees).
// Usage: npx tsx bench/profile-summary.ts DIR [top] [fnName,fnName...]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** node_modules/<pkg> (scoped too), the project's own top folder, node internals, or V8's pseudo-frames. */
function bucket(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const file = url.replace(/^file:\/\//, '');
  const rel = path.relative(process.cwd(), file);
  if (rel.includes('.next')) return 'next build output';
  return rel.startsWith('..') ? file : rel.split('/').slice(0, 2).join('/');
}

const [dir, topArg, namesArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx bench/profile-summary.ts DIR [top] [fnName,fnName...]');
  process.exit(2);
}
const top = Number(topArg ?? 20);
const names = new Set(namesArg ? namesArg.split(',') : []);
for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') return;
    total += dt;
    const b = bucket(n.callFrame.url, n.callFrame.functionName);
    self.set(b, (self.get(b) ?? 0) + dt);
    const f = `${n.callFrame.functionName || '(anonymous)'} ${b}:${n.callFrame.lineNumber + 1}`;
    fns.set(f, (fns.get(f) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (names.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      }
    }
  });
  if (total < 500_000) continue; // under 1 s busy: the tsx CLI parent, not the server
  const rows = (m: Map<string, number>, limit = top) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`${name}: ${(total / 1e6).toFixed(1)} s busy of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
  console.log('self time by package:');
  console.log(rows(self).join('\n'));
  console.log('self time by function:');
  console.log(rows(fns).join('\n'));
  if (names.size) {
    console.log('inclusive (synchronous) time of:');
    console.log(rows(inclusive, names.size).join('\n'));
  }
}
