// Room use cases: join (with the agreement), start and end. Transports pass `enter` to attach the caller
// (a socket joining its rooms) after the checks; the join returns the room as it stands once entered, from which
// the transport reads the join state (server/live/queries.ts getRoomCore plus each feature's part).
import { LOBBY_OPENS_MINUTES } from '@/lib/live/phase';
import { discussionRefSchema, joinDiscussionSchema } from '@/lib/live/schema';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { track } from '../lifecycle';
import { moderatorRightsEndedSince, publishToRoom } from '../realtime/bus';
import { createRecapDraft } from '../recaps/commands';
import { spendBudget } from './budgets';
import { type ActiveSanction, assertNotRemoved, loadRoom, type RoomContext } from './context';
import { canHost, canModerate, needsAgreement } from './policy';

/** The room as entered, with the person's sanction in force then (a mute; a removal refuses the join). */
export type JoinedRoom = RoomContext & { sanction: ActiveSanction | null };

/**
 * `enter` attaches the caller to the room (with the rights of the ctx it gets); `leave` detaches it again when
 * the join fails after entering (a removal that committed meanwhile).
 */
export async function joinDiscussion(
  actor: Actor,
  raw: unknown,
  enter: (ctx: RoomContext) => Promise<void> | void = () => {},
  leave: () => Promise<void> | void = () => {},
): Promise<JoinedRoom> {
  const input = joinDiscussionSchema.parse(raw);
  await spendBudget('join', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  if (ctx.phase === 'scheduled') {
    const opens = new Date(ctx.discussion.startsAt.getTime() - LOBBY_OPENS_MINUTES * 60_000);
    throw new AppError('room_closed', `The room opens at ${opens.toISOString()} (15 minutes before the start).`);
  }
  if (ctx.phase === 'cancelled') throw new AppError('room_closed', 'This discussion was cancelled.');
  // Removed by its facilitators: no way back into this discussion (staff cannot be removed).
  await assertNotRemoved(actor, ctx);
  if (ctx.phase !== 'ended' && needsAgreement(actor, ctx.staff)) {
    const key = { discussionId_userId: { discussionId: ctx.discussion.id, userId: actor.id } };
    const accepted = await db().agreementAcceptance.findUnique({ where: key });
    if (!accepted) {
      if (!input.acceptAgreement) throw new AppError('agreement_required', 'Please read and accept the discussion agreement to enter.');
      try {
        await db().agreementAcceptance.create({ data: { discussionId: ctx.discussion.id, userId: actor.id } });
      } catch (err) {
        // Two tabs of one person accepting at the same moment: the other one's acceptance is as good as this one.
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }
  // Rights can change while the socket enters its rooms (a host edits the staff list at that moment). So: enter,
  // read the rights again, and let a removal seen on this node since the first read win over both reads (the
  // removal leaves the moderators' room before its commit, so a read may still see the old staff row).
  const rightsOf = (c: RoomContext): RoomContext =>
    c.isMod && moderatorRightsEndedSince(actor.id, c.discussion.id, ctx.loadedAt) ? { ...c, staff: null, isMod: canModerate(actor, null) } : c;
  const first = rightsOf(ctx);
  await enter(first);
  try {
    const now = rightsOf(await loadRoom(actor, ctx.discussion.id));
    // A removal can commit between the check above and the entering, and its sockets-leave may have run before
    // this socket entered: read the sanctions again now that it is in.
    const sanction = await assertNotRemoved(actor, now);
    if (now.isMod !== first.isMod) await enter(now);
    return { ...now, sanction };
  } catch (err) {
    // Never leave a socket in the room (or the moderators' room) on a failed join.
    await leave();
    throw err;
  }
}

async function transition(actor: Actor, raw: unknown, to: 'LIVE' | 'ENDED') {
  const { discussionId } = discussionRefSchema.parse(raw);
  await spendBudget('startEnd', actor.id);
  const ctx = await loadRoom(actor, discussionId);
  if (!canHost(actor, ctx.staff)) throw new AppError('forbidden', 'Only this discussion’s hosts can start or end it.');
  const from = to === 'LIVE' ? 'lobby' : 'live';
  if (ctx.phase !== from) {
    throw new AppError('conflict', to === 'LIVE' ? 'The discussion can be started once its lobby is open.' : 'Only a live discussion can be ended.');
  }
  const now = new Date();
  // Conditional update: two hosts pressing at once change the state once.
  const changed = await db().discussion.updateMany({
    where: { id: discussionId, status: to === 'LIVE' ? 'SCHEDULED' : 'LIVE' },
    data: to === 'LIVE' ? { status: 'LIVE', startedAt: now } : { status: 'ENDED', endedAt: now, highlightedQuestionId: null },
  });
  if (changed.count === 0) return null;
  const d = await db().discussion.findUniqueOrThrow({ where: { id: discussionId }, select: { status: true, startedAt: true, endedAt: true } });
  publishToRoom(discussionId, 'discussion:state', {
    discussionId,
    status: d.status,
    startedAt: d.startedAt?.toISOString() ?? null,
    endedAt: d.endedAt?.toISOString() ?? null,
  });
  if (to === 'ENDED' && ctx.discussion.highlightedQuestionId) publishToRoom(discussionId, 'question:highlighted', { questionId: null });
  // The host's draft recap, once the room has heard that it ended: on its own, after the ack, so a long discussion's
  // draft never delays the end (tracked: shutdown waits for it). Should it fail, the recap page makes it.
  if (to === 'ENDED') void track(createRecapDraft(discussionId).catch((err) => console.error('[fireside] recap draft', err)));
  return null;
}

export const startDiscussion = (actor: Actor, raw: unknown) => transition(actor, raw, 'LIVE');
export const endDiscussion = (actor: Actor, raw: unknown) => transition(actor, raw, 'ENDED');
