import { describe, expect, it } from 'vitest';
import { wantsDemoSeed } from './demo';

describe('wantsDemoSeed (issue 7 item 2: demo data only where it belongs)', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'https://localhost'])(
    'auto seeds SQLite on the loopback address %s',
    (appUrl) => {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl, dialect: 'sqlite', host: '127.0.0.1' })).toBe(true);
    },
  );

  it.each(['https://fireside.example.org', 'http://192.168.1.20:3000', 'http://localhost.example.org', 'http://127.0.0.1.nip.io'])(
    'auto does not seed for %s',
    (appUrl) => {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl, dialect: 'sqlite', host: '127.0.0.1' })).toBe(false);
    },
  );

  it('auto never seeds a server listening on every interface, even with a loopback APP_URL (reachable from the network)', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl: 'http://localhost:3000', dialect: 'sqlite', host })).toBe(false);
    }
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl: 'http://localhost:3000', dialect: 'sqlite', host })).toBe(true);
    }
  });

  it('auto never seeds PostgreSQL; on seeds any address and dialect; off never seeds', () => {
    expect(wantsDemoSeed({ demoSeed: 'auto', appUrl: 'http://localhost:3000', dialect: 'postgresql', host: '127.0.0.1' })).toBe(false);
    expect(wantsDemoSeed({ demoSeed: 'on', appUrl: 'https://fireside.example.org', dialect: 'postgresql', host: '127.0.0.1' })).toBe(true);
    expect(wantsDemoSeed({ demoSeed: 'off', appUrl: 'http://localhost:3000', dialect: 'sqlite', host: '127.0.0.1' })).toBe(false);
  });
});
