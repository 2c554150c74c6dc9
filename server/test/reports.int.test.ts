// Member reports over real sockets (issue 10 item 2): a member reports someone else's visible question once, with a
// category; after 3 distinct reporters (the default) it is hidden pending review, as the system's action,
// exactly once even when the reports land at the same moment; "someone may be at risk" sends it to the care lane at
// once; staff see counts per category and the newest 5 notes, never who reported; when it is reviewed (restore,
// merge → kept; reject → removed; care item closed → cared for, told only to "at risk" reporters: F28) or withdrawn
// by its author, each reporter is told privately. A report of a question that already left the room is refused.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { ModerationEvent, QuestionReviewedEvent } from '@/lib/moderation/views';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A live post-mode discussion: an asker, three reporters and one more member, Sam facilitating; all joined. */
async function room() {
  const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'POST' });
  const emails = await Promise.all([0, 1, 2, 3, 4].map(() => createMember(rs.db)));
  const [asker, r1, r2, r3, other] = await Promise.all(emails.map((e) => rs.connect(e)));
  const sam = await rs.staff('sam@example.org');
  for (const s of [asker, r1, r2, r3, other, sam]) await join(s, discussionId);
  return { discussionId, asker, reporters: [r1, r2, r3] as const, reporterEmails: emails.slice(1, 4), other, sam };
}

const ask = async (s: TestSocket, discussionId: string, body: string) => {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous: false });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

describeDialects('member reports', ({ make }) => {
  rs.use(make);

  it('three distinct reporters hide a question pending review; staff see counts and notes, never who; a restore tells each reporter "kept"', async () => {
    const { discussionId, asker, reporters, reporterEmails, other, sam } = await room();
    const samFrames = recordFrames(sam);
    const audienceFrames = recordFrames(other);
    const q = await ask(asker, discussionId, 'Buy my retreat package, link in bio');
    const samEdited = collect<QuestionView>(sam, 'question:edited');

    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toEqual({ ok: true, data: { hidden: false } });
    expect(await reporters[1].emitWithAck('question:report', { questionId: q.id, category: 'off_topic', note: 'Selling things' })).toEqual({
      ok: true,
      data: { hidden: false },
    });
    await until(() => samEdited.some((x) => x.id === q.id && x.reports?.total === 2), 3000, 'staff see the counts');
    expect(samEdited.filter((x) => x.id === q.id).at(-1)?.reports).toEqual({
      total: 2,
      spam: 1,
      off_topic: 1,
      notes: [{ category: 'off_topic', text: 'Selling things' }],
    });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('VISIBLE');

    const hidden = collect<{ id: string }>(other, 'question:hidden');
    const feed = collect<ModerationEvent>(sam, 'moderation:action');
    const reviewed = collect<QuestionReviewedEvent>(asker, 'question:reviewed');
    expect(await reporters[2].emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toEqual({ ok: true, data: { hidden: true } });
    await until(() => hidden.some((h) => h.id === q.id) && feed.length > 0 && reviewed.length > 0, 3000, 'hidden for the room');
    expect(feed[0]).toMatchObject({ item: { action: 'auto_hidden', actorId: null }, question: { id: q.id, status: 'HIDDEN', reports: { total: 3, spam: 2 } } });
    expect(reviewed[0]).toMatchObject({ action: 'hidden', question: { id: q.id, status: 'HIDDEN' } });
    expect(await rs.db.auditEntry.findMany({ where: { targetId: q.id }, select: { action: true, actorId: true } })).toEqual([
      { action: 'question.auto_hidden', actorId: null },
    ]);
    expect((await join(other, discussionId)).questions.map((x) => x.id)).not.toContain(q.id);
    // Reports are anonymous to staff too: the note reaches them, no reporter id does; the audience gets neither.
    const reporterIds = await Promise.all(reporterEmails.map((e) => userId(rs.db, e)));
    const staffWire = samFrames.filter((f) => !f.includes('"presence:changed"')).join('\n');
    for (const id of reporterIds) expect(staffWire).not.toContain(id);
    expect(staffWire).toContain('Selling things');
    const audienceWire = audienceFrames.join('\n');
    expect(audienceWire).toContain(q.id);
    expect(audienceWire).not.toContain('Selling things');
    expect(audienceWire).not.toContain('"reports"');
    for (const id of reporterIds) expect(audienceWire).not.toContain(id);

    const outcomes = reporters.map((r) => collect<{ questionId: string; outcome: string; message: string }>(r, 'report:outcome'));
    expect(await sam.emitWithAck('question:restore', { questionId: q.id })).toMatchObject({ ok: true, data: { status: 'VISIBLE', reports: null } });
    await until(() => outcomes.every((o) => o.length === 1), 3000, 'every reporter is told');
    for (const o of outcomes) expect(o[0]).toMatchObject({ questionId: q.id, outcome: 'kept' });
    expect(outcomes[0][0].message).not.toContain('Buy my retreat');
    for (const id of reporterIds) {
      expect(await rs.db.notification.findMany({ where: { userId: id, type: 'report_outcome' }, select: { body: true } })).toHaveLength(1);
    }
    expect(await rs.db.report.count({ where: { questionId: q.id, resolvedAt: null } })).toBe(0);
    expect(await rs.db.report.count({ where: { questionId: q.id, outcome: 'kept' } })).toBe(3);
  });

  it('a reject after the reports tells each reporter "removed"; the author reads the reason', async () => {
    const { discussionId, asker, reporters, sam } = await room();
    const q = await ask(asker, discussionId, 'Here is the home address of our last speaker');
    for (const r of reporters) await r.emitWithAck('question:report', { questionId: q.id, category: 'private_information' });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('HIDDEN');
    const told = collect<{ outcome: string }>(reporters[0], 'report:outcome');
    expect(await sam.emitWithAck('question:reject', { questionId: q.id, reason: 'It shares someone’s private details.' })).toMatchObject({
      ok: true,
      data: { status: 'REJECTED' },
    });
    await until(() => told.length === 1, 3000, 'the reporter is told');
    expect(told[0]).toMatchObject({ outcome: 'removed' });
  });

  it('"someone may be at risk" sends the question to the care lane at once', async () => {
    const { discussionId, asker, reporters, other, sam } = await room();
    const q = await ask(asker, discussionId, 'Nothing feels worth it since the ceremony');
    const hidden = collect<{ id: string }>(other, 'question:hidden');
    const reviewed = collect<QuestionReviewedEvent>(asker, 'question:reviewed');
    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'at_risk', note: 'They sound very low' })).toEqual({
      ok: true,
      data: { hidden: true },
    });
    await until(() => hidden.some((h) => h.id === q.id) && reviewed.length === 1, 3000, 'out of the room; the asker sees the support');
    expect(reviewed[0]).toMatchObject({ action: 'care', question: { status: 'CARE' } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ source: 'report', outcome: null });
    expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({
      status: 'CARE',
      care: { source: 'report' },
      reports: { total: 1, at_risk: 1, notes: [{ category: 'at_risk', text: 'They sound very low' }] },
    });
    // Closing the care item tells the reporter it is being looked after.
    const told = collect<{ outcome: string }>(reporters[0], 'report:outcome');
    expect(await sam.emitWithAck('care:keep-private', { questionId: q.id })).toMatchObject({ ok: true });
    await until(() => told.length === 1, 3000, 'the reporter is told');
    expect(told[0]).toMatchObject({ outcome: 'cared_for' });
  });

  it('F28: only an "at risk" reporter hears "cared for"; a spam reporter of a question that went to the care lane hears an ordinary removal, in no frame or notification a word of care', async () => {
    const { discussionId, asker, reporters, sam } = await room();
    const [spammer, worried, late] = reporters;
    // Words that would tell the spam reporter someone wrote about distress (or that the care lane has it).
    const CARE_WORDS = /cared|care lane|privately|looking after|looking out|at risk|risk|distress|support|safe|end my life/i;

    // 1. Reported as spam, then "someone may be at risk" by another member: the care lane.
    const a = await ask(asker, discussionId, 'Anyone else feel empty after the retreat?');
    expect(await spammer.emitWithAck('question:report', { questionId: a.id, category: 'spam' })).toMatchObject({ ok: true, data: { hidden: false } });
    const frames = recordFrames(spammer);
    expect(await worried.emitWithAck('question:report', { questionId: a.id, category: 'at_risk' })).toMatchObject({ ok: true, data: { hidden: true } });
    // 2. Reported as spam while visible, then edited by its author into words of distress: the care lane, no "at risk" report.
    const b = await ask(asker, discussionId, 'Where can I buy the retreat recordings?');
    expect(await spammer.emitWithAck('question:report', { questionId: b.id, category: 'spam' })).toMatchObject({ ok: true });
    const distress = 'Honestly I just want to end my life after what happened';
    expect(await asker.emitWithAck('question:edit', { questionId: b.id, body: distress })).toMatchObject({ ok: true, data: { status: 'CARE' } });
    // Out of the room: a report of it now is refused, nothing written.
    expect(await late.emitWithAck('question:report', { questionId: b.id, category: 'off_topic' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await rs.db.report.count({ where: { questionId: b.id } })).toBe(1);

    const spammerTold = collect<{ questionId: string; outcome: string; message: string }>(spammer, 'report:outcome');
    const worriedTold = collect<{ questionId: string; outcome: string; message: string }>(worried, 'report:outcome');
    const notices = collect<unknown>(spammer, 'notification:created');
    for (const q of [a, b]) expect(await sam.emitWithAck('care:keep-private', { questionId: q.id })).toMatchObject({ ok: true });
    await until(() => spammerTold.length === 2 && worriedTold.length === 1 && notices.length === 2, 3000, 'every reporter is told');

    expect(worriedTold[0]).toMatchObject({ questionId: a.id, outcome: 'cared_for' });
    expect(spammerTold.map((t) => [t.questionId, t.outcome]).sort()).toEqual(
      [
        [a.id, 'removed'],
        [b.id, 'removed'],
      ].sort(),
    );
    // The raw frames the spam reporter received since the care lane took the first question: the outcomes and
    // notifications are there, and nothing in them (or anything else) speaks of care or carries the words.
    const wire = frames.join('\n');
    expect(wire).toContain('"report:outcome"');
    expect(wire).toContain('"notification:created"');
    expect(wire).not.toMatch(CARE_WORDS);
    expect(wire).not.toContain(distress);
    const spammerUser = await rs.db.report.findFirstOrThrow({ where: { questionId: b.id }, select: { reporterId: true } });
    const stored = await rs.db.notification.findMany({
      where: { userId: spammerUser.reporterId, type: 'report_outcome' },
      select: { title: true, body: true },
    });
    expect(stored).toHaveLength(2);
    for (const n of stored) expect(`${n.title} ${n.body}`).not.toMatch(CARE_WORDS);
    expect(await rs.db.report.findMany({ where: { reporterId: spammerUser.reporterId }, select: { outcome: true } })).toEqual([
      { outcome: 'removed' },
      { outcome: 'removed' },
    ]);
  });

  it('three reporters at the same moment hide the question exactly once (the threshold is never missed)', async () => {
    const { discussionId, asker, reporters, other, sam } = await room();
    const q = await ask(asker, discussionId, 'Sign up for my course, discount code FIRE');
    const hidden = collect<{ id: string }>(other, 'question:hidden');
    const feed = collect<ModerationEvent>(sam, 'moderation:action');
    const acks = await Promise.all(reporters.map((r) => r.emitWithAck('question:report', { questionId: q.id, category: 'spam' })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks.filter((a) => a.ok && a.data.hidden)).toHaveLength(1);
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('HIDDEN');
    expect(await rs.db.report.count({ where: { questionId: q.id, resolvedAt: null } })).toBe(3);
    expect(await rs.db.auditEntry.findMany({ where: { targetId: q.id }, select: { action: true, actorId: true } })).toEqual([
      { action: 'question.auto_hidden', actorId: null },
    ]);
    await until(() => hidden.some((h) => h.id === q.id) && feed.some((f) => f.item.action === 'auto_hidden'), 3000, 'hidden for the room');
    // A round trip on each socket after the broadcasts: anything sent twice would have arrived by now.
    await join(other, discussionId);
    await join(sam, discussionId);
    expect(hidden.filter((h) => h.id === q.id)).toHaveLength(1);
    expect(feed.filter((f) => f.item.action === 'auto_hidden' && f.question?.id === q.id)).toHaveLength(1);
  });

  it('a merge tells the reporters "kept", a withdrawal "withdrawn"; a report after a hide is refused, nothing written', async () => {
    const { discussionId, asker, reporters, other, sam } = await room();
    const [r1, r2, r3] = reporters;
    const original = await ask(other, discussionId, 'How do you integrate a hard ceremony?');
    const dup = await ask(asker, discussionId, 'How to integrate a difficult ceremony?');
    const gone = await ask(asker, discussionId, 'Is the next circle on Sunday or Monday?');
    expect(await r1.emitWithAck('question:report', { questionId: dup.id, category: 'off_topic' })).toMatchObject({ ok: true });
    expect(await r2.emitWithAck('question:report', { questionId: gone.id, category: 'off_topic' })).toMatchObject({ ok: true });
    const r1Told = collect<{ questionId: string; outcome: string; message: string }>(r1, 'report:outcome');
    const r2Told = collect<{ questionId: string; outcome: string; message: string }>(r2, 'report:outcome');

    expect(await sam.emitWithAck('question:merge', { questionId: dup.id, intoId: original.id })).toMatchObject({ ok: true, data: { status: 'MERGED' } });
    expect(await asker.emitWithAck('question:withdraw', { questionId: gone.id })).toEqual({ ok: true, data: null });
    await until(() => r1Told.length === 1 && r2Told.length === 1, 3000, 'the reporters are told');
    expect(r1Told[0]).toMatchObject({ questionId: dup.id, outcome: 'kept', message: expect.stringContaining('kept it in the room') });
    expect(r2Told[0]).toMatchObject({ questionId: gone.id, outcome: 'withdrawn', message: expect.stringContaining('withdrew it') });
    expect(await rs.db.report.findMany({ where: { questionId: { in: [dup.id, gone.id] } }, select: { outcome: true, resolvedAt: true } })).toEqual(
      expect.arrayContaining([
        { outcome: 'kept', resolvedAt: expect.any(Date) },
        { outcome: 'withdrawn', resolvedAt: expect.any(Date) },
      ]),
    );

    // A facilitator hid it: a report arriving afterwards is refused with a clear error, and nothing is written.
    const hiddenQ = await ask(asker, discussionId, 'Tell us about your favourite retreat centre');
    expect(await sam.emitWithAck('question:hide', { questionId: hiddenQ.id })).toMatchObject({ ok: true, data: { status: 'HIDDEN' } });
    expect(await r3.emitWithAck('question:report', { questionId: hiddenQ.id, category: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('no longer in the room') },
    });
    expect(await rs.db.report.count({ where: { questionId: hiddenQ.id } })).toBe(0);
  });

  it('bad reports: own question, twice, by staff, a question not in the room, an unknown category → clear errors, nothing written', async () => {
    const { discussionId, asker, reporters, sam } = await room();
    const q = await ask(asker, discussionId, 'What helps with sleep after a ceremony?');
    expect(await asker.emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'validation_error', message: expect.stringContaining('your own question') },
    });
    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toMatchObject({ ok: true });
    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'off_topic' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already reported') },
    });
    expect(await sam.emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reporters[1].emitWithAck('question:report', { questionId: randomUUID(), category: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await reporters[1].emitWithAck('question:report', { questionId: q.id, category: 'boring' } as never)).toMatchObject({
      ok: false,
      error: { code: 'validation_error' },
    });
    expect(await rs.db.report.findMany({ where: { questionId: q.id }, select: { category: true } })).toEqual([{ category: 'spam' }]);
  });
});
