// The SQLite lock wait on timers (F20), without a server: the event loop stays free while a write waits, waiting
// writes go through when the other writer lets go, and queued transactions share one budget instead of each
// waiting a whole one after the other.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempSqliteUrl } from '../test/temp-databases';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { migrate } from './migrator';
import { SQLITE_BUSY_SLICE_MS, waitForLocksAsync } from './sqlite-busy';
import { sqliteFilePath } from './urls';

const BUDGET_MS = 1000;

describe('F20 SQLite lock waits', () => {
  const url = tempSqliteUrl();
  let db: SqliteClient;
  let other: Database.Database;
  beforeAll(async () => {
    await migrate(url);
    db = new SqliteClient({
      adapter: waitForLocksAsync(
        new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_SLICE_MS }, { timestampFormat: 'unixepoch-ms' }),
        BUDGET_MS,
      ),
      transactionOptions: { maxWait: 10 * BUDGET_MS },
    });
    other = new Database(sqliteFilePath(url));
    await db.user.count(); // loads Prisma's query compiler, which would otherwise count as lock waiting below
  });
  afterAll(async () => {
    other.close();
    await db.$disconnect();
  });

  let n = 0;
  const user = () => ({ email: `u${++n}@example.org`, displayName: `U ${n}`, passwordHash: 'x' });

  it('F20 five queued writes (single and transactional) all fail retryably within about one budget, and the event loop keeps turning', async () => {
    other.prepare('BEGIN IMMEDIATE').run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const t0 = Date.now();
    try {
      const outcomes = await Promise.all(
        [
          db.user.create({ data: user() }),
          db.$transaction(async (tx) => {
            await tx.user.count();
            return tx.user.create({ data: user() });
          }),
          db.$transaction(async (tx) => tx.user.create({ data: user() })),
          db.$transaction(async (tx) => {
            await tx.user.count();
            return tx.user.create({ data: user() });
          }),
          db.user.create({ data: user() }),
        ].map((p) =>
          p.then(
            () => 'stored',
            (e: { message?: string; meta?: unknown }) => JSON.stringify(e.meta ?? e.message),
          ),
        ),
      );
      const ms = Date.now() - t0;
      for (const o of outcomes) expect(o).toContain('SQLITE_BUSY');
      expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 50);
      expect(ms).toBeLessThan(2.5 * BUDGET_MS); // not five budgets one after another
      // A blocking busy wait would leave the 50 ms ticker at ~0; timers between attempts keep it close to ms / 50.
      expect(ticks).toBeGreaterThan(ms / 50 / 2);
    } finally {
      clearInterval(ticker);
      other.prepare('ROLLBACK').run();
    }
    expect(await db.user.count()).toBe(0);
  });

  it('F20 writes waiting for the lock go through once the other writer lets go', async () => {
    other.prepare('BEGIN IMMEDIATE').run();
    const pending = Promise.all([
      db.user.create({ data: user() }),
      db.$transaction(async (tx) => {
        await tx.user.count();
        return tx.user.create({ data: user() });
      }),
    ]);
    // Once both have tried at least once (the lock is certainly in their way), let go.
    setTimeout(() => other.prepare('ROLLBACK').run(), BUDGET_MS / 4);
    await pending;
    expect(await db.user.count()).toBe(2);
  });
});
