// Every audit write goes through recordAudit (server/audit/commands.ts): typed events, in the change's
// transaction. This reads the whole tree and fails naming each file that writes AuditEntry rows itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectSourceFiles, ROOT } from '../test/source-files';

// The drift test writes a row on purpose to prove the database's own foreign key (not an audited action).
const allowed = (f: string) => f.startsWith('server/audit/') || f === 'server/db/drift.test.ts';
// `auditEntry.create(`, `.createMany(`, `.createManyAndReturn(`, `.upsert(`, also split over lines.
const WRITE = /\.auditEntry\s*\.\s*(create\w*|upsert)\b/;
// Raw SQL writes, in any quoting.
const RAW_WRITE = /INSERT\s+INTO\s+["'`]?AuditEntry\b/i;

describe('audit writes', () => {
  it('no file outside server/audit/ writes AuditEntry rows itself (use recordAudit)', () => {
    const files = projectSourceFiles();
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
