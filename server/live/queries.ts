// The room core's reads: what the live-room page renders before the socket joins, and the core's part of the
// join state (discussion, presence, the person's role). Each room feature adds its own part (questions:
// server/questions/queries.ts); the socket edge puts them together.
import type { DiscussionStatus } from '@/lib/discussions/schema';
import type { RoomCore } from '@/lib/live/views';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { db } from '../db/client';
import type { JoinedRoom } from './commands';
import { roleIn } from './context';
import { presenceOf } from './presence';

/** The room core's part of the join state, for a room `ctx` that `actor` has just entered (its sanction read then). */
export async function getRoomCore(actor: Actor, ctx: JoinedRoom): Promise<RoomCore> {
  const d = ctx.discussion;
  const presence = await presenceOf(d.id);
  const sanction = ctx.sanction;
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
    attendeeCount: presence.count,
    ...(ctx.isMod ? { attendees: presence.attendees } : {}),
    role: roleIn(actor, ctx),
    // The server's clock (server/clock.ts), so the client's mute countdown agrees with the refusals.
    serverTime: now().getTime(),
    // Only a mute: a removed person's join is refused ('removed') before this is read.
    mySanction: sanction?.kind === 'MUTE' ? { kind: 'mute', until: sanction.until?.toISOString() ?? null, reason: sanction.reason } : null,
  };
}

export type RoomIntro = {
  id: string;
  title: string;
  agreementText: string;
  startsAt: Date;
  status: DiscussionStatus;
  anonymousDefault: boolean;
};

/** What the live-room page renders before the socket joins (title, agreement, start time); null when absent. */
export async function getRoomIntro(discussionId: string): Promise<RoomIntro | null> {
  return db().discussion.findUnique({
    where: { id: discussionId },
    select: { id: true, title: true, agreementText: true, startsAt: true, status: true, anonymousDefault: true },
  });
}
