// server/realtime/bus.ts is the only way the domain reaches sockets: no file outside server/realtime/ touches the
// Socket.IO server. This reads the whole tree and fails naming each file (and what it does) that does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectSourceFiles, ROOT } from '../test/source-files';

/** What touching the server's `io` looks like; socket.io-client use (tests, the browser) matches none of these. */
const TOUCHES_IO: [string, RegExp][] = [
  ['reads or sets the Socket.IO server (getIo/setIo)', /\b(getIo|setIo)\b/],
  ['imports the Socket.IO server package', /(from\s*|require\s*\(\s*|import\s*\(\s*)['"]socket\.io['"]/],
  ['uses the Io type', /import[^;]*\bIo\b[^;]*from\s*['"][^'"]*\/bus['"]/],
  ['calls server-side Socket.IO APIs', /\.(fetchSockets|disconnectSockets|socketsJoin|socketsLeave|serverSideEmit)\s*\(/],
];

const offences = (text: string) => TOUCHES_IO.filter(([, re]) => re.test(text)).map(([what]) => what);

describe('one publishing port', () => {
  const files = projectSourceFiles();
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
