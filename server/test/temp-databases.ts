// Throwaway databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on TEST_POSTGRES_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? '';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? '';

/**
 * The suffix for the name of a suite that needs these variables: "" when all are set, else
 * " (skipped: TEST_POSTGRES_URL not set)", so the suite shows in vitest's summary as skipped, with the reason,
 * instead of vanishing. Use with `describe.skipIf`.
 */
export function skipReason(...variables: ('TEST_POSTGRES_URL' | 'TEST_REDIS_URL')[]): string {
  const missing = variables.filter((v) => !process.env[v]);
  return missing.length ? ` (skipped: ${missing.join(' and ')} not set)` : '';
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
  url.pathname = `/${name}`;
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

const DIALECTS: { dialect: TestDialect; skip: string }[] = [
  { dialect: { name: 'SQLite', make: async () => ({ url: tempSqliteUrl(), drop: async () => {} }) }, skip: '' },
  { dialect: { name: 'PostgreSQL', make: () => createTempPostgres() }, skip: skipReason('TEST_POSTGRES_URL') },
];

/**
 * One suite per database the command tests run on: "<title> on SQLite" always, "<title> on PostgreSQL" when
 * TEST_POSTGRES_URL is set, else that suite is listed as skipped with the reason in its name.
 */
export function describeDialects(title: string, suite: (dialect: TestDialect) => void) {
  for (const { dialect, skip } of DIALECTS) describe.skipIf(skip !== '')(`${title} on ${dialect.name}${skip}`, () => suite(dialect));
}
