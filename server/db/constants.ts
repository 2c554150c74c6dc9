/**
 * How long a SQLite write waits for another writer's lock before failing with a retryable error (F20). The wait
 * happens on timers (sqlite-busy.ts), so the process keeps serving everyone else meanwhile.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long a PostgreSQL query waits for a free pool connection before failing with a retryable error (F21): well
 * under the statement timeout (DATABASE_STATEMENT_TIMEOUT_MS, 10 s by default), so an exhausted pool answers
 * "busy" in about 2 s instead of piling up requests until the slow queries time out.
 */
export const PG_POOL_ACQUIRE_TIMEOUT_MS = 2000;
