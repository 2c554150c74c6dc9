// Applies prisma/migrations/<dialect>/<name>/migration.sql in order, each in its own transaction, recorded in
// a `_prisma_migrations`-compatible table. Idempotent; a changed, already-applied migration is an error.
// It talks to the drivers directly (not Prisma) because migrations are multi-statement SQL scripts.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_BUSY_TIMEOUT_MS } from './constants';
import { secureSqliteFiles } from './files';
import { dialectOf, sqliteFilePath } from './urls';

const MIGRATIONS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');
const PG_LOCK_KEY = 7_207_369; // any constant: serialises concurrent migrators of several nodes

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(dialect: 'sqlite' | 'postgresql'): Migration[] {
  const dir = path.join(MIGRATIONS_ROOT, dialect);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

type Applied = { migration_name: string; checksum: string; finished_at: unknown };

function plan(migrations: Migration[], applied: Applied[]): Migration[] {
  const done = new Map(applied.filter((a) => a.finished_at != null).map((a) => [a.migration_name, a.checksum]));
  for (const m of migrations) {
    const sum = done.get(m.name);
    if (sum && sum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied (checksum mismatch). Add a new migration instead.`);
    }
  }
  return migrations.filter((m) => !done.has(m.name));
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

function openSqlite(url: string): Database.Database {
  const file = sqliteFilePath(url);
  // 0600 before SQLite opens it, so the -wal/-shm files it creates are private too.
  secureSqliteFiles(file);
  const conn = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  return conn;
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const conn = openSqlite(url);
  try {
    conn.exec(SQLITE_TABLE);
    // BEGIN IMMEDIATE takes the write lock, so two processes cannot apply the same migration.
    const run = conn.transaction(() => {
      const applied = conn.prepare('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL').all() as Applied[];
      const todo = plan(migrations, applied);
      for (const m of todo) {
        const started = new Date().toISOString();
        conn.exec(m.sql);
        conn
          .prepare('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)')
          .run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      }
      return { applied: todo.map((m) => m.name), alreadyApplied: migrations.length - todo.length };
    });
    return run.immediate();
  } finally {
    conn.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
    await client.query(PG_TABLE);
    const { rows } = await client.query<Applied>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
    const todo = plan(migrations, rows);
    for (const m of todo) {
      await client.query('BEGIN');
      try {
        const started = new Date();
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: migrations.length - todo.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

export async function migrate(url: string): Promise<MigrateResult> {
  const dialect = dialectOf(url);
  const migrations = listMigrations(dialect);
  return dialect === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

/** Names of migrations on disk that the database has not applied (empty = fully migrated). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const dialect = dialectOf(url);
  const migrations = listMigrations(dialect);
  let applied: Applied[] = [];
  if (dialect === 'sqlite') {
    if (!existsSync(sqliteFilePath(url))) return migrations.map((m) => m.name);
    const conn = new Database(sqliteFilePath(url), { readonly: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      const hasTable = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`).get();
      if (hasTable)
        applied = conn.prepare('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL').all() as Applied[];
    } finally {
      conn.close();
    }
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const reg = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
      if (reg.rows[0].t)
        applied = (await client.query<Applied>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL')).rows;
    } finally {
      await client.end();
    }
  }
  return plan(migrations, applied).map((m) => m.name);
}
