// Sanctions from the console over real sockets (issue 9 item 4): mute by person or by question (an anonymous
// asker, by pseudonym), refused with `muted` and the time left until the mute ends by the SERVER clock, then
// accepted (F12, the clock moved instead of a sleep); unmute; removal (every socket leaves the discussion's rooms
// at once, no rejoin, no asking); staff cannot be sanctioned; the community ban from the console (admins only)
// drops every socket and refuses the reconnect (F11). Each sanction writes one audit entry.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { Attendee, QuestionView } from '@/lib/live/views';
import type { ModerationEvent, SanctionNotice } from '@/lib/moderation/views';
import { advanceClock, resetClock } from '../clock';
import { joinDiscussion } from '../live/commands';
import { removeParticipant } from '../moderation/commands';
import { getModerationState } from '../moderation/queries';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

async function room() {
  const discussionId = await createDiscussion(rs.db, { status: 'LIVE', facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
  const memberEmail = await createMember(rs.db);
  const [member, other, sam, jordan] = await Promise.all([
    rs.connect(memberEmail),
    rs.connect(await createMember(rs.db)),
    rs.connect('sam@example.org'),
    rs.connect('jordan@example.org'),
  ]);
  for (const s of [member, other, sam, jordan]) await join(s, discussionId);
  return { discussionId, member, memberEmail, memberId: await userId(rs.db, memberEmail), other, sam, jordan };
}

const askRaw = (s: TestSocket, discussionId: string, body: string, anonymous = false) =>
  s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });

// Both databases (PostgreSQL when TEST_POSTGRES_URL is set).
describeDialects('sanctions', ({ make }) => {
  rs.use(make);
  afterEach(() => resetClock());

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
    // The feed names its staff actor by id too (the console hides my own lines by id), live and when loaded.
    const samId = await userId(rs.db, 'sam@example.org');
    expect(feed[0].item.actorId).toBe(samId);
    const loadedFeed = await jordan.emitWithAck('moderation:state', { discussionId });
    expect(loadedFeed.ok && loadedFeed.data.feed[0]).toMatchObject({ action: 'muted', actorId: samId, actorName: 'Sam Lindqvist' });
    expect(JSON.stringify(feed[0])).not.toContain(memberId);
    const pseudonym = (await rs.db.pseudonym.findFirstOrThrow({ where: { discussionId, userId: memberId } })).name;
    expect(
      await rs.db.auditEntry.findMany({ where: { discussionId }, select: { action: true, targetType: true, targetId: true, reason: true, detail: true } }),
    ).toEqual([{ action: 'participant.muted', targetType: 'question', targetId: q.id, reason, detail: `5 minutes · ${pseudonym}` }]);

    // Refused while muted: asking, editing (voting is still fine).
    const before = await rs.db.question.count({ where: { discussionId } });
    const refused = await askRaw(member, discussionId, 'Can I ask now?');
    expect(refused).toMatchObject({ ok: false, error: { code: 'muted', until: until5, message: expect.stringMatching(/5 more minutes/) } });
    expect(await member.emitWithAck('question:edit', { questionId: q.id, body: 'Edited while muted' })).toMatchObject({ ok: false, error: { code: 'muted' } });
    expect(await rs.db.question.count({ where: { discussionId } })).toBe(before);
    advanceClock(4 * 60_000);
    // The join state's and time:sync's server time follow the same clock, so the client's countdown agrees.
    expect((await join(member, discussionId)).serverTime - Date.now()).toBeGreaterThan(4 * 60_000 - 5_000);
    const synced = await member.emitWithAck('time:sync', {});
    expect(synced.ok && synced.data.serverTime - Date.now()).toBeGreaterThan(4 * 60_000 - 5_000);
    expect(await askRaw(member, discussionId, 'Still muted?')).toMatchObject({
      ok: false,
      error: { code: 'muted', message: expect.stringMatching(/about a minute/) },
    });
    // The mute ends by the server's clock: accepted again.
    advanceClock(60_000 + 1000);
    expect(await askRaw(member, discussionId, 'Thank you for waiting with me')).toMatchObject({ ok: true });
  });

  it('a muted member who reloads: the join state says muted until when and why (to them alone); it ends by the server clock', async () => {
    const { discussionId, memberEmail, memberId, other, sam } = await room();
    const reason = 'A short pause, please.';
    const muted = await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: 5, reason });
    if (!muted.ok) throw new Error(muted.error.message);
    const until5 = muted.data.until;
    expect(until5).toEqual(expect.any(String));
    // A reload: a new socket of the same person joins.
    const reloaded = await rs.connect(memberEmail);
    expect((await join(reloaded, discussionId)).mySanction).toEqual({ kind: 'mute', until: until5, reason });
    // Nobody else's join state carries it: not another member's, not a facilitator's.
    expect((await join(other, discussionId)).mySanction).toBeNull();
    expect((await join(sam, discussionId)).mySanction).toBeNull();
    // The mute ends by the server clock: the next join state no longer says muted.
    advanceClock(5 * 60_000 + 1000);
    expect((await join(reloaded, discussionId)).mySanction).toBeNull();
    // Until the end of the discussion, then lifted.
    await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: null, reason });
    expect((await join(reloaded, discussionId)).mySanction).toEqual({ kind: 'mute', until: null, reason });
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toEqual({ ok: true, data: null });
    expect((await join(reloaded, discussionId)).mySanction).toBeNull();
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
    expect((await rs.db.auditEntry.findMany({ where: { discussionId }, orderBy: { at: 'asc' } })).map((a) => a.action)).toEqual([
      'participant.muted',
      'participant.unmuted',
    ]);

    const jordanId = await userId(rs.db, 'jordan@example.org');
    const staffAsked = await askRaw(sam, discussionId, 'A facilitator asks anonymously', true);
    for (const target of [
      { userId: jordanId },
      { userId: await userId(rs.db, 'admin@example.org') },
      { questionId: staffAsked.ok ? staffAsked.data.id : '' },
    ]) {
      // A neutral answer: through an anonymous question it must not say the asker is staff.
      expect(await sam.emitWithAck('participant:mute', { discussionId, target, minutes: 5, reason: 'no' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'This person cannot be muted or removed here.' },
      });
      expect(await sam.emitWithAck('participant:remove', { discussionId, target, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await rs.db.sanction.count({ where: { discussionId, userId: { not: memberId } } })).toBe(0);
  });

  it('remove: every socket of the person leaves the discussion at once; none of their events is taken; told kindly', async () => {
    const { discussionId, member, memberEmail, memberId, other, sam } = await room();
    const secondTab = await rs.connect(memberEmail);
    await join(secondTab, discussionId);
    const own = await askRaw(member, discussionId, 'My own question, before');
    const others = await askRaw(other, discussionId, 'Someone else’s question');
    if (!own.ok || !others.ok) throw new Error('ask failed');
    expect((await member.emitWithAck('question:vote', { questionId: others.data.id })).ok).toBe(true);
    const notices = collect<SanctionNotice>(secondTab, 'participant:sanctioned');
    const reason = 'We asked you twice to stop sharing others’ details.';
    const removed = await sam.emitWithAck('participant:remove', { discussionId, target: { userId: memberId }, reason });
    expect(removed).toMatchObject({ ok: true, data: { kind: 'remove', until: null, reason } });
    await until(() => notices.length === 1, 3000, 'the person is told');
    expect(notices[0]).toEqual({ discussionId, kind: 'remove', until: null, reason });
    // Out of the room on both tabs: a question asked right after reaches neither. The marker: a notice to the
    // person themselves, sent after that question through the same bus, arrives on both tabs after it would have.
    const seen = [collect<QuestionView>(member, 'question:asked'), collect<QuestionView>(secondTab, 'question:asked')];
    const samSaw = collect<QuestionView>(sam, 'question:asked');
    expect((await askRaw(other, discussionId, 'Right after the removal')).ok).toBe(true);
    await until(() => samSaw.length === 1, 3000, 'the question reaches the room');
    const markers = [collect<SanctionNotice>(member, 'participant:sanctioned'), collect<SanctionNotice>(secondTab, 'participant:sanctioned')];
    expect((await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: 5, reason: 'Marker' })).ok).toBe(true);
    await until(() => markers.every((m) => m.length === 1), 3000, 'the marker reaches both tabs');
    expect(seen.map((s) => s.length)).toEqual([0, 0]);
    expect(member.connected && secondTab.connected).toBe(true); // still connected: other discussions, notifications
    // None of their events in this discussion is taken.
    const refused = await Promise.all([
      member.emitWithAck('discussion:join', { discussionId, acceptAgreement: true }),
      askRaw(member, discussionId, 'Let me back in'),
      member.emitWithAck('questions:page', { discussionId, offset: 0 }),
      member.emitWithAck('question:vote', { questionId: others.data.id }),
      member.emitWithAck('question:unvote', { questionId: others.data.id }),
      member.emitWithAck('question:edit', { questionId: own.data.id, body: 'Edited after the removal' }),
    ]);
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(refused.length).fill('removed'));
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: own.data.id } })).body).toBe('My own question, before');
    expect(await rs.db.vote.count({ where: { questionId: others.data.id, userId: memberId } })).toBe(1);
    expect(
      (await rs.db.auditEntry.findMany({ where: { discussionId }, orderBy: { at: 'asc' } })).map((a) => [a.action, a.targetType, a.targetId, a.reason]),
    ).toEqual([
      ['participant.removed', 'user', memberId, reason],
      ['participant.muted', 'user', memberId, 'Marker'],
    ]);
    // Other discussions are not affected.
    const elsewhere = await createDiscussion(rs.db, { status: 'LIVE' });
    expect((await member.emitWithAck('discussion:join', { discussionId: elsewhere, acceptAgreement: true })).ok).toBe(true);
  });

  it('F11 a community ban from the console (admins only): every socket drops, the reconnect is refused; logged in this discussion', async () => {
    const { discussionId, member, memberEmail, memberId, sam } = await room();
    const asked = await askRaw(member, discussionId, 'An anonymous question before the ban', true);
    const named = await askRaw(member, discussionId, 'A named question before the ban');
    if (!asked.ok || !named.ok) throw new Error('ask failed');
    // Facilitators cannot ban.
    expect(await sam.emitWithAck('participant:ban', { discussionId, target: { questionId: named.data.id }, reason: 'Repeated harassment' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const admin = await rs.connect('admin@example.org');
    expect((await join(admin, discussionId)).role).toBe('admin');
    // Through an anonymous question: refused, reveal first (a ban names the person); nothing written.
    const throughPseudonym = await admin.emitWithAck('participant:ban', { discussionId, target: { questionId: asked.data.id }, reason: 'Repeated harassment' });
    expect(throughPseudonym).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^A ban names the person.*Reveal who asked first/) },
    });
    expect((await rs.db.user.findUniqueOrThrow({ where: { id: memberId } })).bannedAt).toBeNull();
    expect(await rs.db.auditEntry.count({ where: { action: 'user.banned', targetId: memberId } })).toBe(0);
    const secondTab = await rs.connect(memberEmail);
    const dropped = [member, secondTab].map((s) => new Promise<void>((resolve) => s.once('disconnect', () => resolve())));
    const banned = await admin.emitWithAck('participant:ban', { discussionId, target: { questionId: named.data.id }, reason: 'Repeated harassment' });
    expect(banned).toEqual({ ok: true, data: null });
    await Promise.race([Promise.all(dropped), new Promise((_, reject) => setTimeout(() => reject(new Error('sockets still connected after 2 s')), 2000))]);
    const refused = new Promise<Error>((resolve) => member.once('connect_error', resolve));
    member.connect();
    expect((await refused).message).toBe('unauthenticated');
    expect((await rs.db.user.findUniqueOrThrow({ where: { id: memberId } })).bannedAt).not.toBeNull();
    // One entry, in this discussion's log, and in the console's feed when it loads again.
    expect(await rs.db.auditEntry.findMany({ where: { action: 'user.banned', targetId: memberId }, select: { discussionId: true, reason: true } })).toEqual([
      { discussionId, reason: 'Repeated harassment' },
    ]);
    const state = await rs.server.as('sam@example.org', (a) => getModerationState(a, { discussionId }));
    expect(state.ok && state.data.feed.find((f) => f.action === 'banned')).toMatchObject({ target: { userId: memberId }, reason: 'Repeated harassment' });
  });

  it('a mute through a pseudonym and one by person are separate: acting by user id neither lifts nor reveals the pseudonym’s', async () => {
    const { discussionId, member, memberId, sam } = await room();
    const asked = await askRaw(member, discussionId, 'Anonymous, and heated', true);
    if (!asked.ok) throw new Error(asked.error.message);
    const byQuestion = { questionId: asked.data.id };
    // By user id, with no mute at all: not muted.
    const none = await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await sam.emitWithAck('participant:mute', { discussionId, target: byQuestion, minutes: 60, reason: 'A pause, please.' })).ok).toBe(true);
    // By user id, with the pseudonym's mute in force: the very same answer; the mute stays.
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toEqual(none);
    expect(await askRaw(member, discussionId, 'Still muted?')).toMatchObject({ ok: false, error: { code: 'muted' } });
    // A mute by person does not replace it either (both stand; the longer one counts).
    expect((await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: 5, reason: 'Short.' })).ok).toBe(true);
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toEqual({ ok: true, data: null });
    expect(await askRaw(member, discussionId, 'And now?')).toMatchObject({ ok: false, error: { code: 'muted' } });
    const state = await sam.emitWithAck('moderation:state', { discussionId });
    expect(state.ok && state.data.sanctions.map((x) => x.target)).toEqual([{ pseudonym: expect.stringMatching(/^Anonymous /), questionId: asked.data.id }]);
    // Only through a question with the same pseudonym.
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: byQuestion })).toEqual({ ok: true, data: null });
    expect(await askRaw(member, discussionId, 'Back?')).toMatchObject({ ok: true });
  });

  it('an expired mute is not lifted again: not muted, nothing audited', async () => {
    const { discussionId, memberId, sam } = await room();
    expect((await sam.emitWithAck('participant:mute', { discussionId, target: { userId: memberId }, minutes: 5, reason: 'Five minutes.' })).ok).toBe(true);
    advanceClock(5 * 60_000 + 1000);
    expect(await sam.emitWithAck('participant:unmute', { discussionId, target: { userId: memberId } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await rs.db.auditEntry.findMany({ where: { discussionId } })).map((a) => a.action)).toEqual(['participant.muted']);
  });

  it('a host of another discussion cannot act on this one’s questions or people through them', async () => {
    const { discussionId, member } = await room();
    const asked = await askRaw(member, discussionId, 'In discussion A', true);
    if (!asked.ok) throw new Error(asked.error.message);
    const elsewhere = await createDiscussion(rs.db, { status: 'LIVE', hostEmail: 'maya@example.org', facilitatorEmails: [] });
    const maya = await rs.connect('maya@example.org');
    expect((await join(maya, elsewhere)).role).toBe('host');
    const target = { questionId: asked.data.id };
    const results = await Promise.all([
      maya.emitWithAck('question:approve', { questionId: asked.data.id }),
      maya.emitWithAck('question:hide', { questionId: asked.data.id }),
      maya.emitWithAck('author:reveal', { questionId: asked.data.id, reason: 'Curious' }),
      maya.emitWithAck('moderation:state', { discussionId }),
      maya.emitWithAck('participant:mute', { discussionId: elsewhere, target, minutes: 5, reason: 'no' }),
      maya.emitWithAck('participant:unmute', { discussionId: elsewhere, target }),
      maya.emitWithAck('participant:remove', { discussionId: elsewhere, target, reason: 'no' }),
      maya.emitWithAck('participant:mute', { discussionId, target, minutes: 5, reason: 'no' }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(results.length).fill('forbidden'));
    expect(await rs.db.sanction.count({ where: { discussionId: { in: [discussionId, elsewhere] } } })).toBe(0);
    expect(await rs.db.auditEntry.count({ where: { discussionId: { in: [discussionId, elsewhere] } } })).toBe(0);
  });

  it('a removal through an anonymous question leaves the person on the moderators’ attendee list until they leave on their own (F27)', async () => {
    const { discussionId, member, memberId, sam, jordan } = await room();
    const asked = await askRaw(member, discussionId, 'Anonymous, and unkind', true);
    if (!asked.ok) throw new Error(asked.error.message);
    const frames = recordFrames(jordan);
    const presence = (from: number) =>
      frames
        .slice(from)
        .filter((f) => f.startsWith('2["presence:changed"'))
        .map((f) => (JSON.parse(f.slice(1)) as [string, { attendees?: Attendee[] }])[1].attendees ?? []);
    const feed = collect<ModerationEvent>(jordan, 'moderation:action');
    const cut = frames.length;
    expect((await sam.emitWithAck('participant:remove', { discussionId, target: { questionId: asked.data.id }, reason: 'Please take a break.' })).ok).toBe(
      true,
    );
    await until(() => feed.some((f) => f.item.action === 'removed'), 3000, 'the feed line');
    // The marker: someone joins; the presence announced with them comes after any announced for the removal.
    const newcomerEmail = await createMember(rs.db, 'Newcomer Nadia');
    const newcomer = await rs.connect(newcomerEmail);
    await join(newcomer, discussionId);
    await until(() => presence(cut).some((list) => list.some((a) => a.name === 'Newcomer Nadia')), 3000, 'the newcomer on the list');
    // Every list since the removal still has the removed person: the list does not pair the pseudonym with them.
    expect(presence(cut).length).toBeGreaterThan(0);
    expect(presence(cut).filter((list) => !list.some((a) => a.userId === memberId))).toEqual([]);
    // Once their own socket leaves (they close the tab), they are gone from the list.
    const before = frames.length;
    member.close();
    await until(() => presence(before).some((list) => !list.some((a) => a.userId === memberId)), 3000, 'the person leaves the list');
  });

  it('a removal that commits while a join enters the room: the join is refused and leaves the room again', async () => {
    const { discussionId } = await room();
    const email = await createMember(rs.db);
    const id = await userId(rs.db, email);
    const sam = await rs.server.actorFor('sam@example.org');
    let [entered, left] = [0, 0];
    const res = await rs.server.as(email, (actor) =>
      joinDiscussion(
        actor,
        { discussionId, acceptAgreement: true },
        async () => {
          entered++;
          // The removal lands after the join's own check, while it enters.
          await removeParticipant(sam, { discussionId, target: { userId: id }, reason: 'Removed while joining.' });
        },
        () => {
          left++;
        },
      ),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'removed' } });
    expect([entered, left]).toEqual([1, 1]);
  });
});
