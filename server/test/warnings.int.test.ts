// Content warnings after the fact over real sockets (issue 10 item 3): the author and the facilitators set or clear
// a question's warning, another member may not (F09); the tag must be one the discussion offers (the warnings
// members choose from when asking, or the discussion's own); a stale version answers `conflict` (F26); every
// applied change has one audit entry; the room hears the change in the view each reader may see (a question
// waiting for review: the moderators and its author only; an anonymous one: never its author, F27).
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import { setShowWarnedContent } from '../users/commands';
import { showsWarnedContent } from '../users/queries';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A live discussion whose own warnings are "grief loss" and "dissociation"; Sam facilitates; an author and another member. */
async function room(moderationMode: 'PRE' | 'POST' = 'POST') {
  const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode, facilitatorEmails: ['sam@example.org'] });
  await rs.db.discussion.update({ where: { id: discussionId }, data: { contentWarnings: 'grief loss,dissociation' } });
  const authorEmail = await createMember(rs.db, `Author ${randomUUID().slice(0, 6)}`);
  const [author, other, sam] = await Promise.all([rs.connect(authorEmail), rs.connect(await createMember(rs.db)), rs.staff('sam@example.org')]);
  for (const s of [author, other, sam]) await join(s, discussionId);
  return { discussionId, author, authorEmail, other, sam };
}

async function ask(s: TestSocket, discussionId: string, body: string, anonymous = false): Promise<QuestionView> {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

const warn = (s: TestSocket, questionId: string, contentWarning: string | null, version?: number) =>
  s.emitWithAck('question:warn', { questionId, contentWarning, ...(version === undefined ? {} : { version }) });

const auditOf = (questionId: string) =>
  rs.db.auditEntry.findMany({
    where: { targetId: questionId },
    orderBy: { at: 'asc' },
    select: { action: true, actorId: true, discussionId: true, targetType: true },
  });

const stored = (id: string) => rs.db.question.findUniqueOrThrow({ where: { id }, select: { contentWarning: true, version: true } });

describeDialects('content warnings', ({ make }) => {
  rs.use(make);

  it('the author sets a warning and a facilitator clears it: the room hears each change, one audit entry each', async () => {
    const { discussionId, author, authorEmail, other, sam } = await room();
    const q = await ask(author, discussionId, 'When the memories come back at night, what helps?');
    const audienceHeard = collect<QuestionView>(other, 'question:edited');
    const staffHeard = collect<QuestionView>(sam, 'question:edited');

    const set = await warn(author, q.id, 'trauma', q.version);
    expect(set).toMatchObject({ ok: true, data: { id: q.id, contentWarning: 'trauma', version: q.version + 1 } });
    await until(() => audienceHeard.length === 1 && staffHeard.length === 1, 5000, 'the change in the room');
    expect(audienceHeard[0]).toMatchObject({ id: q.id, contentWarning: 'trauma', body: q.body });
    expect(staffHeard[0]).toMatchObject({ id: q.id, contentWarning: 'trauma', author: { id: await userId(rs.db, authorEmail) } });
    // The others' join state has it too.
    expect((await join(other, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ contentWarning: 'trauma' });

    const cleared = await warn(sam, q.id, null);
    expect(cleared).toMatchObject({ ok: true, data: { contentWarning: null, version: q.version + 2 } });
    await until(() => audienceHeard.length === 2, 5000, 'the clearing in the room');
    expect(audienceHeard[1]).toMatchObject({ id: q.id, contentWarning: null });
    expect(await stored(q.id)).toEqual({ contentWarning: null, version: q.version + 2 });

    // The discussion's own warnings are offered too.
    expect(await warn(sam, q.id, 'Grief, Loss')).toMatchObject({ ok: true, data: { contentWarning: 'grief loss' } });
    expect(await auditOf(q.id)).toEqual([
      { action: 'question.content_warning_set', actorId: await userId(rs.db, authorEmail), discussionId, targetType: 'question' },
      { action: 'question.content_warning_set', actorId: await userId(rs.db, 'sam@example.org'), discussionId, targetType: 'question' },
      { action: 'question.content_warning_set', actorId: await userId(rs.db, 'sam@example.org'), discussionId, targetType: 'question' },
    ]);
    // Setting what is already there changes nothing and records nothing.
    expect(await warn(sam, q.id, 'grief loss')).toMatchObject({ ok: true, data: { contentWarning: 'grief loss', version: q.version + 3 } });
    expect(await auditOf(q.id)).toHaveLength(3);
  });

  it('F09 another member may not: forbidden, nothing written', async () => {
    const { discussionId, author, other } = await room();
    const q = await ask(author, discussionId, 'A question someone else wants to label');
    expect(await warn(other, q.id, 'trauma')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stored(q.id)).toEqual({ contentWarning: null, version: q.version });
    expect(await auditOf(q.id)).toEqual([]);
  });

  it('a tag the discussion does not offer is refused with the list; nothing written', async () => {
    const { discussionId, author, sam } = await room();
    const q = await ask(author, discussionId, 'Spiders after a ceremony?');
    for (const [s, tag] of [
      [sam, 'spiders'],
      [author, 'spiders'],
      [sam, 'x'.repeat(31)],
    ] as const) {
      const res = await warn(s, q.id, tag);
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    const res = await warn(sam, q.id, 'spiders');
    expect(!res.ok && res.error.message).toContain('grief loss');
    expect(await stored(q.id)).toEqual({ contentWarning: null, version: q.version });
    expect(await auditOf(q.id)).toEqual([]);
  });

  it('F26 a stale version answers conflict with the current state; nothing written', async () => {
    const { discussionId, author, sam } = await room();
    const q = await ask(author, discussionId, 'Two people label it at once');
    expect(await warn(sam, q.id, 'medical', q.version)).toMatchObject({ ok: true });
    const stale = await warn(author, q.id, 'trauma', q.version);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { id: q.id, contentWarning: 'medical', version: q.version + 1 } } });
    expect(await stored(q.id)).toEqual({ contentWarning: 'medical', version: q.version + 1 });
    expect(await auditOf(q.id)).toHaveLength(1);
  });

  it('a question waiting for review: the moderators and its author hear the change, the audience nothing', async () => {
    const { discussionId, author, other, sam } = await room('PRE');
    const otherFrames = recordFrames(other);
    const q = await ask(author, discussionId, 'Held: is it normal to feel numb for weeks?');
    expect(q.status).toBe('PENDING');
    const authorHeard = collect<QuestionView>(author, 'question:edited');
    const staffHeard = collect<QuestionView>(sam, 'question:edited');
    expect(await warn(sam, q.id, 'dissociation')).toMatchObject({ ok: true, data: { status: 'PENDING', contentWarning: 'dissociation' } });
    await until(() => authorHeard.length === 1 && staffHeard.length === 1, 5000, 'the change at the author and the moderators');
    expect(authorHeard[0]).toMatchObject({ id: q.id, status: 'PENDING', contentWarning: 'dissociation', heldFor: ['pre_moderation'] });
    // After the approval reaches the audience, anything sent before it has too.
    const approved = collect<QuestionView>(other, 'question:approved');
    expect(await sam.emitWithAck('question:approve', { questionId: q.id })).toMatchObject({ ok: true });
    await until(() => approved.length === 1, 5000, 'the approval in the room');
    expect(approved[0]).toMatchObject({ id: q.id, contentWarning: 'dissociation' });
    expect(otherFrames.filter((f) => f.includes(q.id)).every((f) => f.includes('question:approved'))).toBe(true);
  });

  it('the profile setting "Always show content behind warnings" is saved for that person only; bad input writes nothing', async () => {
    const email = await createMember(rs.db);
    const id = await userId(rs.db, email);
    const otherId = await userId(rs.db, await createMember(rs.db));
    expect(await showsWarnedContent({ id })).toBe(false);
    expect(await rs.server.as(email, (me) => setShowWarnedContent(me, { showWarnedContent: true }))).toEqual({ ok: true, data: { showWarnedContent: true } });
    expect(await showsWarnedContent({ id })).toBe(true);
    expect(await showsWarnedContent({ id: otherId })).toBe(false);
    for (const bad of [{ showWarnedContent: 'yes' }, { showWarnedContent: false, userId: otherId }, {}]) {
      expect(await rs.server.as(email, (me) => setShowWarnedContent(me, bad))).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    expect(await showsWarnedContent({ id })).toBe(true);
    expect(await rs.server.as(email, (me) => setShowWarnedContent(me, { showWarnedContent: false }))).toMatchObject({ ok: true });
    expect(await showsWarnedContent({ id })).toBe(false);
  });

  it('F27 an anonymous author sets a warning: no frame to the room or the staff names them', async () => {
    const { discussionId, author, authorEmail, other, sam } = await room();
    const q = await ask(author, discussionId, 'Anonymous: the grief after a journey', true);
    const frames = [other, sam].map(recordFrames);
    const heard = [other, sam].map((s) => collect<QuestionView>(s, 'question:edited'));
    expect(await warn(author, q.id, 'grief')).toMatchObject({ ok: true, data: { contentWarning: 'grief', author: null } });
    await until(() => heard.every((h) => h.length === 1), 5000, 'the change in the room');
    const who = await rs.db.user.findUniqueOrThrow({ where: { email: authorEmail }, select: { id: true, displayName: true } });
    // Every frame about the question (staff also get the attendee list, which names who is present, not who asked).
    for (const f of frames) {
      const wire = f.filter((x) => x.includes(q.id)).join('\n');
      expect(wire).toContain('question:edited');
      expect(wire).not.toContain(who.id);
      expect(wire).not.toContain(who.displayName);
    }
  });
});
