// Throwaway databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on TEST_POSTGRES_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? '';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? '';

/** Says out loud why a PostgreSQL/Redis test is skipped: never silently (README, "Tests"). */
export function announceSkip(what: string, variable: string) {
  console.warn(`[test] SKIPPED ${what}: ${variable} is not set`);
}

export function tempSqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), 'fireside-db-')), 'test.db')}`;
}

export async function createTempPostgres(baseUrl = TEST_POSTGRES_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fireside_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export type TestDialect = { name: 'SQLite' | 'PostgreSQL'; make: () => Promise<{ url: string; drop: () => Promise<void> }> };

/** The databases command tests run on: SQLite always; PostgreSQL when TEST_POSTGRES_URL is set, else announced. */
export function testDialects(what: string): TestDialect[] {
  const dialects: TestDialect[] = [{ name: 'SQLite', make: async () => ({ url: tempSqliteUrl(), drop: async () => {} }) }];
  if (TEST_POSTGRES_URL) dialects.push({ name: 'PostgreSQL', make: () => createTempPostgres() });
  else announceSkip(`${what} on PostgreSQL`, 'TEST_POSTGRES_URL');
  return dialects;
}
