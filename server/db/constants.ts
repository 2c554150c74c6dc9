/** How long a SQLite writer waits for another writer's lock before failing with a retryable error (F20). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
