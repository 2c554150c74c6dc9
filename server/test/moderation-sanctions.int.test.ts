// Sanctions from the console over real sockets (issue 9 item 4): mute by person or by question (an anonymous
// asker, by pseudonym), refused with `muted` and the time left until the mute ends by the SERVER clock, then
// accepted (F12, the clock moved instead of a sleep); unmute; removal (every socket leaves the discussion's rooms
// at once, no rejoin, no asking); staff cannot be sanctioned; the community ban from the console (admins only)
// drops every socket and refuses the reconnect (F11). Each sanction writes one audit entry.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { ModerationEvent, SanctionNotice } from '@/lib/moderation/views';
import { advanceClock } from '../clock';
import type { Db } from '../db/client';
import type { TestSocket } from './harness';
import { type InProcessServer, startInProcess } from './in-process-server';
import { collect, createDiscussion, createMember, join, setNewMemberHolds, socketFor, until, userId } from './live-fixtures';
import { describeDialects } from './temp-databases';

let server: InProcessServer;
let db: Db;
const open: TestSocket[] = [];

async function connect(email: string) {
  const s = await socketFor(server, email);
  open.push(s);
  return s;
}

async function room() {
  const discussionId = await createDiscussion(db, { status: 'LIVE', facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
  const memberEmail = await createMember(db);
  const [member, other, sam, jordan] = await Promise.all([
    connect(memberEmail),
    connect(await createMember(db)),
    connect('sam@example.org'),
    connect('jordan@example.org'),
  ]);
  for (const s of [member, other, sam, jordan]) await join(s, discussionId);
  return { discussionId, member, memberEmail, memberId: await userId(db, memberEmail), other, sam, jordan };
}

const askRaw = (s: TestSocket, discussionId: string, body: string, anonymous = false) =>
  s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });

// Both databases (PostgreSQL when TEST_POSTGRES_URL is set).
describeDialects('sanctions', ({ make }) => {
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const d = await make();
    drop = d.drop;
    server = await startInProcess({ databaseUrl: d.url });
    db = server.db;
    await setNewMemberHolds(db, 0);
  });
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await server?.stop();
    await drop();
  });

  it('F12 a mute through an anonymous question: refused with the time left until it ends by the server clock, then accepted', async () => {
    const { discussionId, member, memberId, sam, jordan } = await room();
    const asked = await askRaw(member, discussionId, 'Anonymous, and a bit heated', true);
    if (!asked.ok) throw new Error(asked.error.message);
    const q = asked.data;
    const notices = collect<SanctionNotice>(member, 'participant:sanctioned');
    const feed = collect<ModerationEvent>(jordan, 'moderation:action');
    const reason = 'Let’s take a short pause; you are welcome back in a few minutes.';
    const muted = await sam.emitWithAck('participant:mute', { discussionId, target: { questionId: q.id }, minutes: 5, reason });
    expect(muted).toMatchObject({
      ok: true,
      data: { kind: 'mute', reason, byName: 'Sam Lindqvist', target: { pseudonym: expect.stringMatching(/^Anonymous /), questionId: q.id } },
    });
    const until5 = muted.ok ? muted.data.until : null;
    expect(until5 && Date.parse(until5) - Date.now()).toBeGreaterThan(4 * 60_000);
    await until(() => notices.length === 1 && feed.length === 1, 3000, 'the person and the staff are told');
    expect(notices[0]).toEqual({ discussionId, kind: 'mute', until: until5, reason });
    expect(feed[0]).toMatchObject({ item: { action: 'muted', actorName: 'Sam Lindqvist', reason, target: { questionId: q.id } }, sanction: { kind: 'mute' } });
    expect(JSON.stringify(feed[0])).not.toContain(memberId);
    const pseudonym = (await db.pseudonym.findFirstOrThrow({ where: { discussionId, userId: memberId } })).name;
    expect(
      await db.auditEntry.findMany({ where: { discussionId }, select: { action: true, targetType: true, targetId: true, reason: true, detail: true } }),
    ).toEqual([{ action: 'participant.muted', targetType: 'question', targetId: q.id, reason, detail: `5 minutes · ${pseudonym}` }]);

    // Refused while muted: asking, editing (voting is still fine).
    const before = await db.question.count({ where: { discussionId } });
    const refused = await askRaw(member, discussionId, 'Can I ask now?');
    expect(refused).toMatchObject({ ok: false, error: { code: 'muted', until: until5, message: expect.stringMatching(/5 more minutes/) } });
    expect(await member.emitWithAck('question:edit', { questionId: q.id, body: 'Edited while muted' })).toMatchObject({ ok: false, error: { code: 'muted' } });
    expect(await db.question.count({ where: { discussionId } })).toBe(before);
    advanceClock(4 * 60_000);
    expect(await askRaw(member, discussionId, 'Still muted?')).toMatchObject({
      ok: false,
      error: { code: 'muted', message: expect.stringMatching(/about a minute/) },
    });
    // The mute ends by the server's clock: accepted again.
    advanceClock(60_000 + 1000);
    expect(await askRaw(member, discussionId, 'Thank you for waiting with me')).toMatchObject({ ok: true });
  });

  it('a mute until the end, by person; unmute lifts it; staff cannot be muted or removed', async () => {
    const { discussionId, member, memberId, sam } = await room();
    const muted = await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: null, reason: 'Until the end, please.' });
    expect(muted).toMatchObject({ ok: true, data: { until: null, target: { userId: memberId } } });
    expect(await askRaw(member, discussionId, 'Hello?')).toMatchObject({ ok: false, error: { code: 'muted', until: null } });
    const notices = collect<SanctionNotice>(member, 'participant:sanctioned');
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toEqual({ ok: true, data: null });
    await until(() => notices.some((n) => n.kind === 'unmute'), 3000, 'the person hears the mute is lifted');
    expect(await askRaw(member, discussionId, 'Back again')).toMatchObject({ ok: true });
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await db.auditEntry.findMany({ where: { discussionId }, orderBy: { at: 'asc' } })).map((a) => a.action)).toEqual([
      'participant.muted',
      'participant.unmuted',
    ]);

    const jordanId = await userId(db, 'jordan@example.org');
    const staffAsked = await askRaw(sam, discussionId, 'A facilitator asks anonymously', true);
    for (const target of [{ userId: jordanId }, { userId: await userId(db, 'admin@example.org') }, { questionId: staffAsked.ok ? staffAsked.data.id : '' }]) {
      expect(await sam.emitWithAck('participant:mute', { discussionId, target, minutes: 5, reason: 'no' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await sam.emitWithAck('participant:remove', { discussionId, target, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await db.sanction.count({ where: { discussionId, userId: { not: memberId } } })).toBe(0);
  });

  it('remove: every socket of the person leaves the discussion at once; no rejoin, no asking; told kindly', async () => {
    const { discussionId, member, memberEmail, memberId, other, sam } = await room();
    const secondTab = await connect(memberEmail);
    await join(secondTab, discussionId);
    const notices = collect<SanctionNotice>(secondTab, 'participant:sanctioned');
    const reason = 'We asked you twice to stop sharing others’ details.';
    const removed = await sam.emitWithAck('participant:remove', { discussionId, target: { userId: memberId }, reason });
    expect(removed).toMatchObject({ ok: true, data: { kind: 'remove', until: null, reason } });
    await until(() => notices.length === 1, 3000, 'the person is told');
    expect(notices[0]).toEqual({ discussionId, kind: 'remove', until: null, reason });
    // Out of the room on both tabs: a question asked right after reaches neither.
    const seen = [collect<QuestionView>(member, 'question:asked'), collect<QuestionView>(secondTab, 'question:asked')];
    const samSaw = collect<QuestionView>(sam, 'question:asked');
    expect((await askRaw(other, discussionId, 'Right after the removal')).ok).toBe(true);
    await until(() => samSaw.length === 1, 3000, 'the question reaches the room');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((s) => s.length)).toEqual([0, 0]);
    expect(member.connected && secondTab.connected).toBe(true); // still connected: other discussions, notifications
    expect(await member.emitWithAck('discussion:join', { discussionId, acceptAgreement: true })).toMatchObject({ ok: false, error: { code: 'removed' } });
    expect(await askRaw(member, discussionId, 'Let me back in')).toMatchObject({ ok: false, error: { code: 'removed' } });
    expect(await member.emitWithAck('questions:page', { discussionId, offset: 0 })).toMatchObject({ ok: false, error: { code: 'removed' } });
    expect((await db.auditEntry.findMany({ where: { discussionId } })).map((a) => [a.action, a.targetType, a.targetId, a.reason])).toEqual([
      ['participant.removed', 'user', memberId, reason],
    ]);
    // Other discussions are not affected.
    const elsewhere = await createDiscussion(db, { status: 'LIVE' });
    expect((await member.emitWithAck('discussion:join', { discussionId: elsewhere, acceptAgreement: true })).ok).toBe(true);
  });

  it('F11 a community ban from the console (admins only): every socket drops, the reconnect is refused', async () => {
    const { discussionId, member, memberEmail, memberId, sam } = await room();
    const asked = await askRaw(member, discussionId, 'An anonymous question before the ban', true);
    if (!asked.ok) throw new Error(asked.error.message);
    // Facilitators cannot ban.
    expect(await sam.emitWithAck('participant:ban', { discussionId, target: { questionId: asked.data.id }, reason: 'Repeated harassment' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const admin = await connect('admin@example.org');
    expect((await join(admin, discussionId)).role).toBe('admin');
    const secondTab = await connect(memberEmail);
    const dropped = [member, secondTab].map((s) => new Promise<void>((resolve) => s.once('disconnect', () => resolve())));
    const banned = await admin.emitWithAck('participant:ban', { discussionId, target: { questionId: asked.data.id }, reason: 'Repeated harassment' });
    expect(banned).toEqual({ ok: true, data: null });
    await Promise.race([Promise.all(dropped), new Promise((_, reject) => setTimeout(() => reject(new Error('sockets still connected after 2 s')), 2000))]);
    const refused = new Promise<Error>((resolve) => member.once('connect_error', resolve));
    member.connect();
    expect((await refused).message).toBe('unauthenticated');
    expect((await db.user.findUniqueOrThrow({ where: { id: memberId } })).bannedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: 'user.banned', targetId: memberId } })).toBe(1);
  });
});
