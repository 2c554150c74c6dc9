// Member reports over real sockets (issue 10 item 2): a member reports someone else's visible question once, with a
// category; after 3 distinct reporters (the default) it is hidden pending review, as the system's action;
// "someone may be at risk" sends it to the care lane at once; staff see counts per category, never who reported;
// when a facilitator reviews it (restore → kept, reject → removed) each reporter is told privately.
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

  it('three distinct reporters hide a question pending review; staff see counts only; a restore tells each reporter "kept"', async () => {
    const { discussionId, asker, reporters, reporterEmails, other, sam } = await room();
    const samFrames = recordFrames(sam);
    const q = await ask(asker, discussionId, 'Buy my retreat package, link in bio');
    const samEdited = collect<QuestionView>(sam, 'question:edited');

    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'spam' })).toEqual({ ok: true, data: { hidden: false } });
    expect(await reporters[1].emitWithAck('question:report', { questionId: q.id, category: 'off_topic', note: 'Selling things' })).toEqual({
      ok: true,
      data: { hidden: false },
    });
    await until(() => samEdited.some((x) => x.id === q.id && x.reports?.total === 2), 3000, 'staff see the counts');
    expect(samEdited.filter((x) => x.id === q.id).at(-1)?.reports).toEqual({ total: 2, spam: 1, off_topic: 1 });
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
    // Reports are anonymous to staff too: no reporter id, no note in any frame the facilitator received.
    const reporterIds = await Promise.all(reporterEmails.map((e) => userId(rs.db, e)));
    const staffWire = samFrames.filter((f) => !f.includes('"presence:changed"')).join('\n');
    for (const id of reporterIds) expect(staffWire).not.toContain(id);
    expect(staffWire).not.toContain('Selling things');

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
    expect(await reporters[0].emitWithAck('question:report', { questionId: q.id, category: 'at_risk' })).toEqual({ ok: true, data: { hidden: true } });
    await until(() => hidden.some((h) => h.id === q.id) && reviewed.length === 1, 3000, 'out of the room; the asker sees the support');
    expect(reviewed[0]).toMatchObject({ action: 'care', question: { status: 'CARE' } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ source: 'report', outcome: null });
    expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'CARE', care: { source: 'report' } });
    // Closing the care item tells the reporter it is being looked after.
    const told = collect<{ outcome: string }>(reporters[0], 'report:outcome');
    expect(await sam.emitWithAck('care:keep-private', { questionId: q.id })).toMatchObject({ ok: true });
    await until(() => told.length === 1, 3000, 'the reporter is told');
    expect(told[0]).toMatchObject({ outcome: 'cared_for' });
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
