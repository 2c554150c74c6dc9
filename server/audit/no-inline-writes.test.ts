// Every audit write goes through recordAudit (server/audit/commands.ts): typed events, in the change's
// transaction. This reads the whole tree and fails naming each file that writes AuditEntry rows itself.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'generated', 'test-results', 'playwright-report', 'data']);
// The drift test writes a row on purpose to prove the database's own foreign key (not an audited action).
const allowed = (f: string) => f.startsWith('server/audit/') || f === 'server/db/drift.test.ts';
// `auditEntry.create(`, `.createMany(`, `.createManyAndReturn(`, `.upsert(`, also split over lines.
const WRITE = /\.auditEntry\s*\.\s*(create\w*|upsert)\b/;
// Raw SQL writes, in any quoting.
const RAW_WRITE = /INSERT\s+INTO\s+["'`]?AuditEntry\b/i;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.next')) sourceFiles(path.join(dir, entry.name), out);
    } else if (/\.(ts|tsx|js|mjs|cjs|mts)$/.test(entry.name)) out.push(path.join(dir, entry.name));
  }
  return out;
}

describe('audit writes', () => {
  it('no file outside server/audit/ writes AuditEntry rows itself (use recordAudit)', () => {
    const files = sourceFiles(ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    // The walk must really see the tree: these write audited changes through recordAudit.
    expect(files).toEqual(expect.arrayContaining(['server/users/commands.ts', 'server/library/commands.ts', 'scripts/admin-create.ts']));
    const offenders = files
      .filter((f) => !allowed(f))
      .filter((f) => {
        const text = readFileSync(path.join(ROOT, f), 'utf8');
        return WRITE.test(text) || RAW_WRITE.test(text);
      });
    expect(offenders, 'these files write AuditEntry rows directly; call recordAudit(tx, actor, event) instead').toEqual([]);
  });
});
