// The project's own source files, for tests that read the whole tree (import boundaries, the one publishing port,
// audit writes): relative POSIX paths, without dependencies, generated code, build output or test artefacts.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', 'generated', 'test-results', 'playwright-report', 'data']);

export function projectSourceFiles(dir = ROOT, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // Dot folders: .git, .next and the side-by-side .next-* builds, .ci.
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) projectSourceFiles(path.join(dir, entry.name), out);
    } else if (/\.(ts|tsx|js|mjs|cjs|mts)$/.test(entry.name)) out.push(path.relative(ROOT, path.join(dir, entry.name)).split(path.sep).join('/'));
  }
  return out;
}
