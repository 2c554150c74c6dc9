// Database faults against the real server: SQLite locked by another writer (F20) and an exhausted PostgreSQL
// pool (F21). Both must answer "busy, try again" quickly, write nothing, keep the process serving, and recover.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@/lib/result';
import { seedDemoCommunityIfEmpty } from '@/prisma/seed';
import { hashPassword } from '../auth/password';
import { createDb, type Db } from '../db/client';
import { migrate } from '../db/migrator';
import { DEMO_PASSWORD, signIn, startServer, type TestServer, type TestSocket } from './harness';
import { callAction } from './int-helpers';
import { createDiscussion, join, openDb, socketFor, until } from './live-fixtures';
import { createTempPostgres, skipReason, TEST_POSTGRES_URL } from './temp-databases';

/** Milliseconds until `/api/health` answers 200: the event loop is free while the database is stuck. */
async function healthLatency(server: TestServer): Promise<number> {
  const t0 = Date.now();
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(15_000) });
  expect(res.status).toBe(200);
  return Date.now() - t0;
}

function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  return p.then((value) => ({ value, ms: Date.now() - t0 }));
}

describe('F20 SQLite held by another writer', () => {
  let server: TestServer;
  let db: Db;
  let file: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    db = openDb(server);
    file = server.databaseUrl.replace(/^file:/, '');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await db?.$disconnect();
    await server?.stop();
  });

  /** Another process-like writer: its own connection holding the write lock until released. */
  function holdWriteLock() {
    const conn = new Database(file);
    conn.prepare('BEGIN IMMEDIATE').run();
    return {
      /** What is stored, seen through the lock holder's own transaction. */
      count: (sql: string, ...args: unknown[]) => (conn.prepare(sql).get(...args) as { n: number }).n,
      release: () => {
        conn.prepare('ROLLBACK').run();
        conn.close();
      },
    };
  }

  it('F20 a live ask gets a retryable error ack after the busy timeout, nothing stored, the server stays responsive; the retry with the same id stores one row', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const later = await createDiscussion(db, { startsInMinutes: 24 * 60 });
    const alex = await socketFor(server, 'alex@example.org');
    sockets.push(alex);
    await join(alex, discussionId);
    const bea = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
    const id = randomUUID();
    const ask = () => alex.timeout(20_000).emitWithAck('question:ask', { discussionId, id, body: 'Is the database awake?', anonymous: false });
    const rsvp = () => callAction(server, `/discussions/${later}`, 'rsvpAction', [{ discussionId: later }], { cookie: bea.cookie });

    const lock = holdWriteLock();
    try {
      const pending = Promise.all([timed(ask()), timed(rsvp())]);
      let done = false;
      void pending.finally(() => (done = true));
      // While both writes wait for the lock the process keeps answering: the wait must not block the event loop.
      // Back-to-back health checks for the first seconds of the wait; the slowest one counts.
      let healthMs = 0;
      for (const t0 = Date.now(); !done && Date.now() - t0 < 3000; ) healthMs = Math.max(healthMs, await healthLatency(server));
      const [asked, rsvped] = await pending;
      console.log(`[F20] ask answered after ${asked.ms} ms, RSVP after ${rsvped.ms} ms; slowest /api/health meanwhile ${healthMs} ms`);
      // Before, the first waiting write froze the process for the whole busy timeout (5 s); a loaded machine
      // answers in well under 2 s.
      expect(healthMs).toBeLessThan(2000);

      expect(asked.value).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(rsvped.value.status).toBe(200);
      expect(rsvped.value.result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const message = (rsvped.value.result as Extract<Result<unknown>, { ok: false }>).error.message;
      expect(message).toMatch(/try again/i);
      // It waited for the lock rather than failing at once, and answered instead of hanging.
      for (const t of [asked.ms, rsvped.ms]) {
        expect(t).toBeGreaterThan(1000);
        expect(t).toBeLessThan(15_000);
      }
      expect(lock.count('SELECT count(*) AS n FROM "Question" WHERE id = ?', id)).toBe(0);
      expect(lock.count('SELECT count(*) AS n FROM "Rsvp" WHERE discussionId = ?', later)).toBe(0);
    } finally {
      lock.release();
    }

    // The socket was kept (a busy database is not a signed-out user), and the retry de-duplicates.
    expect(alex.connected).toBe(true);
    const retried = await ask();
    expect(retried).toMatchObject({ ok: true, data: { id } });
    const again = await ask();
    expect(again).toMatchObject({ ok: true, data: { id } });
    expect(await db.question.count({ where: { id } })).toBe(1);
    expect((await rsvp()).result).toMatchObject({ ok: true });
    expect(await db.rsvp.count({ where: { discussionId: later } })).toBe(1);
  }, 60_000);

  it('F20 a write waiting for the lock goes through once the other writer lets go within the busy timeout', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const bea = await socketFor(server, 'bea@example.org');
    sockets.push(bea);
    await join(bea, discussionId);
    const id = randomUUID();
    const lock = holdWriteLock();
    const pending = bea.timeout(20_000).emitWithAck('question:ask', { discussionId, id, body: 'Worth the wait?', anonymous: true });
    let released = false;
    try {
      // Release only once the server is visibly serving other requests meanwhile.
      expect(await healthLatency(server)).toBeLessThan(2000);
      lock.release();
      released = true;
      expect(await pending).toMatchObject({ ok: true, data: { id } });
    } finally {
      if (!released) lock.release();
    }
    expect(await db.question.count({ where: { id } })).toBe(1);
  }, 60_000);
});

const pgSkip = skipReason('TEST_POSTGRES_URL');

describe.skipIf(!TEST_POSTGRES_URL)(`F21 PostgreSQL pool exhausted${pgSkip}`, () => {
  // FAULTS.md F21: pool max 5, 50 slow queries. The statement timeout is the server default, set explicitly here
  // so "fast" has something to be measured against.
  const POOL_MAX = 5;
  const STATEMENT_TIMEOUT_MS = 10_000;
  const MEMBERS = ['alex@example.org', 'bea@example.org', 'chen@example.org', 'dara@example.org', 'eli@example.org'];
  let base: Awaited<ReturnType<typeof createTempPostgres>>;
  let db: Db;
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    base = await createTempPostgres();
    await migrate(base.url);
    db = createDb(base.url);
    await seedDemoCommunityIfEmpty(db, hashPassword);
    server = await startServer({
      env: {
        DATABASE_URL: base.url,
        DATABASE_POOL_MAX: String(POOL_MAX),
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        AUTH_SECRET: `f21-${randomUUID()}`,
      },
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
    await db?.$disconnect();
    await base?.drop();
  });

  it('F21 50 votes stuck behind a lock: the ones without a connection get a fast `unavailable`, /api/health answers, and everything recovers', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const hostId = (await db.user.findUniqueOrThrow({ where: { email: 'rowan@example.org' } })).id;
    const questions = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.question.create({ data: { id: randomUUID(), discussionId, authorId: hostId, body: `Question ${i}`, status: 'VISIBLE' }, select: { id: true } }),
      ),
    );
    const members = await Promise.all(MEMBERS.map((email) => socketFor(server, email)));
    sockets.push(...members);
    for (const s of members) await join(s, discussionId);
    const bea = await signIn(server, 'bea@example.org', DEMO_PASSWORD);
    const later = await createDiscussion(db, { startsInMinutes: 24 * 60 });

    // The slow queries: a maintenance transaction (think of a long report or a manual fix in psql) holds an
    // EXCLUSIVE lock on "Vote", so every vote's INSERT waits inside its transaction, holding a pool connection
    // until the lock goes or the statement timeout cancels it. Five votes take the whole pool; the other 45, and
    // anything else needing the database, must fail fast instead of queueing behind them.
    const locker = new pg.Client({ connectionString: base.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Vote" IN EXCLUSIVE MODE');
    type VoteAck = Result<{ votes: number }>;
    let results: { value: VoteAck; ms: number }[] = [];
    let refusedFast = 0;
    try {
      const votes = members.flatMap((s) =>
        questions.map((q) => timed(s.timeout(30_000).emitWithAck('question:vote', { questionId: q.id }) as Promise<VoteAck>)),
      );
      expect(votes).toHaveLength(50);
      // Wait until the lock really has the pool: PostgreSQL shows the five vote INSERTs waiting on it.
      await until(
        async () => {
          const { rows } = await locker.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].n >= POOL_MAX;
        },
        10_000,
        'five votes waiting on the lock',
      );
      const healthMs = await healthLatency(server);
      const action = await timed(callAction(server, `/discussions/${later}`, 'rsvpAction', [{ discussionId: later }], { cookie: bea.cookie }));
      // Everything that could not get a connection has answered while the five are still stuck.
      const settled: { value: VoteAck; ms: number }[] = [];
      for (const v of votes) void v.then((r) => settled.push(r));
      await until(() => settled.length >= 50 - POOL_MAX, STATEMENT_TIMEOUT_MS - 1000, '45 fast answers');
      const failedFast = settled.filter((r) => !r.value.ok);
      console.log(
        `[F21] /api/health ${healthMs} ms; RSVP action ${action.ms} ms; ${failedFast.length} votes refused, slowest refusal ${Math.max(...failedFast.map((r) => r.ms))} ms`,
      );
      expect(healthMs).toBeLessThan(1000);
      expect(action.value.result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(action.ms).toBeLessThan(STATEMENT_TIMEOUT_MS / 2);
      expect(failedFast.length).toBeGreaterThanOrEqual(50 - POOL_MAX);
      refusedFast = failedFast.length;
      for (const r of failedFast) {
        expect(r.value).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        expect(r.ms).toBeLessThan(STATEMENT_TIMEOUT_MS / 2);
      }
      // No vote was stored while the lock was held (on these questions: the demo seed has votes of its own).
      const stored = await locker.query<{ n: number }>('SELECT count(*)::int AS n FROM "Vote" WHERE "questionId" = ANY($1)', [questions.map((q) => q.id)]);
      expect(stored.rows[0].n).toBe(0);
      await locker.query('COMMIT');
      results = await Promise.all(votes);
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
    }

    // The stuck five went through once the lock was gone; the sockets were kept; a retry of every refused vote
    // now succeeds, and the counts are exact.
    expect(results.filter((r) => r.value.ok)).toHaveLength(50 - refusedFast);
    for (const s of members) expect(s.connected).toBe(true);
    await Promise.all(
      members.flatMap((s) =>
        questions.map(async (q) => expect(await s.timeout(10_000).emitWithAck('question:vote', { questionId: q.id })).toMatchObject({ ok: true })),
      ),
    );
    expect(await db.vote.count({ where: { questionId: { in: questions.map((q) => q.id) } } })).toBe(50);
    for (const q of questions) expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).voteCount).toBe(MEMBERS.length);
    expect(await healthLatency(server)).toBeLessThan(1000);
    expect((await callAction(server, `/discussions/${later}`, 'rsvpAction', [{ discussionId: later }], { cookie: bea.cookie })).result).toMatchObject({
      ok: true,
    });
  }, 120_000);
});
