// The questions of a live room as one person may see them: the questions' part of the join state, and the pages
// after it (`questions:page`). Moderators see held, hidden, rejected and merged questions (anonymous askers by
// pseudonym); the author their own held and rejected ones; the audience only visible ones.

import type { QuestionPage, RoomQuestions } from '@/lib/live/views';
import { pageQuestionsSchema } from '@/lib/questions/schema';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { spendBudget } from '../live/budgets';
import { assertAgreed, assertNotRemoved, loadRoom, type RoomContext } from '../live/context';
import { pseudonymsFor } from '../moderation/pseudonyms';
import { AUDIENCE_STATUSES, MODERATOR_STATUSES, OWN_STATUSES, type QuestionRow, questionSelect, viewFor } from './views';

/** Questions in the join state: the most relevant 200 (own, highlighted and pending-for-review always added). */
const JOIN_QUESTIONS = 200;
const RELEVANCE = [{ voteCount: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }] satisfies Prisma.QuestionOrderByWithRelationInput[];

/** The questions this person may see in the room: visible ones, their own held and rejected ones, and everything a moderator sees. */
function seenBy(actor: Actor, ctx: RoomContext): Prisma.QuestionWhereInput {
  const statuses = ctx.isMod ? [...MODERATOR_STATUSES] : [...AUDIENCE_STATUSES];
  return { discussionId: ctx.discussion.id, OR: [{ status: { in: statuses } }, { authorId: actor.id, status: { in: [...OWN_STATUSES] } }] };
}

/** Rows as this person sees them (moderators: anonymous askers by pseudonym, read in one query). */
async function viewsFor(actor: Actor, ctx: RoomContext, rows: QuestionRow[]) {
  const pseudonyms = ctx.isMod ? await pseudonymsFor(db(), rows) : new Map<string, string>();
  return rows.map((row) => viewFor(ctx, actor.id, row, pseudonyms));
}

/** The questions' part of the join state, for a room `ctx` that `actor` has just entered. */
export async function getRoomQuestions(actor: Actor, ctx: RoomContext): Promise<RoomQuestions> {
  const id = ctx.discussion.id;
  const where = seenBy(actor, ctx);
  const alwaysShown: Prisma.QuestionWhereInput[] = [{ authorId: actor.id }];
  if (ctx.discussion.highlightedQuestionId) alwaysShown.push({ id: ctx.discussion.highlightedQuestionId });
  // Moderators: what waits for them (the queue and the care lane) is always in the join state.
  if (ctx.isMod) alwaysShown.push({ status: 'PENDING' }, { status: 'CARE' });
  // Ids first, then the rows with their relations in one read: each relation is a query of its own, so reading
  // them once for both lists (and not at all for an empty room) keeps a join cheap.
  const [top, pinned, own, votes] = await Promise.all([
    db().question.findMany({ where, orderBy: RELEVANCE, take: JOIN_QUESTIONS, select: { id: true } }),
    db().question.findMany({ where: { AND: [where, { OR: alwaysShown }] }, orderBy: { createdAt: 'asc' }, take: JOIN_QUESTIONS, select: { id: true } }),
    db().question.findMany({ where: { discussionId: id, authorId: actor.id, status: { not: 'WITHDRAWN' } }, select: { id: true } }),
    // Only votes on questions this person may see now (not one that left the room for the care lane, F28).
    db().vote.findMany({ where: { userId: actor.id, question: where }, select: { questionId: true } }),
  ]);
  // Fewer than a full list: that is all of them, and no count is needed.
  const questionCount = top.length < JOIN_QUESTIONS ? top.length : await db().question.count({ where });
  const ids = [...new Set([...top, ...pinned].map((r) => r.id))];
  // `where` again: a question that left this person's sight between the two reads (to the care lane, say) stays out.
  const rows = ids.length ? await db().question.findMany({ where: { AND: [where, { id: { in: ids } }] }, select: questionSelect }) : [];
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    questions: await viewsFor(actor, ctx, rows),
    questionCount,
    nextOffset: questionCount > JOIN_QUESTIONS ? JOIN_QUESTIONS : null,
    mine: own.map((q) => q.id),
    myVotes: votes.map((v) => v.questionId),
  };
}

/** The next questions after `offset` in the join state's order of relevance, as this person may see them. */
export async function pageQuestions(actor: Actor, raw: unknown): Promise<QuestionPage> {
  const input = pageQuestionsSchema.parse(raw);
  await spendBudget('page', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  if (ctx.phase === 'scheduled' || ctx.phase === 'cancelled') throw new AppError('room_closed', 'This room is not open.');
  // The same entry rule as the join: the agreement first (staff and an ended room's readers excepted).
  if (ctx.phase !== 'ended') await assertAgreed(actor, ctx);
  await assertNotRemoved(actor, ctx);
  const rows = await db().question.findMany({
    where: seenBy(actor, ctx),
    orderBy: RELEVANCE,
    skip: input.offset,
    take: JOIN_QUESTIONS + 1,
    select: questionSelect,
  });
  return {
    questions: await viewsFor(actor, ctx, rows.slice(0, JOIN_QUESTIONS)),
    nextOffset: rows.length > JOIN_QUESTIONS ? input.offset + JOIN_QUESTIONS : null,
  };
}
