// Question use cases: ask, edit, withdraw, vote, unvote (members); reply, highlight, answer (hosts and
// facilitators). Each: validate → load room + policy → write in a transaction → return → broadcast after.
// Asking runs the holds (server/moderation/holds.ts) and gives an anonymous asker their pseudonym first. Before
// any hold, words of distress (the care word list, server/care/) route a member's question into the private care
// lane: status CARE, never shown to the room in any mode (F28); the asker sees the support message.

import type { QuestionView, ReplyView } from '@/lib/live/views';
import { askQuestionSchema, editQuestionSchema, highlightQuestionSchema, questionRefSchema, replyToQuestionSchema } from '@/lib/questions/schema';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { closeWithdrawnCareItem, matchesCareTerms, openCareItem } from '../care/lane';
import { now } from '../clock';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { refundBudget, spendBudget } from '../live/budgets';
import { assertAgreed, assertMaySpeak, assertModerator, assertNotRemoved, assertOpenForQuestions, loadRoom, type RoomContext } from '../live/context';
import { publishModerationAction } from '../moderation/broadcasts';
import { holdReasons } from '../moderation/holds';
import { ensurePseudonym, pseudonymsFor } from '../moderation/pseudonyms';
import { publishNotifications, storeNotifications } from '../notifications/commands';
import { publishToAudience, publishToModerators, publishToRoom } from '../realtime/bus';
import { publishReportOutcomes, resolveReports } from '../reports/outcomes';
import { markTallyDirty, publishAboutQuestion, publishQuestion } from './broadcasts';
import { moderatorView, type QuestionRow, questionSelect, replyView, viewFor } from './views';

async function loadQuestion(questionId: string) {
  const q = await db().question.findUnique({ where: { id: questionId }, select: questionSelect });
  if (!q || q.status === 'WITHDRAWN' || q.status === 'REJECTED' || q.status === 'MERGED') throw new AppError('not_found', 'That question is no longer there.');
  return q;
}

/** The question as `ctx`'s person sees it (moderators: anonymous askers by pseudonym). */
async function seen(actor: Actor, ctx: RoomContext, row: QuestionRow) {
  return viewFor(ctx, actor.id, row, ctx.isMod ? await pseudonymsFor(db(), [row]) : new Map());
}

export async function askQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = askQuestionSchema.parse(raw);
  // The budget is spent before any database work, so a flood costs the server almost nothing (F04). A refused
  // ask spends nothing and leaves no mark: only a stored row makes a resend free (F16, F17).
  const refused = await spendBudget('ask', actor.id).then(
    () => null,
    (err: unknown) => err,
  );
  // Past the ask budget only a resend of a stored question can succeed; resends have their own budget, spent
  // before the lookup, so replaying one known id cannot cost the server unbounded work either.
  if (refused) await spendBudget('resend', actor.id);
  // The id alone first: a new question (the usual case) then costs no read of relations it cannot have yet.
  const existing = (await db().question.findUnique({ where: { id: input.id }, select: { id: true } }))
    ? await db().question.findUnique({ where: { id: input.id }, select: questionSelect })
    : null;
  if (existing) {
    if (!refused) {
      await refundBudget('ask', actor.id);
      await spendBudget('resend', actor.id);
    }
    return sameQuestion(actor, await loadRoom(actor, input.discussionId), existing, input.discussionId);
  }
  if (refused) {
    await refundBudget('resend', actor.id);
    throw refused;
  }
  const ctx = await loadRoom(actor, input.discussionId);

  assertOpenForQuestions(ctx);
  await assertAgreed(actor, ctx);
  await assertMaySpeak(actor, ctx);
  // The care lane first, in pre and post mode alike (staff questions are never held); then held for review (pre
  // mode, the new-member tier, the word filter), never dropped.
  const care = !ctx.isMod && (await matchesCareTerms(input.body));
  const held = care ? [] : await holdReasons(db(), actor.id, ctx, input.body);
  if (input.anonymous) await ensurePseudonym(db(), input.discussionId, actor.id);
  let row: QuestionRow;
  try {
    row = await db().$transaction(async (tx) => {
      await tx.question.create({
        data: {
          id: input.id,
          discussionId: input.discussionId,
          authorId: actor.id,
          body: input.body,
          anonymous: input.anonymous,
          contentWarning: input.contentWarning ?? null,
          status: care ? 'CARE' : held.length ? 'PENDING' : 'VISIBLE',
          heldFor: held.length ? held.join(',') : null,
        },
        select: { id: true },
      });
      if (care) await openCareItem(tx, { id: input.id, discussionId: input.discussionId }, 'care_terms');
      return tx.question.findUniqueOrThrow({ where: { id: input.id }, select: questionSelect });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Two sends raced: the other one wrote it (and paid for it).
    await refundBudget('ask', actor.id);
    const raced = await db().question.findUniqueOrThrow({ where: { id: input.id }, select: questionSelect });
    return sameQuestion(actor, ctx, raced, input.discussionId);
  }
  const pseudonyms = await pseudonymsFor(db(), [row]);
  publishQuestion(input.discussionId, 'question:asked', row, ctx.badges, pseudonyms);
  if (care) publishModerationAction(input.discussionId, null, { action: 'care_opened', questionId: row.id }, moderatorView(row, ctx.badges, pseudonyms));
  return viewFor(ctx, actor.id, row, pseudonyms);
}

function sameQuestion(actor: Actor, ctx: RoomContext, row: QuestionRow, discussionId: string) {
  if (row.authorId !== actor.id || row.discussionId !== discussionId) {
    throw new AppError('conflict', 'That question id is already taken. Please send your question again.');
  }
  return seen(actor, ctx, row);
}

async function ownQuestion(actor: Actor, questionId: string) {
  const q = await loadQuestion(questionId);
  if (q.authorId !== actor.id) throw new AppError('forbidden', 'Only the person who asked can change this question.');
  if (q.answeredAt) throw new AppError('conflict', 'This question has been answered and can no longer be changed.');
  const ctx = await loadRoom(actor, q.discussionId);
  assertOpenForQuestions(ctx);
  return { q, ctx };
}

/**
 * The author edits their question. The edit goes through review as a new question would: a visible question
 * that would be held if asked now (pre mode, the new-member tier, the word filter) goes back to the queue with
 * those reasons and leaves the audience's list; a held one keeps waiting, with any new reason added. A question
 * a facilitator redacted can no longer be edited (that would undo the redaction unseen). The write is
 * conditional on the version and status read, so it never overwrites a moderator's change made meanwhile.
 */
export async function editQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = editQuestionSchema.parse(raw);
  await spendBudget('edit', actor.id);
  const { q, ctx } = await ownQuestion(actor, input.questionId);
  await assertMaySpeak(actor, ctx);
  if (q.redactedAt && !ctx.isMod) {
    throw new AppError('conflict', 'A facilitator edited this question with you in mind, so it stays as it is now. You are welcome to ask a new one.');
  }
  if (q.status === 'CARE') {
    throw new AppError('conflict', 'The facilitators are reading this one privately and will reply here. You are welcome to ask a new question any time.');
  }
  // An edit into words of distress goes to the care lane, as a new question would (it leaves the room if it was in it).
  const open = q.status === 'VISIBLE' || q.status === 'PENDING';
  const care = open && !ctx.isMod && (await matchesCareTerms(input.body));
  const reasons = open && !care ? await holdReasons(db(), actor.id, ctx, input.body) : [];
  const heldFor = q.status === 'PENDING' ? (q.heldFor?.split(',').filter(Boolean) ?? []) : [];
  const added = reasons.filter((r) => !heldFor.includes(r));
  const holdAgain = care || (q.status === 'VISIBLE' ? reasons.length > 0 : added.length > 0);
  const unhighlight = holdAgain && q.status === 'VISIBLE' && ctx.discussion.highlightedQuestionId === q.id;
  const row = await db().$transaction(async (tx) => {
    const res = await tx.question.updateMany({
      where: { id: q.id, version: q.version, status: q.status },
      data: {
        body: input.body,
        editedAt: new Date(),
        version: { increment: 1 },
        ...(care
          ? { status: 'CARE', heldFor: null, queuePosition: null, claimedById: null, claimedAt: null }
          : holdAgain
            ? { status: 'PENDING', heldFor: [...heldFor, ...added].join(','), queuePosition: null }
            : {}),
      },
    });
    if (res.count === 0) return null;
    if (care) await openCareItem(tx, q, 'care_terms');
    if (unhighlight) await tx.discussion.updateMany({ where: { id: q.discussionId, highlightedQuestionId: q.id }, data: { highlightedQuestionId: null } });
    return tx.question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  });
  if (!row) {
    const current = await db().question.findUnique({ where: { id: q.id }, select: questionSelect });
    throw new AppError(
      'conflict',
      'This question changed a moment ago (a facilitator may have acted on it). Here it is as it stands now.',
      undefined,
      current ? { current: await seen(actor, ctx, current) } : undefined,
    );
  }
  const pseudonyms = await pseudonymsFor(db(), [row]);
  if (holdAgain && q.status === 'VISIBLE') publishToAudience(q.discussionId, 'question:hidden', { id: q.id });
  if (unhighlight) publishToRoom(q.discussionId, 'question:highlighted', { questionId: null });
  publishQuestion(q.discussionId, 'question:edited', row, ctx.badges, pseudonyms);
  if (care) publishModerationAction(q.discussionId, null, { action: 'care_opened', questionId: row.id }, moderatorView(row, ctx.badges, pseudonyms));
  return viewFor(ctx, actor.id, row, pseudonyms);
}

export async function withdrawQuestion(actor: Actor, raw: unknown): Promise<null> {
  const input = questionRefSchema.parse(raw);
  await spendBudget('withdraw', actor.id);
  const { q, ctx } = await ownQuestion(actor, input.questionId);
  // Its open reports are resolved with it: each reporter hears that its author withdrew it.
  const resolved = await db().$transaction(async (tx) => {
    await tx.question.update({ where: { id: q.id }, data: { status: 'WITHDRAWN', version: { increment: 1 }, queuePosition: null } });
    if (ctx.discussion.highlightedQuestionId === q.id) await tx.discussion.update({ where: { id: q.discussionId }, data: { highlightedQuestionId: null } });
    if (q.status === 'CARE') await closeWithdrawnCareItem(tx, q.id);
    return resolveReports(tx, q, 'withdrawn', ctx.discussion.title);
  });
  publishAboutQuestion(q, 'question:withdrawn', { id: q.id });
  await publishReportOutcomes(resolved);
  if (ctx.discussion.highlightedQuestionId === q.id) publishToRoom(q.discussionId, 'question:highlighted', { questionId: null });
  return null;
}

async function votable(actor: Actor, questionId: string) {
  await spendBudget('vote', actor.id);
  // Votes are the busiest event: read only what the checks need (each relation would be a query of its own).
  const q = await db().question.findUnique({ where: { id: questionId }, select: { discussionId: true, status: true } });
  if (q?.status !== 'VISIBLE') throw new AppError('not_found', 'That question is no longer there.');
  const ctx = await loadRoom(actor, q.discussionId);
  assertOpenForQuestions(ctx);
  await assertAgreed(actor, ctx);
  await assertNotRemoved(actor, ctx);
  return q;
}

const GONE = () => new AppError('not_found', 'That question is no longer there.');

/**
 * Runs a small transaction again when PostgreSQL picked it as a deadlock's or a serialization failure's victim
 * (P2034: a merge holding the same question rows): nothing of it was applied, so running it again is safe.
 */
async function retryOnWriteConflict<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if ((err as { code?: unknown } | null)?.code !== 'P2034' || attempt >= 3) throw err;
    }
  }
}

/**
 * One vote per member per question, enforced by the Vote primary key (F22). The question's row is written first
 * and the vote after, in the order a merge takes them (server/moderation/commands.ts), so the two never deadlock
 * on PostgreSQL; a question that left the room meanwhile (hidden, merged) takes no vote.
 */
export async function voteQuestion(actor: Actor, raw: unknown): Promise<{ votes: number }> {
  const { questionId } = questionRefSchema.parse(raw);
  const q = await votable(actor, questionId);
  let votes: number;
  try {
    votes = await retryOnWriteConflict(() =>
      db().$transaction(async (tx) => {
        const counted = await tx.question.updateMany({ where: { id: questionId, status: 'VISIBLE' }, data: { voteCount: { increment: 1 } } });
        if (counted.count === 0) throw GONE();
        await tx.vote.create({ data: { questionId, userId: actor.id } });
        return (await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: { voteCount: true } })).voteCount;
      }),
    );
  } catch (err) {
    // Already voted: the whole transaction rolled back, the count with it.
    if (!isUniqueViolation(err)) throw err;
    votes = (await db().question.findUniqueOrThrow({ where: { id: questionId }, select: { voteCount: true } })).voteCount;
    return { votes };
  }
  markTallyDirty(q.discussionId, questionId);
  return { votes };
}

export async function unvoteQuestion(actor: Actor, raw: unknown): Promise<{ votes: number }> {
  const { questionId } = questionRefSchema.parse(raw);
  const q = await votable(actor, questionId);
  const votes = await retryOnWriteConflict(() =>
    db().$transaction(async (tx) => {
      // The question's row first, as votes and merges take it (no deadlock with a merge into it).
      await tx.question.updateMany({ where: { id: questionId }, data: { voteCount: { increment: 0 } } });
      const removed = await tx.vote.deleteMany({ where: { questionId, userId: actor.id } });
      if (removed.count === 0) return (await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: { voteCount: true } })).voteCount;
      return (await tx.question.update({ where: { id: questionId }, data: { voteCount: { decrement: 1 } }, select: { voteCount: true } })).voteCount;
    }),
  );
  markTallyDirty(q.discussionId, questionId);
  return { votes };
}

async function moderated(actor: Actor, questionId: string) {
  const q = await loadQuestion(questionId);
  const ctx = await loadRoom(actor, q.discussionId);
  assertModerator(ctx);
  return { q, ctx };
}

export async function replyToQuestion(actor: Actor, raw: unknown): Promise<ReplyView> {
  const input = replyToQuestionSchema.parse(raw);
  await spendBudget('reply', actor.id);
  const { q, ctx } = await moderated(actor, input.questionId);
  if (ctx.phase === 'ended' || ctx.phase === 'cancelled') assertOpenForQuestions(ctx);
  // A care-lane question's replies are always private: if a safer version is published later, they stay private.
  const isPrivate = input.private === true || q.status === 'CARE';
  if (!isPrivate) {
    const reply = await db().reply.create({ data: { questionId: q.id, authorId: actor.id, body: input.body }, select: questionSelect.replies.select });
    const view = replyView(reply, ctx.badges);
    publishAboutQuestion(q, 'question:replied', { questionId: q.id, reply: view });
    return view;
  }
  // Private: the asker (even an anonymous one, by their own user room: nobody learns who) and the staff only (F28).
  const { reply, stored } = await db().$transaction(async (tx) => {
    const created = await tx.reply.create({
      data: { questionId: q.id, authorId: actor.id, body: input.body, private: true },
      select: questionSelect.replies.select,
    });
    await recordAudit(tx, actor, { action: 'question.replied_privately', target: { type: 'question', id: q.id } }, q.discussionId);
    const notes = await storeNotifications(tx, [
      {
        userId: q.authorId,
        type: 'private_reply',
        title: 'The facilitators replied to you privately',
        body: `A facilitator of “${ctx.discussion.title}” replied to your question. Only you and the facilitators can read it.`,
        link: `/discussions/${q.discussionId}/live`,
      },
    ]);
    return { reply: created, stored: notes };
  });
  const view = replyView(reply, ctx.badges);
  publishToModerators(q.discussionId, 'question:replied', { questionId: q.id, reply: view }, { andUser: q.authorId });
  await publishNotifications(stored);
  publishModerationAction(q.discussionId, actor, { action: 'replied_privately', questionId: q.id }, null);
  return view;
}

/** "Answering now": one question at a time per discussion; null clears it. */
export async function highlightQuestion(actor: Actor, raw: unknown): Promise<null> {
  const input = highlightQuestionSchema.parse(raw);
  await spendBudget('highlight', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  assertModerator(ctx);
  if (ctx.phase !== 'live') throw new AppError('room_closed', 'Highlight questions while the discussion is live.');
  const questionId = input.questionId;
  if (questionId) {
    const q = await loadQuestion(questionId);
    if (q.discussionId !== input.discussionId || q.status !== 'VISIBLE') throw new AppError('not_found', 'That question is not in this discussion.');
  }
  await db().$transaction(async (tx) => {
    await tx.discussion.update({ where: { id: input.discussionId }, data: { highlightedQuestionId: questionId } });
    // "Answering now" is a moderation action on a question: audited. Clearing it is not an action on one.
    if (questionId) await recordAudit(tx, actor, { action: 'question.highlighted', target: { type: 'question', id: questionId } }, input.discussionId);
  });
  publishToRoom(input.discussionId, 'question:highlighted', { questionId });
  if (questionId) await publishFeed(actor, ctx, 'highlighted', questionId);
  return null;
}

/** The console's feed line with the question's moderator view. */
async function publishFeed(actor: Actor, ctx: RoomContext, action: 'highlighted' | 'answered', questionId: string) {
  const row = await db().question.findUnique({ where: { id: questionId }, select: questionSelect });
  if (!row) return;
  publishModerationAction(ctx.discussion.id, actor, { action, questionId }, moderatorView(row, ctx.badges, await pseudonymsFor(db(), [row])));
}

export async function answerQuestion(actor: Actor, raw: unknown): Promise<null> {
  const { questionId } = questionRefSchema.parse(raw);
  await spendBudget('answer', actor.id);
  const { q, ctx } = await moderated(actor, questionId);
  if (q.answeredAt) return null;
  const answeredAt = now(); // the server clock: "answered" can be undone for 10 s by that clock
  let wasHighlighted = false;
  const applied = await db().$transaction(async (tx) => {
    // Conditional: two facilitators marking at once answer it once, with one audit entry.
    const changed = await tx.question.updateMany({
      where: { id: q.id, answeredAt: null },
      data: { answeredAt, version: { increment: 1 }, queuePosition: null },
    });
    if (changed.count === 0) return false;
    const h = await tx.discussion.updateMany({ where: { id: q.discussionId, highlightedQuestionId: q.id }, data: { highlightedQuestionId: null } });
    wasHighlighted = h.count > 0;
    // What "answered" took away is kept in its entry, so an undo gives it back.
    const detail = { position: q.queuePosition, highlighted: wasHighlighted };
    await recordAudit(tx, actor, { action: 'question.answered', target: { type: 'question', id: q.id }, detail }, q.discussionId);
    return true;
  });
  if (!applied) return null;
  publishAboutQuestion(q, 'question:answered', { id: q.id, answeredAt: answeredAt.toISOString() });
  if (wasHighlighted) publishToRoom(q.discussionId, 'question:highlighted', { questionId: null });
  await publishFeed(actor, ctx, 'answered', q.id);
  return null;
}
