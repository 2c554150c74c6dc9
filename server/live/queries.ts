// The room state a joiner receives in one message: discussion, questions, tallies, own questions and votes.
import type { RoomState } from '@/lib/live/views';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { audienceView, AUDIENCE_STATUSES, moderatorView, MODERATOR_STATUSES, questionSelect, type QuestionRow } from '../questions/views';
import { roleIn, type RoomContext } from './context';
import { presenceOf } from './presence';

export async function getRoomState(actor: Actor, ctx: RoomContext): Promise<RoomState> {
  const id = ctx.discussion.id;
  const statuses = ctx.isMod ? [...MODERATOR_STATUSES] : [...AUDIENCE_STATUSES];
  const [rows, own, votes, presence] = await Promise.all([
    db().question.findMany({
      where: { discussionId: id, OR: [{ status: { in: statuses } }, { authorId: actor.id, status: 'PENDING' }] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: questionSelect,
    }) as Promise<QuestionRow[]>,
    db().question.findMany({ where: { discussionId: id, authorId: actor.id, status: { not: 'WITHDRAWN' } }, select: { id: true } }),
    db().vote.findMany({ where: { userId: actor.id, question: { discussionId: id } }, select: { questionId: true } }),
    presenceOf(id),
  ]);
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
    questions: rows.map(ctx.isMod ? moderatorView : audienceView),
    mine: own.map((q) => q.id),
    myVotes: votes.map((v) => v.questionId),
    attendeeCount: presence.count,
    ...(ctx.isMod ? { attendees: presence.attendees } : {}),
    role: roleIn(actor, ctx),
    serverTime: Date.now(),
  };
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
