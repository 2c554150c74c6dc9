// `npm run admin:create` as an operator runs it: the password comes from stdin (or a hidden prompt), never argv,
// and is never printed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { ROOT } from './harness';

const PASSWORD = 'quiet-harbor-lantern-7392';

function run(args: string[], stdin: string | null, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/admin-create.ts'), ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        DATABASE_URL: `file:${path.join(dataDir, 'fireside.db')}`,
        NODE_ENV: 'production',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    if (stdin !== null) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

const users = (dataDir: string) => {
  const file = path.join(dataDir, 'fireside.db');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT email, displayName, role, passwordHash, nameKey FROM "User"').all() as {
      email: string;
      displayName: string;
      role: string;
      passwordHash: string;
      nameKey: string;
    }[];
  } finally {
    db.close();
  }
};

describe('admin:create', () => {
  it('a password piped on stdin creates the admin; the output never contains it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fireside-admin-'));
    const res = await run(['--email', 'Owner@Example.org', '--name', 'Olu Owner'], `${PASSWORD}\n`, dir);
    expect(res.output).toContain('Admin ready: owner@example.org');
    expect(res.code).toBe(0);
    expect(res.output).not.toContain(PASSWORD);
    const rows = users(dir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'owner@example.org', displayName: 'Olu Owner', role: 'ADMIN', nameKey: 'olu owner' });
    expect(await verifyPassword(rows[0].passwordHash, PASSWORD)).toBe(true);
    // Through the createAdmin command: audited in the same transaction, with no actor (nobody signed in).
    const db = new Database(path.join(dir, 'fireside.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT actorId, action, targetType, detail FROM "AuditEntry"').all()).toEqual([
        { actorId: null, action: 'user.admin_created', targetType: 'user', detail: 'npm run admin:create' },
      ]);
    } finally {
      db.close();
    }
  });

  it('a password in argv is refused with a clear message, not repeated, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fireside-admin-'));
    for (const args of [
      ['--email', 'owner@example.org', '--name', 'Olu Owner', '--password', PASSWORD],
      ['--email', 'owner@example.org', '--name', 'Olu Owner', `--password=${PASSWORD}`],
      ['--email', 'owner@example.org', '--name', 'Olu Owner', PASSWORD],
    ]) {
      const res = await run(args, `${PASSWORD}\n`, dir);
      expect(res.code).toBe(2);
      expect(res.output).not.toContain(PASSWORD);
      expect(res.output).toMatch(args.some((a) => a.startsWith('--password')) ? /password on the command line is not accepted/ : /unexpected arguments/);
    }
    expect(users(dir)).toEqual([]);
  });

  it('a weak or missing piped password is refused without echoing it, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fireside-admin-'));
    const weak = await run(['--email', 'owner@example.org', '--name', 'Olu Owner'], 'short-pw-91\n', dir);
    expect(weak.code).toBe(2);
    expect(weak.output).toMatch(/password: Use at least 12 characters/);
    expect(weak.output).not.toContain('short-pw-91');
    const none = await run(['--email', 'owner@example.org', '--name', 'Olu Owner'], '', dir);
    expect(none.code).toBe(2);
    expect(none.output).toMatch(/no password on stdin/);
    expect(users(dir)).toEqual([]);
  });

  // util-linux `script` gives the command a real terminal, as an operator's shell would.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal the password is asked twice at a hidden prompt and never shown (skipped without util-linux script)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fireside-admin-'));
    const command = `${process.execPath} --import tsx scripts/admin-create.ts --email tty@example.org --name 'Tia Tty'`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, 'fireside.db')}`, NODE_ENV: 'production' },
    });
    let output = '';
    const waitForOutput = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (output.includes(text)) {
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    child.stdout.on('data', (d) => (output += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitForOutput('not shown): ');
    child.stdin.write(`${PASSWORD}\r`);
    await waitForOutput('Type it again: ');
    child.stdin.write(`${PASSWORD}\r`);
    await waitForOutput('Admin ready');
    child.stdin.end();
    expect(await closed).toBe(0);
    expect(output).not.toContain(PASSWORD);
    const rows = users(dir);
    expect(rows).toHaveLength(1);
    expect(await verifyPassword(rows[0].passwordHash, PASSWORD)).toBe(true);
  });
});
