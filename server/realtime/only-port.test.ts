// server/realtime/bus.ts is the only way the domain reaches sockets: no file outside server/realtime/ touches the
// Socket.IO server. This reads the whole tree and fails naming each file (and what it does) that does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'generated', 'test-results', 'playwright-report', 'data']);

/** What touching the server's `io` looks like; socket.io-client use (tests, the browser) matches none of these. */
const TOUCHES_IO: [string, RegExp][] = [
  ['reads or sets the Socket.IO server (getIo/setIo)', /\b(getIo|setIo)\b/],
  ['imports the Socket.IO server package', /(from\s*|require\s*\(\s*|import\s*\(\s*)['"]socket\.io['"]/],
  ['uses the Io type', /import[^;]*\bIo\b[^;]*from\s*['"][^'"]*\/bus['"]/],
  ['calls server-side Socket.IO APIs', /\.(fetchSockets|disconnectSockets|socketsJoin|socketsLeave|serverSideEmit)\s*\(/],
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.next')) sourceFiles(path.join(dir, entry.name), out);
    } else if (/\.(ts|tsx|js|mjs|cjs|mts)$/.test(entry.name)) out.push(path.join(dir, entry.name));
  }
  return out;
}

const offences = (text: string) => TOUCHES_IO.filter(([, re]) => re.test(text)).map(([what]) => what);

describe('one publishing port', () => {
  const files = sourceFiles(ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');

  it('the check recognises io use: server/realtime/ does all of it', () => {
    // The walk sees the tree, and the patterns match the code that legitimately holds io.
    expect(files).toEqual(expect.arrayContaining(['server/realtime/bus.ts', 'server/realtime/index.ts', 'server/live/presence.ts', 'server/auth/sessions.ts']));
    const inside = files.filter((f) => f.startsWith('server/realtime/') && !f.endsWith('.test.ts')).flatMap((f) => offences(read(f)));
    expect(new Set(inside)).toEqual(new Set(TOUCHES_IO.map(([what]) => what)));
  });

  it('no file outside server/realtime/ touches the Socket.IO server (publish through server/realtime/bus.ts)', () => {
    const offenders = files.filter((f) => !f.startsWith('server/realtime/')).flatMap((f) => offences(read(f)).map((what) => `${f}: ${what}`));
    expect(
      offenders,
      'use publishToAudience / publishToModerators / publishToRoom / publishToUser / disconnectUser / roomPresence from server/realtime/bus.ts',
    ).toEqual([]);
  });
});
