import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'fireside-cfg-'));

describe('parseConfig', () => {
  it('defaults make `npm start` work with no configuration', () => {
    const dir = dataDir();
    const c = parseConfig({ DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe(`file:${path.join(dir, 'fireside.db')}`);
    expect(c.databaseIsDefault).toBe(true);
    expect(c.dialect).toBe('sqlite');
    expect(c.redisUrl).toBeNull();
    expect(c.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']);
  });

  it('listens only on this machine by default; on every interface when APP_URL is a real address or HOST says so', () => {
    expect(parseConfig({ DATA_DIR: dataDir() }).host).toBe('127.0.0.1');
    expect(parseConfig({ DATA_DIR: dataDir(), APP_URL: 'https://fireside.example.org' }).host).toBe('0.0.0.0');
    expect(parseConfig({ DATA_DIR: dataDir(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('the default database is ./data/fireside.db', () => {
    expect(parseConfig({ AUTH_SECRET: 'x'.repeat(32) }).databaseUrl).toBe('file:data/fireside.db');
  });

  it('generates an auth secret once, persists it under DATA_DIR and reuses it', () => {
    const dir = dataDir();
    const first = parseConfig({ DATA_DIR: dir });
    expect(first.authSecretGenerated).toBe(true);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.authSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    const second = parseConfig({ DATA_DIR: dir });
    expect(second.authSecretGenerated).toBe(false);
    expect(second.authSecret).toBe(first.authSecret);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REDIS_URL: 'http://redis' }, 'REDIS_URL'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ ALLOWED_ORIGINS: 'nope' }, 'ALLOWED_ORIGINS'],
  ])('invalid %o stops start-up naming %s', (env, variable) => {
    const run = () => parseConfig({ DATA_DIR: dataDir(), ...env });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(new RegExp(variable));
  });

  it('PostgreSQL and Redis are switched on by their URLs alone', () => {
    const c = parseConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.dialect).toBe('postgresql');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('APP_URL sets the one allowed origin, ALLOWED_ORIGINS adds more', () => {
    const c = parseConfig({ DATA_DIR: dataDir(), APP_URL: 'https://fireside.example.org/', ALLOWED_ORIGINS: 'https://www.fireside.example.org' });
    expect(c.appUrl).toBe('https://fireside.example.org');
    expect(c.allowedOrigins).toEqual(['https://fireside.example.org', 'https://www.fireside.example.org']);
  });
});
