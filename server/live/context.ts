// The room core every room feature builds on: loadRoom (the discussion, the actor's staff role, badges, phase)
// and the checks each feature's commands run: open for questions, moderator, agreement accepted, not muted or
// removed (sanctions, by the server clock).
// Features (questions/, later moderation/ and polls/) import this; nothing here imports a feature.
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { type RoomPhase, roomPhase } from '@/lib/live/phase';
import type { StaffBadge } from '@/lib/live/views';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { db, type Prisma } from '../db/client';
import { canModerate, effectiveStaff, needsAgreement, roomRole, type StaffRole } from './policy';

export type RoomContext = {
  discussion: {
    id: string;
    title: string;
    status: DiscussionStatus;
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
  /** When the rights above were read (ms): a removal after this moment overrides them (joinDiscussion). */
  loadedAt: number;
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
} as const satisfies Prisma.DiscussionSelect;

/** The room as `actor` may act in it now; a discussion that does not exist is `not_found` (commands act on it). */
export async function loadRoom(actor: Actor, discussionId: string, tx: Prisma.TransactionClient = db()): Promise<RoomContext> {
  const loadedAt = Date.now();
  const [discussion, staffRows] = await Promise.all([
    tx.discussion.findUnique({ where: { id: discussionId }, select: discussionSelect }),
    tx.discussionStaff.findMany({ where: { discussionId }, select: { userId: true, role: true, user: { select: { role: true } } } }),
  ]);
  if (!discussion) throw new AppError('not_found', 'That discussion does not exist.');
  const badges = new Map<string, StaffBadge>();
  for (const row of staffRows) {
    const s = effectiveStaff({ id: row.userId, role: row.user.role }, row.role);
    if (s) badges.set(row.userId, s === 'HOST' ? 'host' : 'facilitator');
  }
  const staff = staffRows.find((r) => r.userId === actor.id)?.role ?? null;
  return { discussion, staff, isMod: canModerate(actor, staff), phase: roomPhase(discussion, new Date()), badges, loadedAt };
}

export function roleIn(actor: Actor, ctx: RoomContext) {
  return roomRole(actor, ctx.staff);
}

/** Questions may be asked and voted on in the lobby and while live; the room is read-only otherwise. */
export function assertOpenForQuestions(ctx: RoomContext) {
  if (ctx.phase === 'lobby' || ctx.phase === 'live') return;
  const why =
    ctx.phase === 'ended'
      ? 'This discussion has ended; the room is read-only.'
      : ctx.phase === 'cancelled'
        ? 'This discussion was cancelled.'
        : 'The room opens 15 minutes before the start.';
  throw new AppError('room_closed', why);
}

export function assertModerator(ctx: RoomContext) {
  if (!ctx.isMod) throw new AppError('forbidden', 'Only this discussion’s hosts and facilitators can do that.');
}

/** Members take part only after accepting the discussion agreement (staff enter without it). */
export async function assertAgreed(actor: Actor, ctx: RoomContext) {
  if (!needsAgreement(actor, ctx.staff)) return;
  const ok = await db().agreementAcceptance.findUnique({ where: { discussionId_userId: { discussionId: ctx.discussion.id, userId: actor.id } } });
  if (!ok) throw new AppError('agreement_required', 'Please accept the discussion agreement before taking part.');
}

/** The person's sanction in this discussion that is in force now (a removal first), or null. */
async function activeSanction(userId: string, discussionId: string) {
  const rows = await db().sanction.findMany({
    where: { discussionId, userId, liftedAt: null, OR: [{ kind: 'REMOVE' }, { until: null }, { until: { gt: now() } }] },
    select: { kind: true, until: true, reason: true },
  });
  return rows.find((r) => r.kind === 'REMOVE') ?? rows.sort((a, b) => (b.until?.getTime() ?? Infinity) - (a.until?.getTime() ?? Infinity))[0] ?? null;
}

const REMOVED = 'You were removed from this discussion by its facilitators. You can still join other discussions.';

/** The answer to a removed person's every event in that discussion. */
export const removedError = () => new AppError('removed', REMOVED);

export type ActiveSanction = NonNullable<Awaited<ReturnType<typeof activeSanction>>>;

/** A person removed from the discussion takes no part in it any more (join, vote, ask). Gives the mute in force, if any. */
export async function assertNotRemoved(actor: Actor, ctx: RoomContext): Promise<ActiveSanction | null> {
  if (ctx.isMod) return null;
  const s = await activeSanction(actor.id, ctx.discussion.id);
  if (s?.kind === 'REMOVE') throw removedError();
  return s;
}

/** Asking, editing and resubmitting: refused while muted (by the server clock, F12) or removed. */
export async function assertMaySpeak(actor: Actor, ctx: RoomContext) {
  if (ctx.isMod) return;
  const s = await activeSanction(actor.id, ctx.discussion.id);
  if (!s) return;
  if (s.kind === 'REMOVE') throw removedError();
  const until = s.until?.toISOString() ?? null;
  const left = s.until ? Math.max(1, Math.ceil((s.until.getTime() - now().getTime()) / 60_000)) : null;
  const when = left === null ? 'until the discussion ends' : `for ${left === 1 ? 'about a minute' : `${left} more minutes`}`;
  throw new AppError('muted', `The facilitators paused your questions ${when}. You can still read along and vote.`, undefined, { until });
}
