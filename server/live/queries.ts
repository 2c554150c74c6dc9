// The room state a joiner receives in one message: discussion, questions, tallies, own questions and votes.
import { pageQuestionsSchema } from '@/lib/live/schema';
import type { QuestionPage, RoomState } from '@/lib/live/views';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { audienceView, AUDIENCE_STATUSES, moderatorView, MODERATOR_STATUSES, questionSelect, type QuestionRow } from '../questions/views';
import { spendBudget } from './budgets';
import { loadRoom, roleIn, type RoomContext } from './context';
import { presenceOf } from './presence';

/** Questions in the join state: the most relevant 200 (own, highlighted and pending-for-review always added). */
export const JOIN_QUESTIONS = 200;
const RELEVANCE = [{ voteCount: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }] satisfies Prisma.QuestionOrderByWithRelationInput[];

/** The questions this person may see in the room: visible ones, their own pending ones, and everything a moderator sees. */
function seenBy(actor: Actor, ctx: RoomContext): Prisma.QuestionWhereInput {
  const statuses = ctx.isMod ? [...MODERATOR_STATUSES] : [...AUDIENCE_STATUSES];
  return { discussionId: ctx.discussion.id, OR: [{ status: { in: statuses } }, { authorId: actor.id, status: 'PENDING' }] };
}

const viewOf = (ctx: RoomContext) => (row: QuestionRow) => (ctx.isMod ? moderatorView(row, ctx.badges) : audienceView(row, ctx.badges));

export async function getRoomState(actor: Actor, ctx: RoomContext): Promise<RoomState> {
  const id = ctx.discussion.id;
  const where = seenBy(actor, ctx);
  const alwaysShown: Prisma.QuestionWhereInput[] = [{ authorId: actor.id }];
  if (ctx.discussion.highlightedQuestionId) alwaysShown.push({ id: ctx.discussion.highlightedQuestionId });
  if (ctx.isMod) alwaysShown.push({ status: 'PENDING' });
  const [top, pinned, questionCount, own, votes, presence] = await Promise.all([
    db().question.findMany({ where, orderBy: RELEVANCE, take: JOIN_QUESTIONS, select: questionSelect }) as Promise<QuestionRow[]>,
    db().question.findMany({ where: { AND: [where, { OR: alwaysShown }] }, orderBy: { createdAt: 'asc' }, take: JOIN_QUESTIONS, select: questionSelect }) as Promise<QuestionRow[]>,
    db().question.count({ where }),
    db().question.findMany({ where: { discussionId: id, authorId: actor.id, status: { not: 'WITHDRAWN' } }, select: { id: true } }),
    db().vote.findMany({ where: { userId: actor.id, question: { discussionId: id } }, select: { questionId: true } }),
    presenceOf(id),
  ]);
  const rows = new Map([...top, ...pinned].map((r) => [r.id, r]));
  const d = ctx.discussion;
  return {
    discussion: {
      id: d.id,
      title: d.title,
      status: d.status,
      startsAt: d.startsAt.toISOString(),
      startedAt: d.startedAt?.toISOString() ?? null,
      endedAt: d.endedAt?.toISOString() ?? null,
      anonymousDefault: d.anonymousDefault,
      moderationMode: d.moderationMode,
      highlightedQuestionId: d.highlightedQuestionId,
    },
    questions: [...rows.values()].map(viewOf(ctx)),
    questionCount,
    nextOffset: questionCount > JOIN_QUESTIONS ? JOIN_QUESTIONS : null,
    mine: own.map((q) => q.id),
    myVotes: votes.map((v) => v.questionId),
    attendeeCount: presence.count,
    ...(ctx.isMod ? { attendees: presence.attendees } : {}),
    role: roleIn(actor, ctx),
    serverTime: Date.now(),
  };
}

/** The next questions after `offset` in the join state's order of relevance, as this person may see them. */
export async function pageQuestions(actor: Actor, raw: unknown): Promise<QuestionPage> {
  const input = pageQuestionsSchema.parse(raw);
  await spendBudget('page', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  if (ctx.phase === 'scheduled' || ctx.phase === 'cancelled') throw new AppError('room_closed', 'This room is not open.');
  const rows = (await db().question.findMany({
    where: seenBy(actor, ctx),
    orderBy: RELEVANCE,
    skip: input.offset,
    take: JOIN_QUESTIONS + 1,
    select: questionSelect,
  })) as QuestionRow[];
  return { questions: rows.slice(0, JOIN_QUESTIONS).map(viewOf(ctx)), nextOffset: rows.length > JOIN_QUESTIONS ? input.offset + JOIN_QUESTIONS : null };
}

export type RoomIntro = {
  id: string;
  title: string;
  agreementText: string;
  startsAt: Date;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
  anonymousDefault: boolean;
};

/** What the live-room page renders before the socket joins (title, agreement, start time). */
export async function getRoomIntro(discussionId: string): Promise<RoomIntro | null> {
  return db().discussion.findUnique({
    where: { id: discussionId },
    select: { id: true, title: true, agreementText: true, startsAt: true, status: true, anonymousDefault: true },
  });
}
