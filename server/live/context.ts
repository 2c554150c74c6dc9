// Loads what every live-room command needs: the discussion, the actor's staff role and agreement.
import { AppError } from '@/lib/result';
import { roomPhase, type RoomPhase } from '@/lib/live/phase';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import type { StaffBadge } from '@/lib/live/views';
import type { RoleName } from '@/lib/users/schema';
import { canModerate, effectiveStaff, roomRole, type StaffRole } from './policy';

export type RoomContext = {
  discussion: {
    id: string;
    title: string;
    status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
    startsAt: Date;
    startedAt: Date | null;
    endedAt: Date | null;
    anonymousDefault: boolean;
    moderationMode: 'PRE' | 'POST';
    highlightedQuestionId: string | null;
    visibility: 'PUBLIC' | 'MEMBERS';
  };
  staff: StaffRole;
  isMod: boolean;
  /** Badges of this discussion's hosts and facilitators, for the names shown in the room. */
  badges: ReadonlyMap<string, StaffBadge>;
  phase: RoomPhase;
};

const discussionSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  startedAt: true,
  endedAt: true,
  anonymousDefault: true,
  moderationMode: true,
  highlightedQuestionId: true,
  visibility: true,
} as const;

export async function loadRoom(actor: Actor, discussionId: string, tx: Prisma.TransactionClient = db()): Promise<RoomContext> {
  const [discussion, staffRows] = await Promise.all([
    tx.discussion.findUnique({ where: { id: discussionId }, select: discussionSelect }),
    tx.discussionStaff.findMany({ where: { discussionId }, select: { userId: true, role: true, user: { select: { role: true } } } }),
  ]);
  if (!discussion) throw new AppError('not_found', 'That discussion does not exist.');
  const badges = new Map<string, StaffBadge>();
  for (const row of staffRows) {
    const s = effectiveStaff({ id: row.userId, role: row.user.role as RoleName }, row.role as StaffRole);
    if (s) badges.set(row.userId, s === 'HOST' ? 'host' : 'facilitator');
  }
  const staff = (staffRows.find((r) => r.userId === actor.id)?.role ?? null) as StaffRole;
  return { discussion, staff, isMod: canModerate(actor, staff), phase: roomPhase(discussion, new Date()), badges };
}

export function roleIn(actor: Actor, ctx: RoomContext) {
  return roomRole(actor, ctx.staff);
}

/** Questions may be asked and voted on in the lobby and while live; the room is read-only otherwise. */
export function assertOpenForQuestions(ctx: RoomContext) {
  if (ctx.phase === 'lobby' || ctx.phase === 'live') return;
  const why =
    ctx.phase === 'ended' ? 'This discussion has ended; the room is read-only.'
    : ctx.phase === 'cancelled' ? 'This discussion was cancelled.'
    : 'The room opens 15 minutes before the start.';
  throw new AppError('room_closed', why);
}

export function assertModerator(ctx: RoomContext) {
  if (!ctx.isMod) throw new AppError('forbidden', 'Only this discussion’s hosts and facilitators can do that.');
}
