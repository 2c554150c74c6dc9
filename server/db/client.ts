// The Prisma client factory: one client per process, chosen by DATABASE_URL (file: → SQLite, postgres → pg).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { getConfig } from '../config';
import { onStop, processSingleton } from '../runtime';
import { PG_POOL_ACQUIRE_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS } from './constants';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { SQLITE_BUSY_SLICE_MS, waitForLocksAsync } from './sqlite-busy';
import { keepStatementsPrepared } from './sqlite-statements';
import { sqliteFilePath } from './urls';

/** Both dialects generate the same model API; the SQLite client's type is the one the code is written against. */
export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client';

export type DbOptions = { poolMax?: number; statementTimeoutMs?: number };

export function createDb(url: string, opts: DbOptions = {}): Db {
  if (url.startsWith('file:')) {
    // The driver's own busy wait blocks the event loop, so it only gets a short slice; the rest of the wait
    // for another writer happens on timers (sqlite-busy.ts, F20). Each SQL text is prepared once per connection
    // (sqlite-statements.ts).
    const adapter = waitForLocksAsync(
      keepStatementsPrepared(new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_SLICE_MS }, { timestampFormat: 'unixepoch-ms' })),
    );
    // An interactive transaction may wait the whole busy timeout for the write lock before it starts; Prisma's
    // default 2 s start limit would cut that short with a less precise error.
    const client = new SqliteClient({ adapter, transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS + 1000 } });
    // Per-connection pragma (WAL is persistent and set by the migrator). The adapter holds one connection and
    // runs requests in order, so this runs before any other query.
    void client.$executeRaw`PRAGMA foreign_keys = ON`.catch(() => {});
    return client;
  }
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolMax ?? 10,
    // Pool exhausted (F21): wait this long for a free connection, then fail with a retryable error instead of
    // queueing behind slow queries until the statement timeout.
    connectionTimeoutMillis: PG_POOL_ACQUIRE_TIMEOUT_MS,
    statement_timeout: opts.statementTimeoutMs ?? 10_000,
  });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const slot = () =>
  processSingleton('db', () => {
    onStop('close', 'database client', closeDb);
    return { client: undefined as Db | undefined };
  });

/** The process-wide client, shared between the custom server and Next's bundle (server/runtime.ts). */
export function db(): Db {
  const s = slot();
  if (!s.client) {
    const c = getConfig();
    s.client = createDb(c.databaseUrl, { poolMax: c.databasePoolMax, statementTimeoutMs: c.databaseStatementTimeoutMs });
  }
  return s.client;
}

export async function closeDb() {
  const s = slot();
  const client = s.client;
  s.client = undefined;
  await client?.$disconnect();
}
