// The Prisma client factory: one client per process, chosen by DATABASE_URL (file: → SQLite, postgres → pg).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { getConfig } from '../config';
import { sqliteFilePath } from './urls';

/** Both dialects generate the same model API; the SQLite client's type is the one the code is written against. */
export type Db = SqliteClient;
export type { Prisma, Role, User, AuditEntry } from './generated/sqlite/client';

import { SQLITE_BUSY_TIMEOUT_MS } from "./constants";

export type DbOptions = { poolMax?: number; statementTimeoutMs?: number };

export function createDb(url: string, opts: DbOptions = {}): Db {
  if (url.startsWith('file:')) {
    const adapter = new PrismaBetterSqlite3(
      { url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS },
      { timestampFormat: 'unixepoch-ms' },
    );
    const client = new SqliteClient({ adapter });
    // Per-connection pragma (WAL is persistent and set by the migrator). The adapter holds one connection and
    // runs requests in order, so this runs before any other query.
    void client.$executeRaw`PRAGMA foreign_keys = ON`.catch(() => {});
    return client;
  }
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5000,
    statement_timeout: opts.statementTimeoutMs ?? 10_000,
  });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const g = globalThis as { __firesideDb?: Db };

/** The process-wide client, shared between the custom server and Next's bundle through globalThis. */
export function db(): Db {
  if (!g.__firesideDb) {
    const c = getConfig();
    g.__firesideDb = createDb(c.databaseUrl, { poolMax: c.databasePoolMax, statementTimeoutMs: c.databaseStatementTimeoutMs });
  }
  return g.__firesideDb;
}

export async function closeDb() {
  const client = g.__firesideDb;
  g.__firesideDb = undefined;
  await client?.$disconnect();
}
