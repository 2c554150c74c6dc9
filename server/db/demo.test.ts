import { describe, expect, it } from 'vitest';
import { wantsDemoSeed } from './demo';

describe('wantsDemoSeed (issue 7 item 2: demo data only where it belongs)', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'https://localhost'])(
    'auto seeds SQLite on the loopback address %s',
    (appUrl) => {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl, dialect: 'sqlite' })).toBe(true);
    },
  );

  it.each(['https://fireside.example.org', 'http://192.168.1.20:3000', 'http://localhost.example.org', 'http://127.0.0.1.nip.io'])(
    'auto does not seed for %s',
    (appUrl) => {
      expect(wantsDemoSeed({ demoSeed: 'auto', appUrl, dialect: 'sqlite' })).toBe(false);
    },
  );

  it('auto never seeds PostgreSQL; on seeds any address and dialect; off never seeds', () => {
    expect(wantsDemoSeed({ demoSeed: 'auto', appUrl: 'http://localhost:3000', dialect: 'postgresql' })).toBe(false);
    expect(wantsDemoSeed({ demoSeed: 'on', appUrl: 'https://fireside.example.org', dialect: 'postgresql' })).toBe(true);
    expect(wantsDemoSeed({ demoSeed: 'off', appUrl: 'http://localhost:3000', dialect: 'sqlite' })).toBe(false);
  });
});
