// Scale mode: two nodes on one PostgreSQL database and one Redis, switched on by DATABASE_URL / REDIS_URL alone.
// Broadcasts, presence, bans (F11) and rate limits (F04) hold across nodes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import { seedDemoCommunityIfEmpty } from '@/prisma/seed';
import { hashPassword } from '../auth/password';
import { createDb, type Db } from '../db/client';
import { migrate } from '../db/migrator';
import { connectSocket, DEMO_PASSWORD, signIn, startServer, type TestServer, type TestSocket } from './harness';
import { callAction } from './int-helpers';
import { collect, createDiscussion, discussionEditInput, join, recordFrames, setNewMemberHolds, socketFor, until, userId } from './live-fixtures';
import { createTempPostgres, skipReason, TEST_POSTGRES_URL, TEST_REDIS_URL } from './temp-databases';

// The number: a member may ask 5 questions per 30 s.
const ASK_BUDGET = 5;
const enabled = !!TEST_POSTGRES_URL && !!TEST_REDIS_URL;

describe.skipIf(!enabled)(`scale mode: two nodes, PostgreSQL + Redis${skipReason('TEST_POSTGRES_URL', 'TEST_REDIS_URL')}`, () => {
  let pg: Awaited<ReturnType<typeof createTempPostgres>>;
  let a: TestServer;
  let b: TestServer;
  let db: Db;
  const sockets: TestSocket[] = [];
  const keep = (s: TestSocket) => {
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    pg = await createTempPostgres();
    await migrate(pg.url);
    db = createDb(pg.url);
    await seedDemoCommunityIfEmpty(db, hashPassword);
    // No new-member holds here: a member's question is visible at once (the holds are tested elsewhere).
    await setNewMemberHolds(db, 0);
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `fs-test-${randomUUID().slice(0, 8)}:`,
      AUTH_SECRET: `scale-test-secret-${randomUUID()}`,
    };
    // Both nodes start at once: their migrators race for the advisory lock.
    [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.$disconnect();
    await pg?.drop();
  });

  it('a question asked on node A reaches node B, anonymously for members and by pseudonym for facilitators', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const alex = keep(await socketFor(a, 'alex@example.org'));
    const bea = keep(await socketFor(b, 'bea@example.org'));
    const sam = keep(await socketFor(b, 'sam@example.org'));
    await join(alex, discussionId);
    await join(bea, discussionId);
    await join(sam, discussionId);
    const beaSaw = collect<QuestionView>(bea, 'question:asked');
    const samSaw = collect<QuestionView>(sam, 'question:asked');
    const id = randomUUID();
    expect((await alex.emitWithAck('question:ask', { discussionId, id, body: 'Across the nodes?', anonymous: true })).ok).toBe(true);
    await until(() => beaSaw.length === 1 && samSaw.length === 1, 5000, 'cross-node broadcast');
    expect(beaSaw[0].author).toBeNull();
    // Facilitators see an anonymous asker by pseudonym only (F27).
    expect(samSaw[0].author).toBeNull();
    expect(samSaw[0].pseudonym).toMatch(/^Anonymous /);
    // Presence counts people on both nodes.
    const state = await join(bea, discussionId);
    expect(state.attendeeCount).toBe(3);
  });

  it("F10 a facilitator removed on node A leaves the moderators' room on node B at once: no anonymous author reaches them", async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE', facilitatorEmails: ['sam@example.org'] });
    const sam = keep(await socketFor(b, 'sam@example.org'));
    const samFrames = recordFrames(sam);
    expect((await join(sam, discussionId)).role).toBe('facilitator');
    const member = keep(await socketFor(a, 'eli@example.org'));
    await join(member, discussionId);
    const rightsChanged = new Promise((resolve) => sam.once('discussion:rights-changed', resolve));
    const hostCookie = (await signIn(a, 'rowan@example.org', DEMO_PASSWORD)).cookie;
    const edit = await callAction(
      a,
      `/discussions/${discussionId}/edit`,
      'updateDiscussionAction',
      [await discussionEditInput(db, discussionId, { hostIds: [await userId(db, 'rowan@example.org')], facilitatorIds: [] })],
      { cookie: hostCookie },
    );
    expect(edit.result).toMatchObject({ ok: true });
    await rightsChanged;
    const cut = samFrames.length;
    const seen = collect<QuestionView>(sam, 'question:asked');
    expect(
      (await member.emitWithAck('question:ask', { discussionId, id: randomUUID(), body: 'Anonymous, across nodes, after the removal', anonymous: true })).ok,
    ).toBe(true);
    await until(() => seen.length === 1, 5000, 'the audience view on node B');
    expect(seen[0].author).toBeNull();
    const wire = samFrames.slice(cut).join('\n');
    expect(wire).not.toContain(await userId(db, 'eli@example.org'));
    expect(wire).not.toContain('"attendees"');
  });

  it('F11 a ban issued on node B drops the member’s sockets on both nodes within 2 s and keeps them out', async () => {
    const adminCookie = (await signIn(b, 'admin@example.org', DEMO_PASSWORD)).cookie;
    const memberCookie = (await signIn(a, 'chen@example.org', DEMO_PASSWORD)).cookie;
    const onA = keep(await connectSocket(a, { cookie: memberCookie }));
    const onB = keep(await connectSocket(b, { cookie: memberCookie }));
    const gone = [onA, onB].map((s) => new Promise<number>((resolve) => s.once('disconnect', () => resolve(Date.now()))));
    const suspended = collect(onA, 'account:suspended');
    const t0 = Date.now();
    const res = await callAction(b, '/admin/users', 'banUserAction', [{ userId: await userId(db, 'chen@example.org'), reason: 'Scale-mode test ban' }], {
      cookie: adminCookie,
    });
    expect(res.result?.ok).toBe(true);
    const times = await Promise.all(gone);
    for (const t of times) expect(t - t0).toBeLessThan(2000);
    expect(suspended).toHaveLength(1);
    await expect(connectSocket(a, { cookie: memberCookie })).rejects.toThrow('unauthenticated');
    await expect(connectSocket(b, { cookie: memberCookie })).rejects.toThrow('unauthenticated');
  });

  it('a role given on node B holds on node A at the person’s next event (the identity kept for socket events is forgotten on every node)', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const adminCookie = (await signIn(b, 'admin@example.org', DEMO_PASSWORD)).cookie;
    const onA = keep(await socketFor(a, 'jordan@example.org'));
    // The handshake and this join have just read Jordan, a member, on node A.
    expect((await join(onA, discussionId)).role).toBe('member');
    const changed = collect(onA, 'account:changed');
    const res = await callAction(b, '/admin/users', 'changeRoleAction', [{ userId: await userId(db, 'jordan@example.org'), role: 'ADMIN' }], {
      cookie: adminCookie,
    });
    expect(res.result?.ok).toBe(true);
    // Sent after the forget, through the same adapter: once it is here, node A reads Jordan again at the next event.
    await until(() => changed.length === 1, 5000, 'account:changed on node A');
    expect((await join(onA, discussionId)).role).toBe('admin');
  });

  it('F04 the ask rate limit is shared: asks spread over both nodes write at most the limit', async () => {
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const onA = keep(await socketFor(a, 'dara@example.org'));
    const onB = keep(await socketFor(b, 'dara@example.org'));
    await join(onA, discussionId);
    await join(onB, discussionId);
    const acks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? onA : onB).emitWithAck('question:ask', { discussionId, id: randomUUID(), body: `Flood ${i}`, anonymous: false }),
      ),
    );
    const ok = acks.filter((x) => x.ok).length;
    expect(ok).toBe(ASK_BUDGET);
    expect(acks.filter((x) => !x.ok && x.error.code === 'rate_limited')).toHaveLength(12 - ASK_BUDGET);
    expect(await db.question.count({ where: { discussionId } })).toBe(ASK_BUDGET);
  });
});
