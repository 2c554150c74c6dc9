// The care lane over real sockets (issue 10 item 1, item 4): a question in words of distress goes to the care lane
// in post AND pre mode (status CARE, a care item), the room never hears of it, the asker keeps it with the support
// message, facilitators see it at once (with a pseudonym for an anonymous asker), claim it, reply privately (also to
// anonymous askers, without revealing them), publish a safer version (only after the asker's own "yes", review
// finding 3) or keep it private; each care action is audited without the question's text, and the audit log never
// shows the words of a question that went to the care lane (finding 12). A resubmission into the care lane alerts
// the staff as an ask does (finding 9); a withdrawn care question closes its item (finding 11); the author cannot
// warn their own care question (finding 15). The care phrases used are the shipped defaults the issue names ("kill
// myself", "självmord"), written here, not imported.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { QuestionView, ReplyView } from '@/lib/live/views';
import type { ModerationEvent, QuestionReviewedEvent } from '@/lib/moderation/views';
import { listAllAuditEntries, listAuditEntries, listDiscussionAuditEntries } from '../audit/queries';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A live discussion (Sam and Jordan facilitate), a fresh asker and a fresh audience member, everyone joined. */
async function room(moderationMode: 'PRE' | 'POST' = 'POST') {
  const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode, facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
  const askerEmail = await createMember(rs.db);
  const [asker, audience, sam, jordan] = await Promise.all([
    rs.connect(askerEmail),
    rs.connect(await createMember(rs.db)),
    rs.staff('sam@example.org'),
    rs.staff('jordan@example.org'),
  ]);
  const audienceFrames = recordFrames(audience);
  for (const s of [asker, audience, sam, jordan]) await join(s, discussionId);
  return { discussionId, asker, askerEmail, audience, audienceFrames, sam, jordan };
}

const ask = async (s: TestSocket, discussionId: string, body: string, anonymous = false) => {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

/** A visible question asked by staff after the fact: once the audience has it, every earlier frame has arrived too. */
async function barrier(staffSocket: TestSocket, audience: TestSocket, discussionId: string) {
  const seen = collect<QuestionView>(audience, 'question:asked');
  const marker = await ask(staffSocket, discussionId, `Marker ${randomUUID()}`);
  await until(() => seen.some((q) => q.id === marker.id), 3000, 'the marker reaches the audience');
}

const CARE_TEXT = 'Since the retreat I keep thinking I want to kill myself';

/** The asker's own answer on their care question. */
const choose = async (s: TestSocket, questionId: string, choice: 'share_safer' | 'keep_private') => {
  const res = await s.emitWithAck('care:choose', { questionId, choice });
  if (!res.ok) throw new Error(`choose failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

describeDialects('care lane', ({ make }) => {
  rs.use(make);

  it('post mode: a care-list question goes to the care lane: the asker keeps it, staff get the alert, the room hears nothing', async () => {
    const { discussionId, asker, audience, audienceFrames, sam, jordan } = await room('POST');
    const before = (await join(audience, discussionId)).questionCount;
    const samAsked = collect<QuestionView>(sam, 'question:asked');
    const jordanFeed = collect<ModerationEvent>(jordan, 'moderation:action');

    const q = await ask(asker, discussionId, CARE_TEXT);
    expect(q).toMatchObject({ status: 'CARE', body: CARE_TEXT, heldFor: [] });
    await until(() => samAsked.some((x) => x.id === q.id) && jordanFeed.some((e) => e.question?.id === q.id), 3000, 'the alert reaches the staff');
    expect(samAsked.find((x) => x.id === q.id)).toMatchObject({ status: 'CARE', care: { source: 'care_terms', outcome: null, closedAt: null } });
    expect(jordanFeed.find((e) => e.question?.id === q.id)?.item).toMatchObject({ action: 'care_opened', actorId: null, questionId: q.id });

    const item = await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } });
    expect(item).toMatchObject({ discussionId, source: 'care_terms', outcome: null, closedAt: null });
    const audit = await rs.db.auditEntry.findMany({ where: { targetId: q.id }, select: { action: true, actorId: true, detail: true, reason: true } });
    // The system's action (nobody named), without the question's words.
    expect(audit).toMatchObject([{ action: 'care.opened', actorId: null, reason: null }]);
    expect(audit[0].detail ?? '').not.toContain('kill');

    await barrier(sam, audience, discussionId);
    expect(audienceFrames.join('\n')).not.toContain(q.id);
    expect(audienceFrames.join('\n')).not.toContain('kill myself');
    const seenByAudience = await join(audience, discussionId);
    expect(seenByAudience.questions.map((x) => x.id)).not.toContain(q.id);
    // The count the audience reads grew by the marker only: the care question is not counted for them.
    expect(seenByAudience.questionCount).toBe(before + 1);
    expect((await join(asker, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'CARE', body: CARE_TEXT });
    expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'CARE', care: { source: 'care_terms' } });
    // Nobody votes on it, and the moderation queue's actions do not apply to it.
    expect(await audience.emitWithAck('question:vote', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.emitWithAck('question:approve', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('CARE');
  });

  it('pre mode: the care lane comes before any other hold (never "Awaiting review"), also in Swedish, misspelt', async () => {
    const { discussionId, asker } = await room('PRE');
    expect(await ask(asker, discussionId, 'Jag har tankar på sjalvmord efter ceremonin')).toMatchObject({ status: 'CARE', heldFor: [] });
    expect(await ask(asker, discussionId, 'i want to kil myself')).toMatchObject({ status: 'CARE' });
    expect(await ask(asker, discussionId, 'What skills help with integration?')).toMatchObject({ status: 'PENDING', heldFor: ['pre_moderation'] });
  });

  it('an edit into words of distress takes a visible question out of the room and into the care lane', async () => {
    const { discussionId, asker, audience, audienceFrames, sam } = await room('POST');
    const q = await ask(asker, discussionId, 'How do I sleep after a hard session?');
    const hidden = collect<{ id: string }>(audience, 'question:hidden');
    const edited = await asker.emitWithAck('question:edit', { questionId: q.id, body: 'Honestly I just want to end my life' });
    expect(edited).toMatchObject({ ok: true, data: { status: 'CARE' } });
    await until(() => hidden.some((h) => h.id === q.id), 3000, 'the audience loses it');
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ source: 'care_terms' });
    await barrier(sam, audience, discussionId);
    expect(audienceFrames.join('\n')).not.toContain('end my life');
    // The asker cannot edit it again while the facilitators hold it.
    expect(await asker.emitWithAck('question:edit', { questionId: q.id, body: 'never mind' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('claim, private reply (anonymous asker stays anonymous), then publish a safer version: the room gets only that', async () => {
    const { discussionId, asker, askerEmail, audience, audienceFrames, sam, jordan } = await room('POST');
    const samFrames = recordFrames(sam);
    const q = await ask(asker, discussionId, 'I feel suicidal since my ayahuasca retreat. Does that pass?', true);
    const askerId = await userId(rs.db, askerEmail);

    const claimed = await sam.emitWithAck('question:claim', { questionId: q.id });
    expect(claimed).toMatchObject({ ok: true, data: { claim: { byName: 'Sam Lindqvist' } } });
    expect(await jordan.emitWithAck('question:claim', { questionId: q.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Sam Lindqvist is on it.' },
    });

    const toAsker = collect<{ questionId: string; reply: ReplyView }>(asker, 'question:replied');
    const reply = 'Thank you for telling us. You are not alone, and we are here with you.';
    // No `private` flag: a care question's replies are private anyway.
    const sent = await sam.emitWithAck('question:reply', { questionId: q.id, body: reply });
    expect(sent).toMatchObject({ ok: true, data: { private: true, body: reply } });
    await until(() => toAsker.length === 1, 3000, 'the asker reads the reply');
    expect(toAsker[0]).toMatchObject({ questionId: q.id, reply: { body: reply, private: true, authorName: 'Sam Lindqvist' } });
    expect(await rs.db.reply.findFirstOrThrow({ where: { questionId: q.id } })).toMatchObject({ private: true });
    const note = await rs.db.notification.findFirstOrThrow({ where: { userId: askerId, type: 'private_reply' } });
    expect(note.body).not.toContain('suicidal');
    const replied = await rs.db.auditEntry.findFirstOrThrow({ where: { targetId: q.id, action: 'question.replied_privately' } });
    expect(`${replied.detail ?? ''}${replied.reason ?? ''}`).not.toContain(reply);
    // The staff never see who asked: a pseudonym, no user id (the attendee list names who is present, not who asked).
    expect(samFrames.filter((f) => !f.includes('"presence:changed"')).join('\n')).not.toContain(askerId);
    expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({
      author: null,
      pseudonym: expect.stringMatching(/^Anonymous /),
    });

    // A member cannot act on the care lane.
    expect(await audience.emitWithAck('care:publish', { questionId: q.id, body: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await choose(asker, q.id, 'share_safer');
    const reviewed = collect<QuestionReviewedEvent>(asker, 'question:reviewed');
    const approved = collect<QuestionView>(audience, 'question:approved');
    const safer = 'Do difficult feelings after an ayahuasca retreat pass, and what helps?';
    const published = await jordan.emitWithAck('care:publish', { questionId: q.id, body: safer, version: q.version });
    expect(published).toMatchObject({ ok: true, data: { status: 'VISIBLE', body: safer, care: { outcome: 'published', originalBody: q.body } } });
    await until(() => approved.some((x) => x.id === q.id) && reviewed.length === 1, 3000, 'the room gets the safer version; the asker is told');
    expect(approved.find((x) => x.id === q.id)).toMatchObject({ body: safer, replies: [], author: null });
    expect(reviewed[0]).toMatchObject({ action: 'care_published', question: { id: q.id, status: 'VISIBLE', body: safer, redacted: true } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ outcome: 'published', originalBody: q.body });
    expect(await rs.db.auditEntry.count({ where: { targetId: q.id, action: 'care.published' } })).toBe(1);

    await barrier(sam, audience, discussionId);
    const wire = audienceFrames.join('\n');
    expect(wire).toContain(safer);
    expect(wire).not.toContain('suicidal');
    expect(wire).not.toContain(reply);
    expect((await join(audience, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ body: safer, replies: [] });
    // The asker still reads the private reply on their own question.
    expect((await join(asker, discussionId)).questions.find((x) => x.id === q.id)?.replies).toMatchObject([{ body: reply, private: true }]);
    const entries = await rs.db.auditEntry.findMany({ where: { targetId: q.id }, select: { detail: true, reason: true } });
    for (const e of entries) expect(`${e.detail ?? ''} ${e.reason ?? ''}`).not.toMatch(/suicidal|ayahuasca/);
  });

  it('publishing in pre mode sends the safer version to the queue; keep private closes the item once', async () => {
    const { discussionId, asker, sam } = await room('PRE');
    const a = await ask(asker, discussionId, 'Sometimes I want to die after integration circles');
    await choose(asker, a.id, 'share_safer');
    expect(await sam.emitWithAck('care:publish', { questionId: a.id, body: 'How do I cope with very low days after integration circles?' })).toMatchObject({
      ok: true,
      data: { status: 'PENDING', heldFor: ['pre_moderation'] },
    });
    const b = await ask(asker, discussionId, 'Some nights I want to kill myself');
    expect(await sam.emitWithAck('care:keep-private', { questionId: b.id })).toMatchObject({
      ok: true,
      data: { status: 'CARE', care: { outcome: 'kept_private' } },
    });
    expect((await rs.db.careItem.findUniqueOrThrow({ where: { questionId: b.id } })).closedAt).not.toBeNull();
    expect(await sam.emitWithAck('care:keep-private', { questionId: b.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rs.db.auditEntry.count({ where: { targetId: b.id, action: 'care.kept_private' } })).toBe(1);
    // Bad input: a clear error, nothing written.
    expect(await sam.emitWithAck('care:publish', { questionId: b.id, body: '' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('CARE');
  });

  it('a private reply to a visible question reaches the asker and the staff only', async () => {
    const { discussionId, asker, audience, audienceFrames, sam, jordan } = await room('POST');
    const q = await ask(asker, discussionId, 'Can I bring my journal to the next circle?');
    const toJordan = collect<{ questionId: string; reply: ReplyView }>(jordan, 'question:replied');
    const toAsker = collect<{ questionId: string; reply: ReplyView }>(asker, 'question:replied');
    const body = 'Yes, and we can talk after the circle if you like.';
    expect(await sam.emitWithAck('question:reply', { questionId: q.id, body, private: true })).toMatchObject({ ok: true, data: { private: true } });
    await until(() => toJordan.length === 1 && toAsker.length === 1, 3000, 'staff and the asker get it');
    await barrier(sam, audience, discussionId);
    expect(audienceFrames.join('\n')).not.toContain(body);
    expect((await join(audience, discussionId)).questions.find((x) => x.id === q.id)?.replies).toEqual([]);
    // A member cannot reply at all, privately or not.
    expect(await audience.emitWithAck('question:reply', { questionId: q.id, body: 'hi', private: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
  it('F28 consent: only the asker answers; the answer reaches the staff and the asker only; no "yes", no publishing', async () => {
    const { discussionId, asker, askerEmail, audience, audienceFrames, sam, jordan } = await room('POST');
    const samFrames = recordFrames(sam);
    const askerFrames = recordFrames(asker);
    const q = await ask(asker, discussionId, 'I keep thinking about suicide since the ceremony', true);
    expect(q).toMatchObject({ status: 'CARE', careChoice: null });
    const askerId = await userId(rs.db, askerEmail);
    const safer = 'How do people cope with very dark thoughts after a ceremony?';

    // Not said yet: publishing is refused with a clear message, nothing written.
    const refused = await sam.emitWithAck('care:publish', { questionId: q.id, body: safer, version: q.version });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('has not said yes') } });
    expect(await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: 'CARE', body: q.body });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ outcome: null, closedAt: null, originalBody: null });
    expect(await rs.db.auditEntry.count({ where: { targetId: q.id, action: 'care.published' } })).toBe(0);

    // Nobody but the asker can answer for them: staff and other members learn nothing (not found), nothing written.
    for (const other of [sam, audience]) {
      expect(await other.emitWithAck('care:choose', { questionId: q.id, choice: 'share_safer' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // Bad input: a clear error, nothing written.
    expect(await asker.emitWithAck('care:choose', { questionId: q.id, choice: 'publish_now' } as never)).toMatchObject({
      ok: false,
      error: { code: 'validation_error' },
    });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ askerChoice: null, askerChoiceAt: null });

    // "Keep it between us": the staff see it live in the care lane; publishing is still refused.
    const jordanEdits = collect<QuestionView>(jordan, 'question:edited');
    expect(await choose(asker, q.id, 'keep_private')).toMatchObject({ id: q.id, status: 'CARE', careChoice: 'keep_private' });
    await until(() => jordanEdits.some((x) => x.id === q.id && x.care?.askerChoice === 'keep_private'), 3000, 'the staff see the answer');
    expect(jordanEdits.find((x) => x.id === q.id)).toMatchObject({ author: null, pseudonym: expect.stringMatching(/^Anonymous /) });
    expect(await sam.emitWithAck('care:publish', { questionId: q.id, body: safer })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // "Yes": the staff's view says so (also after a reload), and the facilitator may publish.
    const askerEdits = collect<QuestionView>(asker, 'question:edited');
    await choose(asker, q.id, 'share_safer');
    await until(() => jordanEdits.some((x) => x.id === q.id && x.care?.askerChoice === 'share_safer'), 3000, 'the staff see the yes');
    await until(() => askerEdits.some((x) => x.id === q.id && x.careChoice === 'share_safer'), 3000, "the asker's tabs see it");
    // The asker's own view carries their answer only, never the staff's care details (e.g. how it came to the lane).
    expect(askerEdits.find((x) => x.id === q.id)?.care).toBeUndefined();
    const item = await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } });
    expect(item).toMatchObject({ askerChoice: 'share_safer', closedAt: null });
    expect(item.askerChoiceAt).toBeInstanceOf(Date);
    expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)?.care).toMatchObject({ askerChoice: 'share_safer' });
    expect((await join(asker, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ careChoice: 'share_safer' });

    // The raw frames: the audience never heard of the question nor its answer; the staff never the asker's id.
    await barrier(sam, audience, discussionId);
    const wire = audienceFrames.join('\n');
    expect(wire).not.toContain(q.id);
    expect(wire).not.toContain('share_safer');
    expect(wire).not.toContain('keep_private');
    expect(samFrames.join('\n')).toContain('share_safer');
    // (The attendee list in join answers and presence names who is present, not who asked.)
    expect(samFrames.filter((f) => !f.includes('"presence:changed"') && !f.includes('"attendees"')).join('\n')).not.toContain(askerId);
    expect(askerFrames.join('\n')).toContain('share_safer');

    const published = await sam.emitWithAck('care:publish', { questionId: q.id, body: safer });
    expect(published).toMatchObject({ ok: true, data: { status: 'VISIBLE', body: safer, care: { outcome: 'published', askerChoice: 'share_safer' } } });
    // Closed: the answer can no longer change, and publishing again is refused (the asker's words are never lost).
    expect(await asker.emitWithAck('care:choose', { questionId: q.id, choice: 'keep_private' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await jordan.emitWithAck('care:publish', { questionId: q.id, body: 'Something else entirely?' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ originalBody: q.body, askerChoice: 'share_safer' });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).body).toBe(safer);
  });

  it('finding 11: a care item kept private cannot be published; a withdrawn care question closes its item', async () => {
    const { discussionId, asker, sam } = await room('POST');
    const kept = await ask(asker, discussionId, 'I think about ending my life a lot');
    await choose(asker, kept.id, 'share_safer');
    const keptView = await sam.emitWithAck('care:keep-private', { questionId: kept.id });
    expect(keptView).toMatchObject({ ok: true, data: { care: { outcome: 'kept_private' } } });
    // Kept private: publishing is refused even though the asker had said yes; the asker's answer is no longer asked.
    const late = await sam.emitWithAck('care:publish', { questionId: kept.id, body: 'A safer version?' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already closed') } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: kept.id } })).toMatchObject({ outcome: 'kept_private', originalBody: null });
    expect(await asker.emitWithAck('care:choose', { questionId: kept.id, choice: 'keep_private' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await join(asker, discussionId)).questions.find((x) => x.id === kept.id)?.careChoice).toBeUndefined();

    const gone = await ask(asker, discussionId, 'Sometimes I want to kill myself');
    expect(await asker.emitWithAck('question:withdraw', { questionId: gone.id })).toMatchObject({ ok: true });
    const item = await rs.db.careItem.findUniqueOrThrow({ where: { questionId: gone.id } });
    expect(item).toMatchObject({ outcome: 'withdrawn' });
    expect(item.closedAt).toBeInstanceOf(Date);
    expect(await sam.emitWithAck('care:publish', { questionId: gone.id, body: 'x?' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("finding 9: a resubmission into the care lane alerts the staff as an ask does; a staff member's is never routed", async () => {
    const { discussionId, asker, audience, audienceFrames, sam, jordan } = await room('PRE');
    const q = await ask(asker, discussionId, 'Can we talk about the guide who hurt me?');
    expect(await sam.emitWithAck('question:reject', { questionId: q.id, reason: 'Please leave out names.' })).toMatchObject({ ok: true });
    const feed = collect<ModerationEvent>(jordan, 'moderation:action');
    const again = await asker.emitWithAck('question:resubmit', { questionId: q.id, body: 'Honestly since then I want to kill myself' });
    expect(again).toMatchObject({ ok: true, data: { status: 'CARE', careChoice: null } });
    await until(() => feed.some((e) => e.item.action === 'care_opened' && e.item.questionId === q.id), 3000, 'the care alert reaches the staff');
    expect(feed.find((e) => e.item.action === 'care_opened')).toMatchObject({ item: { actorId: null }, question: { id: q.id, status: 'CARE' } });
    expect(await rs.db.careItem.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({ source: 'care_terms', closedAt: null });
    await barrier(jordan, audience, discussionId);
    expect(audienceFrames.join('\n')).not.toContain('kill myself');

    // Staff questions are not routed into the care lane, on resubmission either.
    const own = await ask(jordan, discussionId, 'A question from the facilitator about the guide');
    expect(await sam.emitWithAck('question:reject', { questionId: own.id, reason: 'Not now.' })).toMatchObject({ ok: true });
    expect(
      await jordan.emitWithAck('question:resubmit', { questionId: own.id, body: 'People say they want to kill myself, how do we respond?' }),
    ).toMatchObject({
      ok: true,
      data: { status: 'PENDING' },
    });
    expect(await rs.db.careItem.count({ where: { questionId: own.id } })).toBe(0);
  });

  it('finding 15: the author cannot warn their own care question, and is told why kindly; nothing written', async () => {
    const { discussionId, asker } = await room('POST');
    const q = await ask(asker, discussionId, CARE_TEXT);
    const res = await asker.emitWithAck('question:warn', { questionId: q.id, contentWarning: 'Suicide', version: q.version });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Only you and the facilitators can see this question') },
    });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).contentWarning).toBeNull();
    expect(await rs.db.auditEntry.count({ where: { targetId: q.id, action: 'question.content_warning_set' } })).toBe(0);
  });

  it('finding 12: the log never shows the words of a question that went to the care lane (views and CSV)', async () => {
    const { discussionId, asker, audience, sam } = await room('POST');
    const words = `My guide Harriet ${randomUUID().slice(0, 6)} pushed me too far`;
    const q = await ask(asker, discussionId, words);
    const redacted = await sam.emitWithAck('question:redact', { questionId: q.id, body: 'My guide pushed me too far', note: 'We took out a name.' });
    expect(redacted).toMatchObject({ ok: true });
    // Before it is a care item the entry shows what the facilitator changed (the log's purpose).
    const before = await rs.server.as('admin@example.org', (admin) => listAuditEntries(admin, { discussionId }));
    expect(before.ok && before.data.entries.find((e) => e.action === 'question.redacted')?.detail).toContain(words);
    expect(await audience.emitWithAck('question:report', { questionId: q.id, category: 'at_risk' })).toMatchObject({ ok: true });
    expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('CARE');

    const views = [
      await rs.server.as('admin@example.org', (admin) => listAuditEntries(admin, { discussionId })),
      await rs.server.as('admin@example.org', (admin) => listAllAuditEntries(admin, { discussionId })),
      await rs.server.as('rowan@example.org', async (host) => (await listDiscussionAuditEntries(host, discussionId)).log),
    ];
    for (const v of views) {
      if (!v.ok) throw new Error(v.error.message);
      const entries = Array.isArray(v.data) ? v.data : v.data.entries;
      const red = entries.find((e) => e.action === 'question.redacted');
      expect(red).toMatchObject({ target: { name: 'a care item' }, detail: expect.stringContaining('care item') });
      const text = JSON.stringify(entries);
      expect(text).not.toContain('Harriet');
      expect(text).not.toContain('pushed me too far');
      // The care lane's own entry still says how it came there (no words of the asker's).
      expect(entries.find((e) => e.action === 'care.opened')?.detail).toMatch(/report/i);
    }
  });
});
