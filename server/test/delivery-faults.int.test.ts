// Delivery faults around the moment a question is stored (FAULTS.md F17, F25), against the real server process:
// a SIGTERM while questions wait for the database, and an ack lost on the wire after the commit.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addToOutbox, type OutboxItem, readOutbox, removeFromOutbox } from '@/components/live/outbox';
import type { Db } from '../db/client';
import { sqliteFilePath } from '../db/urls';
import { connectSocket, DEMO_PASSWORD, rawRequest, signIn, startServer, type TestServer, type TestSocket } from './harness';
import { createDiscussion, join, openDb, until } from './live-fixtures';
import { startTcpProxy } from './tcp-proxy';

type AckResult = { ok: true; data: { id: string } } | { ok: false; error: { code: string; message: string } };
/** What the client saw for one emit: the server's answer, or the client-side error (disconnected, timed out). */
type Outcome = { ack: AckResult } | { lost: string };

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// One server for the file (starting one costs seconds of CPU): F17 runs on it first, on a discussion and a member
// of its own, then F25 stops it with SIGTERM. No drain window: any socket closed before the in-flight work
// finishes is closed at once, not 300 ms later (F17 never stops the server, so it does not notice).
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { SHUTDOWN_DRAIN_MS: '0' } });
});
afterAll(() => server?.stop());

async function cookieFor(server: TestServer, email: string): Promise<string> {
  const s = await signIn(server, email, DEMO_PASSWORD);
  if (!s.ok) throw new Error(`sign-in failed for ${email}: ${s.error}`);
  return s.cookie;
}

/** Emits an ask and resolves with whatever the client learns about it: an ack, or that it never came. */
function ask(socket: TestSocket, payload: { discussionId: string; id: string; body: string; anonymous: boolean }, timeoutMs = 30_000): Promise<Outcome> {
  return new Promise((resolve) => {
    socket
      .timeout(timeoutMs)
      .emit('question:ask', payload, (err: Error | null, res: unknown) => resolve(err ? { lost: err.message } : { ack: res as AckResult }));
  });
}

/** In-memory localStorage for the browser's outbox module (components/live/outbox.ts). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('F17 the ack is lost after the commit', () => {
  it('F17 the server stores the question, the ack is lost with the connection; the outbox resends after reconnecting: one row, one id in every ack', async () => {
    const db: Db = openDb(server);
    cleanups.push(() => db.$disconnect());
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: server.port });
    cleanups.push(() => proxy.close());
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const cookie = await cookieFor(server, 'dara@example.org');

    // The browser's logic (components/live/use-questions.ts), with its outbox module: a question goes into the
    // outbox before it is sent, leaves it only on an ok ack, and everything left is resent after each (re)join.
    const storage = new MemoryStorage();
    const acks: AckResult[] = [];
    const lost: string[] = [];
    const socket = await connectSocket(
      { url: proxy.url },
      { cookie, origin: server.url, reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 },
    );
    cleanups.push(() => socket.close());
    const send = (item: OutboxItem) =>
      void ask(socket, { discussionId, id: item.id, body: item.body, anonymous: item.anonymous }).then((o) => {
        if ('lost' in o) return void lost.push(o.lost); // stays in the outbox
        acks.push(o.ack);
        if (o.ack.ok) removeFromOutbox(storage, discussionId, item.id);
      });
    let joins = 0;
    socket.on('connect', () => {
      void join(socket, discussionId).then(() => {
        joins++;
        for (const item of readOutbox(storage, discussionId)) send(item);
      });
    });
    await join(socket, discussionId);
    joins++;

    // Every byte from the server is dropped from now on; the client's ask still reaches the server.
    proxy.blackhole();
    const item: OutboxItem = {
      id: randomUUID(),
      discussionId,
      body: 'Sent just as my train entered the tunnel',
      anonymous: true,
      contentWarning: null,
      queuedAt: Date.now(),
    };
    addToOutbox(storage, item);
    send(item);
    await until(async () => (await db.question.count({ where: { id: item.id } })) === 1, 10_000, 'the question row to be committed');
    expect(acks).toEqual([]); // committed, but the ack is in the black hole

    // The connection dies; the network comes back; the client reconnects through the healed proxy.
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    proxy.cut();
    proxy.heal();
    expect(await dropped).toMatch(/^transport (close|error)$/);
    await until(() => readOutbox(storage, item.discussionId).length === 0, 15_000, 'the outbox to be emptied by an ok ack');

    expect(joins).toBe(2);
    expect(lost).toEqual(['socket has been disconnected']); // the first send learned nothing
    expect(acks).toEqual([{ ok: true, data: expect.objectContaining({ id: item.id, body: item.body }) }]);
    // A reload (a fresh tab) sending the same question again gets the same id back, too.
    const fresh = await connectSocket(server, { cookie });
    cleanups.push(() => fresh.close());
    await join(fresh, discussionId);
    const again = await ask(fresh, { discussionId, id: item.id, body: item.body, anonymous: true });
    expect(again).toEqual({ ack: { ok: true, data: expect.objectContaining({ id: item.id }) } });
    expect(await db.question.count({ where: { id: item.id } })).toBe(1);
    expect(await db.question.count({ where: { discussionId } })).toBe(1);
  });
});

describe('F25 shutdown while questions are in flight', () => {
  it('F25 questions waiting for the database at SIGTERM are stored and acked (none stored-but-unacked); new events get unavailable, new handshakes are refused; exit 0', async () => {
    // This test ends the shared server (SIGTERM); stop() afterwards only cleans up.
    cleanups.push(() => server.stop());
    const db: Db = openDb(server);
    cleanups.push(() => db.$disconnect());
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const emails = ['alex@example.org', 'bea@example.org', 'chen@example.org'];
    const cookies = await Promise.all(emails.map((e) => cookieFor(server, e)));
    const sockets = await Promise.all(cookies.map((cookie) => connectSocket(server, { cookie })));
    cleanups.push(() => {
      for (const s of sockets) s.close();
    });
    await Promise.all(sockets.map((s) => join(s, discussionId)));
    const disconnected = sockets.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));
    const notices = sockets.map((s) => new Promise<unknown>((resolve) => s.once('server:shutdown', resolve)));

    // Another writer holds SQLite's write lock, so every ask waits for it (the server retries on timers).
    const lock = new Database(sqliteFilePath(server.databaseUrl));
    cleanups.push(() => lock.open && lock.close());
    lock.exec('BEGIN IMMEDIATE');
    const lockedAt = Date.now();

    // Two questions from each of three members, in flight at once.
    const sent = sockets.flatMap((s, i) =>
      [1, 2].map((n) => {
        const id = randomUUID();
        return { id, outcome: ask(s, { discussionId, id, body: `In flight ${i}.${n} when the server was told to stop`, anonymous: n === 2 }) };
      }),
    );
    // Events on one socket are dispatched in order: once a later event is answered, every ask sent before it
    // has started on the server and is waiting for the lock.
    for (const s of sockets) expect((await s.emitWithAck('time:sync', {})).ok).toBe(true);
    expect(await db.question.count({ where: { discussionId } })).toBe(0);

    const exited = server.kill('SIGTERM');
    let readiness = 200;
    await until(
      async () => {
        readiness = await rawRequest(`${server.url}/api/ready`).then(
          (r) => r.status,
          () => 0,
        );
        return readiness !== 200;
      },
      5000,
      'the server to take SIGTERM in',
    );

    // While draining, with those questions still waiting: a new event and a new connection (checked below).
    const lateId = randomUUID();
    const [late, handshake, client] = await Promise.all([
      sockets[0].connected
        ? ask(sockets[0], { discussionId, id: lateId, body: 'Sent after SIGTERM', anonymous: false }, 3000)
        : ({ lost: 'the server had already closed the socket' } as Outcome),
      rawRequest(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url, cookie: cookies[1] } }).then(
        (r) => ({ status: r.status, body: r.body }),
        (err: Error) => ({ status: 0, body: err.message }),
      ),
      connectSocket(server, { cookie: cookies[1] }).then(
        (s) => {
          s.close();
          return 'connected';
        },
        () => 'refused',
      ),
    ]);

    // The other writer finishes; the waiting questions commit.
    lock.exec('COMMIT');
    lock.close();
    const heldMs = Date.now() - lockedAt;

    const outcomes = await Promise.all(sent.map(async (q) => ({ id: q.id, outcome: await q.outcome })));
    const code = await exited;
    const check = openDb(server); // the server has closed its client; read the file afresh
    cleanups.push(() => check.$disconnect());
    const stored = new Set((await check.question.findMany({ where: { discussionId }, select: { id: true } })).map((q) => q.id));
    const report = outcomes.map(
      ({ id, outcome }) => `${id.slice(0, 8)} stored=${stored.has(id)} ${'ack' in outcome ? `ack ok=${outcome.ack.ok}` : `no ack (${outcome.lost})`}`,
    );
    console.log(`[F25] lock held ${heldMs} ms; ${report.join('; ')}; late event: ${JSON.stringify(late)}; exit ${code}`);

    for (const { id, outcome } of outcomes) {
      const acked = 'ack' in outcome && outcome.ack.ok && outcome.ack.data.id === id;
      // The invariant: stored and acked, or neither.
      expect({ id, stored: stored.has(id), acked }).toEqual({ id, stored: acked, acked });
      // These were in flight before SIGTERM and the lock was released well within the busy timeout, so
      // shutdown had to let every one of them finish and answer.
      expect(outcome).toEqual({ ack: { ok: true, data: expect.objectContaining({ id }) } });
    }
    expect(stored.size).toBe(sent.length);
    // The port stayed open while they finished (readiness answered 503), but nothing new was taken: the late
    // event got a clear, retryable refusal and wrote nothing; the handshake was refused.
    expect(readiness).toBe(503);
    expect(late).toMatchObject({ ack: { ok: false, error: { code: 'unavailable', message: expect.stringMatching(/restarting/i) } } });
    expect(stored.has(lateId)).toBe(false);
    expect(handshake).toEqual({ status: 403, body: expect.stringContaining('shutting_down') });
    expect(client).toBe('refused');
    // Only after the answers: the notice, then the close.
    for (const n of notices) await n;
    for (const d of disconnected) expect(await d).toBe('io server disconnect');
    expect(code).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });
});
