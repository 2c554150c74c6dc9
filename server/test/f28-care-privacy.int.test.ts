// F28: a care-lane question and a private reply never reach an audience socket in any payload: asked, edited,
// replied, moderation broadcasts, tallies, the join state (also its question count) and questions:page. Read on the
// raw frames an audience member's socket receives (and its acks), after a barrier: a visible question asked last,
// so every earlier frame has arrived. (Staff backchannel messages: server/test/backchannel*.int.test.ts.)
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, join, recordFrames, until } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

const ask = async (s: TestSocket, discussionId: string, body: string, anonymous = false) => {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

describeDialects('F28 care lane and private replies never reach the audience', ({ make }) => {
  rs.use(make);

  it('F28: no care text, care id, private reply or original body in any audience frame, join state or page', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'POST' });
    const [asker, reporter, audience, sam] = await Promise.all([
      rs.connect(await createMember(rs.db)),
      rs.connect(await createMember(rs.db)),
      rs.connect(await createMember(rs.db)),
      rs.connect('sam@example.org'),
    ]);
    const frames = recordFrames(audience);
    for (const s of [asker, reporter, audience, sam]) await join(s, discussionId);
    const secrets: string[] = [];
    const careIds: string[] = [];

    // 1. Asked straight into the care lane, anonymously and not, with a private reply and a vote attempt.
    const a = await ask(asker, discussionId, 'I keep thinking about suicide since the retreat', true);
    careIds.push(a.id);
    secrets.push('thinking about suicide');
    await sam.emitWithAck('question:claim', { questionId: a.id });
    const replyA = `Care reply ${randomUUID()}`;
    secrets.push(replyA);
    expect(await sam.emitWithAck('question:reply', { questionId: a.id, body: replyA })).toMatchObject({ ok: true });
    await audience.emitWithAck('question:vote', { questionId: a.id });
    await sam.emitWithAck('care:keep-private', { questionId: a.id });

    // 2. A visible question edited into the care lane (it had a vote: the tally must not follow it).
    const b = await ask(asker, discussionId, 'How long does integration take?');
    await audience.emitWithAck('question:vote', { questionId: b.id });
    expect(await asker.emitWithAck('question:edit', { questionId: b.id, body: 'Honestly I want to end my life' })).toMatchObject({ ok: true });
    secrets.push('end my life');

    // 3. Reported "at risk", then published as a safer version: the original words and the private reply stay out.
    const c = await ask(asker, discussionId, 'My own words that are very raw tonight');
    expect(await reporter.emitWithAck('question:report', { questionId: c.id, category: 'at_risk' })).toMatchObject({ ok: true });
    const replyC = `Care reply ${randomUUID()}`;
    secrets.push(replyC);
    await sam.emitWithAck('question:reply', { questionId: c.id, body: replyC });
    const safer = `A safer version ${randomUUID()}`;
    // Only after the asker's own "yes" (review finding 3).
    expect(await asker.emitWithAck('care:choose', { questionId: c.id, choice: 'share_safer' })).toMatchObject({ ok: true });
    expect(await sam.emitWithAck('care:publish', { questionId: c.id, body: safer })).toMatchObject({ ok: true });

    // 4. A private reply on an ordinary visible question.
    const d = await ask(asker, discussionId, 'Is journaling useful?');
    const replyD = `Private reply ${randomUUID()}`;
    secrets.push(replyD);
    expect(await sam.emitWithAck('question:reply', { questionId: d.id, body: replyD, private: true })).toMatchObject({ ok: true });

    // Barrier: a last visible question; then the audience's join state and a page.
    const seen = collect<QuestionView>(audience, 'question:asked');
    const marker = await ask(sam, discussionId, `Marker ${randomUUID()}`);
    await until(() => seen.some((q) => q.id === marker.id), 3000, 'the marker reaches the audience');
    const state = await join(audience, discussionId);
    const page = await audience.emitWithAck('questions:page', { discussionId, offset: 0 });
    expect(page.ok).toBe(true);

    const wire = [...frames, JSON.stringify(state), JSON.stringify(page)].join('\n');
    expect(wire).toContain(safer); // the published version is the room's
    for (const s of secrets) expect(wire).not.toContain(s);
    for (const id of careIds) expect(wire).not.toContain(id);
    // What the room saw before it left (b, c's first words) is gone from what it reads now.
    const now = JSON.stringify([state, page]);
    expect(now).not.toContain(b.id);
    expect(now).not.toContain('very raw tonight');
    expect(wire).not.toContain('"CARE"');
    expect(wire).not.toContain('"care"');
    expect(wire).not.toContain('"private":true');
    // The count the audience reads: visible questions only (c published, d, the marker; b left the room).
    const visible = await rs.db.question.count({ where: { discussionId, status: 'VISIBLE' } });
    expect(visible).toBe(3);
    expect(state.questionCount).toBe(visible);
  });
});
