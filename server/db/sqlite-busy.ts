// Waiting for another SQLite writer without freezing the process (F20).
//
// better-sqlite3 is synchronous: with a plain `busy_timeout`, a write that finds the database locked by another
// process (a CLI script, a backup, `sqlite3` in a shell) blocks Node's event loop for the whole timeout, so every
// socket, page and health check stalls with it. And Prisma's interactive transactions begin DEFERRED, so a
// transaction that read first fails at its first write without waiting at all. Here the driver does not wait
// (SQLITE_BUSY_SLICE_MS); the waiting happens between attempts on timers, and transactions take the write lock
// up front (`BEGIN IMMEDIATE`) so they wait like single statements do. After SQLITE_BUSY_TIMEOUT_MS the original
// SQLITE_BUSY error surfaces, which server/errors.ts turns into the retryable `unavailable` answer.
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from './constants';

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];

/**
 * How long one attempt may block the event loop inside SQLite's own busy handler: none. Even a few ms add up
 * when many requests wait at once (50 waiters × 20 ms per round froze the loop); a locked attempt fails at once
 * and the next one comes on a timer.
 */
export const SQLITE_BUSY_SLICE_MS = 0;

function isSqliteBusy(err: unknown): boolean {
  const cause = (err as { cause?: { originalCode?: unknown } })?.cause;
  const code = typeof cause?.originalCode === 'string' ? cause.originalCode : String((err as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_BUSY');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` (at least once) until it stops failing with SQLITE_BUSY or the deadline has passed. */
async function retryWhileBusy<T>(attempt: () => Promise<T>, deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS): Promise<T> {
  for (let backoff = 5; ; backoff = Math.min(backoff * 2, 100)) {
    try {
      return await attempt();
    } catch (err) {
      const left = deadline - Date.now();
      if (!isSqliteBusy(err) || left <= 0) throw err;
      await pause(Math.min(backoff, left));
    }
  }
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * Wraps the better-sqlite3 adapter: statements outside a transaction are retried while busy (a failed
 * statement wrote nothing, so retrying is safe), and a transaction waits for the write lock before it starts.
 */
export function waitForLocksAsync(factory: PrismaBetterSqlite3, budgetMs = SQLITE_BUSY_TIMEOUT_MS): PrismaBetterSqlite3 {
  const wrap = (inner: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => retryWhileBusy(() => inner.queryRaw(query), Date.now() + budgetMs),
    executeRaw: (query) => retryWhileBusy(() => inner.executeRaw(query), Date.now() + budgetMs),
    executeScript: (script) => retryWhileBusy(() => inner.executeScript(script), Date.now() + budgetMs),
    dispose: () => inner.dispose(),
    startTransaction: async (isolationLevel) => {
      // The adapter serialises its transactions with a mutex and has just run a DEFERRED `BEGIN`, which holds
      // no lock yet; swap it for `BEGIN IMMEDIATE`, retried on timers, while the mutex is still ours. The budget
      // counts from before the mutex: transactions queued behind one that waits for the lock must not each wait
      // the whole budget again after it (ten queued writers would otherwise take ten budgets).
      const deadline = Date.now() + budgetMs;
      const tx = await inner.startTransaction(isolationLevel);
      try {
        await tx.executeRaw(statement('ROLLBACK'));
        await retryWhileBusy(() => tx.executeRaw(statement('BEGIN IMMEDIATE')), deadline);
        return tx;
      } catch (err) {
        await tx.rollback(); // releases the adapter's mutex; no transaction is open on the connection
        throw err;
      }
    },
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  } as unknown as PrismaBetterSqlite3;
}
