// The moderation queue over real sockets (issue 9): holds (pre mode, the new-member tier, the word filter),
// every queue action with exactly one audit entry, what the audience, the moderators and the author each hear,
// reject → edit → resubmit once, redaction, merges that count each voter once, "up next" order, claims, the
// answered undo by the server clock; F09 (members), F10 (demoted facilitator), F26 (two facilitators at once).
// Limits come from the issue: new members' first 3 questions held, claims last 2 minutes, "answered" undo 10 s.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { ModerationEvent, QuestionReviewedEvent } from '@/lib/moderation/views';
import { advanceClock, resetClock } from '../clock';
import { updateDiscussion } from '../discussions/commands';
import { blockedTermsChanged } from '../moderation/holds';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, discussionEditInput, join, recordFrames, setNewMemberHolds, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A live discussion with Rowan hosting and Sam and Jordan facilitating, everyone joined (staff unless `watch: false`); a fresh member asks. */
async function room(opts: { moderationMode?: 'PRE' | 'POST'; holds?: number; watch?: boolean } = {}) {
  await setNewMemberHolds(rs.db, opts.holds ?? 0);
  const discussionId = await createDiscussion(rs.db, {
    status: 'LIVE',
    moderationMode: opts.moderationMode ?? 'PRE',
    facilitatorEmails: ['sam@example.org', 'jordan@example.org'],
  });
  const authorEmail = await createMember(rs.db);
  const [author, audience, sam, jordan] = await Promise.all([
    rs.connect(authorEmail),
    rs.connect(await createMember(rs.db)),
    rs.staff('sam@example.org'),
    rs.staff('jordan@example.org'),
  ]);
  // Staff join only when the test watches their broadcasts (their commands need no join; joins have a budget).
  for (const s of opts.watch === false ? [author, audience] : [author, audience, sam, jordan]) await join(s, discussionId);
  return { discussionId, author, authorEmail, audience, sam, jordan };
}

const ask = async (s: TestSocket, discussionId: string, body: string, anonymous = false) => {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

const auditOf = (questionId: string) =>
  rs.db.auditEntry.findMany({
    where: { targetId: questionId },
    select: { action: true, actorId: true, reason: true, detail: true, discussionId: true, targetType: true },
  });

// Both databases (PostgreSQL when TEST_POSTGRES_URL is set): the optimistic checks of F26 rest on each one's locking.
describeDialects('moderation queue', ({ make }) => {
  rs.use(make);
  afterEach(() => resetClock());

  describe('holds', () => {
    it('pre mode: a member question waits ("Awaiting review"), seen by its author and the moderators only, then approved for all', async () => {
      const { discussionId, author, audience, sam, jordan } = await room({ moderationMode: 'PRE' });
      const audienceAsked = collect<QuestionView>(audience, 'question:asked');
      const samAsked = collect<QuestionView>(sam, 'question:asked');
      const q = await ask(author, discussionId, 'What helps after a hard session?');
      expect(q).toMatchObject({ status: 'PENDING', heldFor: ['pre_moderation'] });
      await until(() => samAsked.some((x) => x.id === q.id), 3000, 'the held question reaches the moderators');
      expect(samAsked.find((x) => x.id === q.id)).toMatchObject({ status: 'PENDING', heldFor: ['pre_moderation'], version: 0 });
      expect((await join(audience, discussionId)).questions.map((x) => x.id)).not.toContain(q.id);
      expect((await join(author, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'PENDING', heldFor: ['pre_moderation'] });
      expect(audienceAsked).toHaveLength(0);

      const approved = collect<QuestionView>(audience, 'question:approved');
      const reviewed = collect<QuestionReviewedEvent>(author, 'question:reviewed');
      const feed = collect<ModerationEvent>(jordan, 'moderation:action');
      const ack = await sam.emitWithAck('question:approve', { questionId: q.id, version: 0 });
      expect(ack).toMatchObject({ ok: true, data: { id: q.id, status: 'VISIBLE', version: 1, heldFor: [] } });
      await until(() => approved.length === 1 && reviewed.length === 1 && feed.length === 1, 3000, 'approve broadcasts');
      expect(approved[0]).toMatchObject({ id: q.id, status: 'VISIBLE', heldFor: [] });
      expect(reviewed[0]).toMatchObject({ action: 'approved', question: { id: q.id, status: 'VISIBLE' } });
      expect(feed[0]).toMatchObject({ item: { action: 'approved', actorName: 'Sam Lindqvist', questionId: q.id }, question: { id: q.id, status: 'VISIBLE' } });
      expect(await auditOf(q.id)).toEqual([
        { action: 'question.approved', actorId: await userId(rs.db, 'sam@example.org'), reason: null, detail: null, discussionId, targetType: 'question' },
      ]);
      // Staff questions are never held.
      expect(await ask(sam, discussionId, 'A facilitator’s own question')).toMatchObject({ status: 'VISIBLE', heldFor: [] });
    });

    it('new-member tier: in post mode a member’s first 3 questions that reached the room wait; throwaway ones buy nothing', async () => {
      const { discussionId, author, sam } = await room({ moderationMode: 'POST', holds: 3, watch: false });
      const asked: QuestionView[] = [];
      for (let i = 1; i <= 3; i++) asked.push(await ask(author, discussionId, `Question number ${i} from a newcomer`));
      expect(asked.map((q) => `${q.status}:${q.heldFor.join('+')}`)).toEqual(Array(3).fill('PENDING:new_member'));
      // A rejected (throwaway) question buys nothing: with two approved, the next one still waits.
      expect((await sam.emitWithAck('question:reject', { questionId: asked[2].id, reason: 'Off-topic for tonight' })).ok).toBe(true);
      for (const q of asked.slice(0, 2)) expect((await sam.emitWithAck('question:approve', { questionId: q.id })).ok).toBe(true);
      const fourth = await ask(author, discussionId, 'Two approved, one rejected');
      expect(fourth).toMatchObject({ status: 'PENDING', heldFor: ['new_member'] });
      expect((await sam.emitWithAck('question:approve', { questionId: fourth.id })).ok).toBe(true);
      // Three reached a room: the next is visible at once, and the tier counts the community, not one discussion.
      const other = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'POST' });
      await join(author, other);
      expect(await ask(author, other, 'In another circle now')).toMatchObject({ status: 'VISIBLE', heldFor: [] });
    });

    it('word filter: obscenity’s list and the community’s own terms hold the question (never dropped); an edit that trips it holds it again', async () => {
      const { discussionId, author, audience, sam } = await room({ moderationMode: 'POST' });
      const swear = await ask(author, discussionId, 'Why the fuck does nobody talk about this?');
      expect(swear).toMatchObject({ status: 'PENDING', heldFor: ['word_filter'] });
      expect(await rs.db.question.count({ where: { id: swear.id } })).toBe(1);

      await rs.db.blockedTerm.create({ data: { term: 'ketamine clinic' } });
      blockedTermsChanged();
      expect(await ask(author, discussionId, 'Which Ketamine  Clinic do you recommend?')).toMatchObject({ status: 'PENDING', heldFor: ['word_filter'] });
      // Whole words only: a term inside another word is not a match.
      await rs.db.blockedTerm.create({ data: { term: 'ass' } });
      blockedTermsChanged();
      expect(await ask(author, discussionId, 'An assessment before the retreat?')).toMatchObject({ status: 'VISIBLE' });

      const clean = await ask(author, discussionId, 'A calm question about integration');
      expect(clean.status).toBe('VISIBLE');
      const hidden = collect<{ id: string }>(audience, 'question:hidden');
      const edited = await author.emitWithAck('question:edit', { questionId: clean.id, body: 'A calm question about the ketamine clinic' });
      expect(edited).toMatchObject({ ok: true, data: { status: 'PENDING', heldFor: ['word_filter'] } });
      await until(() => hidden.some((h) => h.id === clean.id), 3000, 'the re-held question leaves the audience');
      expect((await join(sam, discussionId)).questions.find((x) => x.id === clean.id)).toMatchObject({ status: 'PENDING', heldFor: ['word_filter'] });
    });

    it('an edit is reviewed again: an approved question edited in pre mode or in the new-member tier goes back to the queue', async () => {
      for (const opts of [
        { moderationMode: 'PRE' as const, watch: false },
        { moderationMode: 'POST' as const, holds: 3, watch: false },
      ]) {
        const { discussionId, author, audience, sam } = await room(opts);
        const q = await ask(author, discussionId, 'A question that will be approved');
        const approved = await sam.emitWithAck('question:approve', { questionId: q.id });
        expect(approved).toMatchObject({ ok: true, data: { status: 'VISIBLE' } });
        const hidden = collect<{ id: string }>(audience, 'question:hidden');
        const edited = await author.emitWithAck('question:edit', { questionId: q.id, body: 'Something else entirely, unreviewed' });
        const why = opts.moderationMode === 'PRE' ? 'pre_moderation' : 'new_member';
        expect(edited, why).toMatchObject({ ok: true, data: { status: 'PENDING', heldFor: expect.arrayContaining([why]) } });
        await until(() => hidden.some((h) => h.id === q.id), 3000, 'the audience loses the unreviewed text');
        expect((await join(audience, discussionId)).questions.map((x) => x.id)).not.toContain(q.id);
        expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({
          status: 'PENDING',
          body: 'Something else entirely, unreviewed',
        });
      }
    });

    it('a redacted question cannot be edited by its author (the redaction stays)', async () => {
      const { discussionId, author, sam } = await room({ moderationMode: 'POST', watch: false });
      const q = await ask(author, discussionId, 'Call my ex on 555-0199 and ask');
      expect(
        (await sam.emitWithAck('question:redact', { questionId: q.id, body: 'Should I call my ex and ask?', note: 'We removed a phone number.' })).ok,
      ).toBe(true);
      const edit = await author.emitWithAck('question:edit', { questionId: q.id, body: 'Call my ex on 555-0199 and ask' });
      expect(edit).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/facilitator edited this question/) } });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).body).toBe('Should I call my ex and ask?');
    });

    it('an author’s edit never overwrites a moderator’s change made meanwhile (edit against hide)', async () => {
      const { discussionId, sam } = await room({ moderationMode: 'POST', watch: false });
      await rs.db.blockedTerm.create({ data: { term: 'zebracorn' } });
      blockedTermsChanged();
      for (let round = 0; round < 6; round++) {
        // A new author each round (asking has a budget per person).
        const author = await rs.connect(await createMember(rs.db));
        await join(author, discussionId);
        const q = await ask(author, discussionId, `Round ${round}, a calm question`);
        // The edit trips the word filter (back to the queue); the hide takes it out of the room. Both at once.
        const [edit, hide] = await Promise.all([
          author.emitWithAck('question:edit', { questionId: q.id, body: `Round ${round}, about the zebracorn` }),
          sam.emitWithAck('question:hide', { questionId: q.id, version: q.version }),
        ]);
        const row = await rs.db.question.findUniqueOrThrow({ where: { id: q.id } });
        // A hide that was applied is never undone by the edit (it would put the question back in the queue).
        if (hide.ok) expect(row.status, `round ${round}`).toBe('HIDDEN');
        else expect(row.status, `round ${round}`).toBe('PENDING');
        expect(edit.ok || (!edit.ok && edit.error.code === 'conflict')).toBe(true);
      }
    });
  });

  describe('queue actions', () => {
    it('reject with a reason only the author sees; the author edits and resubmits once; a second rejection is final', async () => {
      const { discussionId, author, audience, sam, jordan } = await room();
      const q = await ask(author, discussionId, 'Can I share my friend Ana’s story?');
      const reviewed = collect<QuestionReviewedEvent>(author, 'question:reviewed');
      const reason = 'Please ask again without details that could identify someone.';
      const rejected = await sam.emitWithAck('question:reject', { questionId: q.id, reason, version: q.version });
      expect(rejected).toMatchObject({ ok: true, data: { status: 'REJECTED', rejectReason: reason } });
      await until(() => reviewed.length === 1, 3000, 'the author is told');
      expect(reviewed[0]).toMatchObject({ action: 'rejected', message: reason, question: { status: 'REJECTED', rejectReason: reason, canResubmit: true } });
      expect((await join(author, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({
        status: 'REJECTED',
        rejectReason: reason,
        canResubmit: true,
      });
      const seenByAudience = await join(audience, discussionId);
      expect(seenByAudience.questions.map((x) => x.id)).not.toContain(q.id);
      expect(JSON.stringify(seenByAudience)).not.toContain(reason);
      expect((await join(jordan, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'REJECTED', rejectReason: reason });
      expect((await auditOf(q.id)).map((a) => [a.action, a.reason])).toEqual([['question.rejected', reason]]);

      // Someone else cannot resubmit it.
      expect(await audience.emitWithAck('question:resubmit', { questionId: q.id, body: 'hijack' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const samEdited = collect<QuestionView>(sam, 'question:edited');
      const again = await author.emitWithAck('question:resubmit', { questionId: q.id, body: 'Can I share a story about a loss, without names?' });
      expect(again).toMatchObject({ ok: true, data: { status: 'PENDING', canResubmit: false, rejectReason: null } });
      await until(() => samEdited.some((x) => x.id === q.id && x.status === 'PENDING'), 3000, 'the moderators see the resubmission');
      const v = (await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).version;
      expect(await jordan.emitWithAck('question:reject', { questionId: q.id, reason: 'Still too close to home.', version: v })).toMatchObject({ ok: true });
      expect((await join(author, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ status: 'REJECTED', canResubmit: false });
      expect(await author.emitWithAck('question:resubmit', { questionId: q.id, body: 'Third time?' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).body).toBe('Can I share a story about a loss, without names?');
    });

    it('hide and restore keep the votes; redact keeps the original in the audit entry only and tells the author', async () => {
      const { discussionId, author, audience, sam } = await room({ moderationMode: 'POST', watch: false });
      const q = await ask(author, discussionId, 'My therapist Dr. Jane Roe at 555-0100 said so, is that right?');
      expect((await audience.emitWithAck('question:vote', { questionId: q.id })).ok).toBe(true);
      const hidden = collect<{ id: string }>(audience, 'question:hidden');
      expect(await sam.emitWithAck('question:hide', { questionId: q.id })).toMatchObject({ ok: true, data: { status: 'HIDDEN', votes: 1 } });
      await until(() => hidden.length === 1, 3000, 'hidden for the audience');
      const approved = collect<QuestionView>(audience, 'question:approved');
      expect(await sam.emitWithAck('question:restore', { questionId: q.id })).toMatchObject({ ok: true, data: { status: 'VISIBLE', votes: 1 } });
      await until(() => approved.length === 1, 3000, 'back for the audience');
      expect(approved[0].votes).toBe(1);

      const redactedForAudience = collect<QuestionView>(audience, 'question:redacted');
      const reviewed = collect<QuestionReviewedEvent>(author, 'question:reviewed');
      const body = 'My therapist said so, is that right?';
      const note = 'We removed a name and a phone number to protect them.';
      const res = await sam.emitWithAck('question:redact', { questionId: q.id, body, note });
      expect(res).toMatchObject({ ok: true, data: { body, redacted: true } });
      await until(() => redactedForAudience.length === 1 && reviewed.some((r) => r.action === 'redacted'), 3000, 'redaction broadcasts');
      expect(redactedForAudience[0]).toMatchObject({ body, redacted: true });
      expect(reviewed.find((r) => r.action === 'redacted')).toMatchObject({ message: note, question: { body, redacted: true, redactionNote: note } });
      // The note outlasts a reload for its author (and the moderators); the audience never gets it, live or on joining.
      expect(redactedForAudience[0].redactionNote).toBeNull();
      expect(res).toMatchObject({ ok: true, data: { redactionNote: note } });
      const audienceFrames = recordFrames(audience);
      expect((await join(author, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ body, redacted: true, redactionNote: note });
      expect((await join(audience, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ body, redacted: true, redactionNote: null });
      expect((await join(sam, discussionId)).questions.find((x) => x.id === q.id)).toMatchObject({ redactionNote: note });
      expect(audienceFrames.join('\n')).not.toContain('phone number to protect');
      const row = await rs.db.question.findUniqueOrThrow({ where: { id: q.id } });
      expect(row.body).toBe(body);
      expect(JSON.stringify(row)).not.toContain('555-0100');
      const audit = await auditOf(q.id);
      expect(audit.map((a) => a.action)).toEqual(['question.hidden', 'question.restored', 'question.redacted']);
      expect(audit[2].detail).toContain('555-0100');
      expect(audit[2].detail).toContain(note);
      expect(await rs.db.auditEntry.count({ where: { detail: { contains: '555-0100' } } })).toBe(1);
    });

    it('merge unites the voters, each counted once, and tells both askers', async () => {
      const { discussionId, author, audience, sam } = await room({ moderationMode: 'POST', watch: false });
      const otherAuthor = await rs.connect(await createMember(rs.db));
      await join(otherAuthor, discussionId);
      const dup = await ask(author, discussionId, 'How long does integration take?');
      const into = await ask(otherAuthor, discussionId, 'How long is the integration period, usually?');
      const voters = await Promise.all([1, 2, 3].map(async () => rs.connect(await createMember(rs.db))));
      for (const v of voters) await join(v, discussionId);
      // voter 0 on both, voter 1 on the duplicate only, voter 2 on the target only.
      for (const [v, ids] of [
        [voters[0], [dup.id, into.id]],
        [voters[1], [dup.id]],
        [voters[2], [into.id]],
      ] as const) {
        for (const id of ids) expect((await v.emitWithAck('question:vote', { questionId: id })).ok).toBe(true);
      }
      const merged = collect<{ id: string; intoId: string; votes: number }>(audience, 'question:merged');
      const toAuthor = collect<QuestionReviewedEvent>(author, 'question:reviewed');
      const toOther = collect<QuestionReviewedEvent>(otherAuthor, 'question:reviewed');
      const res = await sam.emitWithAck('question:merge', { questionId: dup.id, intoId: into.id, version: dup.version });
      expect(res).toMatchObject({ ok: true, data: { status: 'MERGED', mergedIntoId: into.id } });
      await until(() => merged.length === 1 && toAuthor.length === 1 && toOther.length === 1, 3000, 'merge broadcasts');
      expect(merged[0]).toEqual({ id: dup.id, intoId: into.id, votes: 3 });
      expect(toAuthor[0]).toMatchObject({ action: 'merged', question: { id: dup.id, status: 'MERGED' } });
      expect(toOther[0]).toMatchObject({ action: 'merged', question: { id: into.id } });
      expect(await rs.db.vote.count({ where: { questionId: into.id } })).toBe(3);
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: into.id } })).voteCount).toBe(3);
      expect((await join(audience, discussionId)).questions.map((x) => x.id)).not.toContain(dup.id);
      expect((await auditOf(dup.id)).map((a) => [a.action, a.detail])).toEqual([['question.merged', `Merged into question ${into.id}`]]);
      // A merged question takes no votes any more.
      expect(await voters[2].emitWithAck('question:vote', { questionId: dup.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('merge only into a visible question: a held one’s text is not reviewed, and the room cannot see it', async () => {
      const { discussionId, author, sam } = await room({ moderationMode: 'PRE', watch: false });
      const held = await ask(author, discussionId, 'Still waiting for review, with a private detail');
      const dup = await ask(author, discussionId, 'A duplicate');
      expect((await sam.emitWithAck('question:approve', { questionId: dup.id })).ok).toBe(true);
      const res = await sam.emitWithAck('question:merge', { questionId: dup.id, intoId: held.id });
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_error' } });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: dup.id } })).status).toBe('VISIBLE');
      expect(await rs.db.auditEntry.count({ where: { targetId: dup.id, action: 'question.merged' } })).toBe(0);
    });

    it('F26 merges racing each other (A→B against B→A) and votes: one wins, the other gets conflict; counts match the votes', async () => {
      const { discussionId, author, audience, sam, jordan } = await room({ moderationMode: 'POST', watch: false });
      const voters = await Promise.all([1, 2, 3].map(async () => rs.connect(await createMember(rs.db))));
      for (const v of voters) await join(v, discussionId);
      for (let round = 0; round < 3; round++) {
        const a = await ask(author, discussionId, `Round ${round}: how long does it last?`);
        const b = await ask(audience, discussionId, `Round ${round}: how long will it last?`);
        expect((await voters[0].emitWithAck('question:vote', { questionId: a.id })).ok).toBe(true);
        expect((await voters[1].emitWithAck('question:vote', { questionId: b.id })).ok).toBe(true);
        const [ab, ba, ...votes] = await Promise.all([
          sam.emitWithAck('question:merge', { questionId: a.id, intoId: b.id }),
          jordan.emitWithAck('question:merge', { questionId: b.id, intoId: a.id }),
          voters[2].emitWithAck('question:vote', { questionId: a.id }),
          voters[2].emitWithAck('question:vote', { questionId: b.id }),
          voters[0].emitWithAck('question:vote', { questionId: b.id }),
        ]);
        expect(
          [ab, ba].filter((r) => r.ok),
          `round ${round}`,
        ).toHaveLength(1);
        const lost = [ab, ba].find((r) => !r.ok);
        expect(['conflict', 'validation_error']).toContain(!lost?.ok && lost?.error.code);
        for (const v of votes) expect(v.ok || v.error.code === 'not_found').toBe(true);
        const rows = await rs.db.question.findMany({ where: { id: { in: [a.id, b.id] } } });
        expect(rows.filter((r) => r.status === 'MERGED')).toHaveLength(1);
        const target = rows.find((r) => r.status === 'VISIBLE')!;
        expect(target.voteCount, `round ${round}`).toBe(await rs.db.vote.count({ where: { questionId: target.id } }));
      }
    });

    it('"up next" order is dense and reorderable; highlight and answer are audited; "answered" can be undone for 10 s by the server clock', async () => {
      const { discussionId, author, sam, jordan } = await room({ moderationMode: 'POST' });
      const [a, b, c] = [await ask(author, discussionId, 'First'), await ask(author, discussionId, 'Second'), await ask(author, discussionId, 'Third')];
      expect(await sam.emitWithAck('question:queue', { questionId: a.id, position: 0 })).toMatchObject({ ok: true, data: { queuePosition: 0 } });
      expect(await sam.emitWithAck('question:queue', { questionId: b.id, position: 0 })).toMatchObject({ ok: true, data: { queuePosition: 0 } });
      expect(await sam.emitWithAck('question:queue', { questionId: c.id, position: 9 })).toMatchObject({ ok: true, data: { queuePosition: 2 } });
      const positions = async () =>
        Object.fromEntries((await rs.db.question.findMany({ where: { id: { in: [a.id, b.id, c.id] } } })).map((r) => [r.body, r.queuePosition]));
      expect(await positions()).toEqual({ Second: 0, First: 1, Third: 2 });
      expect(await sam.emitWithAck('question:queue', { questionId: b.id, position: null })).toMatchObject({ ok: true, data: { queuePosition: null } });
      expect(await positions()).toEqual({ Second: null, First: 0, Third: 1 });
      expect((await auditOf(b.id)).map((x) => [x.action, x.detail])).toEqual([
        ['question.queued', 'Up next, position 1'],
        ['question.queued', 'Taken out of "up next"'],
      ]);
      // The audience never sees the up-next order.
      expect((await join(author, discussionId)).questions.every((x) => x.queuePosition === null)).toBe(true);

      const feed = collect<ModerationEvent>(jordan, 'moderation:action');
      expect((await sam.emitWithAck('question:highlight', { discussionId, questionId: a.id })).ok).toBe(true);
      expect((await sam.emitWithAck('question:answer', { questionId: a.id })).ok).toBe(true);
      await until(() => feed.length === 2, 3000, 'highlight and answer in the feed');
      expect(feed.map((f) => f.item.action)).toEqual(['highlighted', 'answered']);
      const unanswered = collect<{ id: string }>(author, 'question:unanswered');
      const highlighted = collect<{ questionId: string | null }>(author, 'question:highlighted');
      expect(await jordan.emitWithAck('question:unanswer', { questionId: a.id })).toEqual({ ok: true, data: null });
      await until(() => unanswered.length === 1 && highlighted.some((h) => h.questionId === a.id), 3000, 'unanswered and highlighted again for the room');
      // The undo gives back what "answered" took: its up-next place and the highlight.
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: a.id } })).answeredAt).toBeNull();
      expect(await positions()).toEqual({ Second: null, First: 0, Third: 1 });
      expect((await rs.db.discussion.findUniqueOrThrow({ where: { id: discussionId } })).highlightedQuestionId).toBe(a.id);
      expect((await sam.emitWithAck('question:answer', { questionId: a.id })).ok).toBe(true);
      advanceClock(10_001);
      expect(await jordan.emitWithAck('question:unanswer', { questionId: a.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: a.id } })).answeredAt).not.toBeNull();
      expect((await auditOf(a.id)).map((x) => [x.action, x.detail])).toEqual([
        ['question.queued', 'Up next, position 1'],
        ['question.highlighted', null],
        ['question.answered', 'Was up next, position 1 · Was being answered now'],
        ['question.unanswered', null],
        ['question.answered', 'Was up next, position 1 · Was being answered now'],
      ]);
    });

    it('claims: "Sam is on it" for 2 minutes, seen by the other facilitators; released by any action; expired claims can be taken', async () => {
      const { discussionId, author, sam, jordan } = await room();
      const q = await ask(author, discussionId, 'Claim me');
      const feed = collect<ModerationEvent>(jordan, 'moderation:action');
      const claimed = await sam.emitWithAck('question:claim', { questionId: q.id });
      expect(claimed).toMatchObject({ ok: true, data: { version: q.version, claim: { byName: 'Sam Lindqvist' } } });
      await until(() => feed.length === 1, 3000, 'the claim in the feed');
      expect(feed[0]).toMatchObject({ item: { action: 'claimed', actorName: 'Sam Lindqvist' }, question: { claim: { byName: 'Sam Lindqvist' } } });
      const taken = await jordan.emitWithAck('question:claim', { questionId: q.id });
      expect(taken).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: 'Sam Lindqvist is on it.', current: { id: q.id, claim: { byName: 'Sam Lindqvist' } } },
      });
      advanceClock(2 * 60_000 + 1000);
      expect(await jordan.emitWithAck('question:claim', { questionId: q.id })).toMatchObject({
        ok: true,
        data: { claim: { byName: expect.stringMatching(/^Jordan/) } },
      });
      expect(await jordan.emitWithAck('question:approve', { questionId: q.id })).toMatchObject({ ok: true, data: { claim: null } });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).claimedById).toBeNull();
      expect((await auditOf(q.id)).map((x) => x.action)).toEqual(['question.claimed', 'question.claimed', 'question.approved']);
    });
  });

  describe('rights and races', () => {
    it('F09 a member emitting any moderation event is forbidden; nothing is written', async () => {
      const { discussionId, author, audience } = await room({ watch: false });
      const q = await ask(author, discussionId, 'Leave me be');
      const other = await ask(author, discussionId, 'Another one');
      const before = await rs.db.question.findUniqueOrThrow({ where: { id: q.id } });
      const attempts = [
        audience.emitWithAck('question:approve', { questionId: q.id }),
        audience.emitWithAck('question:reject', { questionId: q.id, reason: 'no' }),
        audience.emitWithAck('question:hide', { questionId: q.id }),
        audience.emitWithAck('question:restore', { questionId: q.id }),
        audience.emitWithAck('question:redact', { questionId: q.id, body: 'x', note: 'y' }),
        audience.emitWithAck('question:merge', { questionId: q.id, intoId: other.id }),
        audience.emitWithAck('question:queue', { questionId: q.id, position: 0 }),
        audience.emitWithAck('question:claim', { questionId: q.id }),
        audience.emitWithAck('question:unanswer', { questionId: q.id }),
        audience.emitWithAck('author:reveal', { questionId: q.id, reason: 'curious' }),
        audience.emitWithAck('moderation:state', { discussionId }),
        audience.emitWithAck('participant:mute', { discussionId, target: { questionId: q.id }, minutes: 5, reason: 'no' }),
        audience.emitWithAck('participant:unmute', { discussionId, target: { questionId: q.id } }),
        audience.emitWithAck('participant:remove', { discussionId, target: { questionId: q.id }, reason: 'no' }),
        audience.emitWithAck('participant:ban', { discussionId, target: { questionId: q.id }, reason: 'no' }),
        // The author of the question is no moderator either.
        author.emitWithAck('question:approve', { questionId: q.id }),
      ];
      const results = await Promise.all(attempts);
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(results.length).fill('forbidden'));
      expect(await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).toEqual(before);
      expect(await rs.db.auditEntry.count({ where: { discussionId } })).toBe(0);
      expect(await rs.db.sanction.count({ where: { discussionId } })).toBe(0);
      // A spoofed identity field is refused by the schema.
      expect(await audience.emitWithAck('question:approve', { questionId: q.id, userId: 'x' } as never)).toMatchObject({
        ok: false,
        error: { code: 'validation_error' },
      });
    });

    it('F10 a facilitator removed from the staff mid-discussion: their next moderation event is denied', async () => {
      const { discussionId, author, jordan } = await room({ watch: false });
      const q = await ask(author, discussionId, 'Approve me later');
      const staffNow = { hostIds: [await userId(rs.db, 'rowan@example.org')], facilitatorIds: [await userId(rs.db, 'sam@example.org')] };
      const edit = await rs.server.as('rowan@example.org', async (host) => updateDiscussion(host, await discussionEditInput(rs.db, discussionId, staffNow)));
      expect(edit).toMatchObject({ ok: true });
      expect(jordan.connected).toBe(true);
      expect(await jordan.emitWithAck('question:approve', { questionId: q.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await jordan.emitWithAck('moderation:state', { discussionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await rs.db.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe('PENDING');
      expect(await rs.db.auditEntry.count({ where: { targetId: q.id } })).toBe(0);
    });

    it('F26 two facilitators approve and reject the same version at once: one wins, the other gets conflict with the current state; one audit entry', async () => {
      const { discussionId, author, sam, jordan } = await room({ watch: false });
      for (let round = 0; round < 3; round++) {
        const q = await ask(author, discussionId, `Contested ${round}`);
        const [approve, reject] = await Promise.all([
          sam.emitWithAck('question:approve', { questionId: q.id, version: q.version }),
          jordan.emitWithAck('question:reject', { questionId: q.id, reason: 'Off-topic for tonight', version: q.version }),
        ]);
        const results = [approve, reject];
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const lost = results.find((r) => !r.ok);
        const row = await rs.db.question.findUniqueOrThrow({ where: { id: q.id } });
        expect(lost).toMatchObject({ ok: false, error: { code: 'conflict', current: { id: q.id, status: row.status, version: row.version } } });
        expect(!lost?.ok && lost?.error.message).toMatch(/(Sam Lindqvist|Jordan .*) (approved|rejected) this question/);
        expect(row.version).toBe(q.version + 1);
        expect(await rs.db.auditEntry.count({ where: { targetId: q.id } })).toBe(1);
      }
    });

    it('F26 merge against hide of the same question: one wins; nothing of the other is applied', async () => {
      const { discussionId, author, audience, sam, jordan } = await room({ moderationMode: 'POST', watch: false });
      const target = await ask(author, discussionId, 'The original question');
      const dup = await ask(author, discussionId, 'The duplicate question');
      expect((await audience.emitWithAck('question:vote', { questionId: dup.id })).ok).toBe(true);
      const [merge, hide] = await Promise.all([
        sam.emitWithAck('question:merge', { questionId: dup.id, intoId: target.id, version: dup.version }),
        jordan.emitWithAck('question:hide', { questionId: dup.id, version: dup.version }),
      ]);
      expect([merge, hide].filter((r) => r.ok)).toHaveLength(1);
      expect([merge, hide].find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict' } });
      const row = await rs.db.question.findUniqueOrThrow({ where: { id: dup.id } });
      const targetVotes = await rs.db.vote.count({ where: { questionId: target.id } });
      if (merge.ok) expect([row.status, targetVotes]).toEqual(['MERGED', 1]);
      else expect([row.status, targetVotes]).toEqual(['HIDDEN', 0]);
      expect(await rs.db.auditEntry.count({ where: { targetId: dup.id } })).toBe(1);
    });

    it('F26 two claims at once: one holds it, the other hears who is on it', async () => {
      const { discussionId, author, sam, jordan } = await room({ watch: false });
      const q = await ask(author, discussionId, 'Both want this one');
      const results = await Promise.all([sam.emitWithAck('question:claim', { questionId: q.id }), jordan.emitWithAck('question:claim', { questionId: q.id })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = (await rs.db.question.findUniqueOrThrow({ where: { id: q.id }, include: { claimedBy: true } })).claimedBy!.displayName;
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', message: `${winner} is on it.` } });
      expect(await rs.db.auditEntry.count({ where: { targetId: q.id } })).toBe(1);
    });

    it('a conflict names the facilitator only when their action made the current version (not after the author’s edit)', async () => {
      const { discussionId, author, sam, jordan } = await room({ moderationMode: 'POST', watch: false });
      const q = await ask(author, discussionId, 'Visible at once');
      expect((await sam.emitWithAck('question:queue', { questionId: q.id, position: 0 })).ok).toBe(true);
      expect((await author.emitWithAck('question:edit', { questionId: q.id, body: 'Visible at once, edited' })).ok).toBe(true);
      const stale = await jordan.emitWithAck('question:hide', { questionId: q.id, version: 1 });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: 'This question changed a moment ago. Here it is as it stands now.', current: { version: 2 } },
      });
    });

    it('a stale version is refused with the current state even when nobody acted at the same moment', async () => {
      const { discussionId, author, sam, jordan } = await room({ watch: false });
      const q = await ask(author, discussionId, 'Old news');
      expect((await sam.emitWithAck('question:approve', { questionId: q.id, version: q.version })).ok).toBe(true);
      const stale = await jordan.emitWithAck('question:hide', { questionId: q.id, version: q.version });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('Sam Lindqvist approved'), current: { status: 'VISIBLE', version: 1 } },
      });
      expect(await rs.db.auditEntry.count({ where: { targetId: q.id } })).toBe(1);
    });
  });
});
