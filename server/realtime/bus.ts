// The only way the domain reaches sockets: commands hand already-built payloads (audience and moderator views
// are made in the domain, e.g. server/questions/views.ts) to these functions, and nothing outside
// server/realtime/ touches the Socket.IO server (a test greps for it).
//
// One rule for when a publication happens: every publication is deferred to the next turn of the event loop
// (setImmediate). Callers publish after their write has committed; a socket command's ack is handed to the
// transport in the same turn the command returns (server/realtime/handler.ts), so the order on the wire is
// always write → ack → broadcast, whoever calls. Deferred publications are tracked as in-flight work, so
// shutdown sends them before it closes any socket (F25). Without a Socket.IO server (scripts, unit tests)
// publishing is a no-op: the write has already happened and is the source of truth.
import type { Server } from 'socket.io';
import { type ClientToServerEvents, rooms, type ServerEventName, type ServerEventPayload, type ServerToClientEvents } from '@/lib/realtime/events';
import { track } from '../lifecycle';
import { processSingleton } from '../runtime';
import type { SocketData } from './types';

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// Holder, not the server itself: it is set when realtime starts and cleared when it closes.
const slot = () => processSingleton('io', () => ({ io: null as Io | null }));

/** For server/realtime/ only. */
export function setIo(io: Io | null) {
  slot().io = io;
}

/** For server/realtime/ only. */
export function getIo(): Io | null {
  return slot().io;
}

/** False without a Socket.IO server (scripts, unit tests, after shutdown): publications would go nowhere. */
export function isPublishing(): boolean {
  return getIo() !== null;
}

// Socket.IO's emit typing cannot follow a generic event name; the exported signatures keep callers typed.
type Target = { emit(event: string, payload: unknown): void };

function later(send: (io: Io) => unknown) {
  if (!getIo()) return;
  void track(
    new Promise<void>((resolve) =>
      setImmediate(() => {
        try {
          const io = getIo();
          const sent = io ? send(io) : null;
          if (sent instanceof Promise) return void sent.catch(warn).finally(resolve);
        } catch (err) {
          warn(err);
        }
        resolve();
      }),
    ),
  );
}

function warn(err: unknown) {
  console.warn('[fireside] publish failed:', err instanceof Error ? err.message : err);
}

/** To everyone in the discussion's room, audience and moderators alike. */
export function publishToRoom<E extends ServerEventName>(discussionId: string, event: E, payload: ServerEventPayload<E>) {
  later((io) => (io.to(rooms.discussion(discussionId)) as Target).emit(event, payload));
}

/** To the discussion's audience only (its moderators get their own view through publishToModerators). */
export function publishToAudience<E extends ServerEventName>(discussionId: string, event: E, payload: ServerEventPayload<E>) {
  later((io) => (io.to(rooms.discussion(discussionId)).except(rooms.discussionMods(discussionId)) as Target).emit(event, payload));
}

/**
 * To the discussion's moderators (hosts, facilitators, admins in the room), and with `andUser` also to that
 * person's sockets (the author of a question the audience may not see): each socket gets it once.
 */
export function publishToModerators<E extends ServerEventName>(
  discussionId: string,
  event: E,
  payload: ServerEventPayload<E>,
  opts: { andUser?: string } = {},
) {
  later((io) => {
    const mods = io.to(rooms.discussionMods(discussionId));
    ((opts.andUser ? mods.to(rooms.user(opts.andUser)) : mods) as Target).emit(event, payload);
  });
}

/** To every socket of one person, on every node (through the adapter). */
export function publishToUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>) {
  later((io) => (io.to(rooms.user(userId)) as Target).emit(event, payload));
}

/** Drops every socket of the person, on every node. */
export function disconnectUser(userId: string) {
  later((io) => io.in(rooms.user(userId)).disconnectSockets(true));
}

/** Drops the sockets of one session (a signed-out cookie), on every node; the person's other sessions stay. */
export function disconnectSession(userId: string, sid: string) {
  later(async (io) => {
    try {
      const sockets = await io.in(rooms.user(userId)).fetchSockets();
      for (const s of sockets) if (s.data.claims?.sid === sid) s.disconnect(true);
    } catch (err) {
      // Another node did not answer in time: its sockets of this session are refused at their next event anyway.
      console.error('[fireside] could not drop the sockets of a revoked session', err);
    }
  });
}

// When someone's moderator rights in a discussion last ended on this node: a join that read the rights before
// that moment must not enter the moderators' room (checked synchronously right before entering it, so a removal
// landing between the join's read and its entering is never missed). Kept for a minute, far longer than a join.
const REMOVAL_MEMORY_MS = 60_000;
const moderatorRemovals = () => processSingleton('moderator-removals', () => new Map<string, number>());

// The same for removals from a discussion (participant:remove): a join that passed the removal check before the
// removal's sockets left must not enter the room after it (checked right before entering; the join also reads the
// sanctions again after entering, which covers removals made on other nodes).
const participantRemovals = () => processSingleton('participant-removals', () => new Map<string, number>());

function remember(memory: Map<string, number>, key: string) {
  const now = Date.now();
  for (const [k, at] of memory) if (now - at > REMOVAL_MEMORY_MS) memory.delete(k);
  memory.set(key, now);
}

/** True when the user was removed from the discussion (on this node) at or after `since` (ms). */
export function removedFromDiscussionSince(userId: string, discussionId: string, since: number): boolean {
  return (participantRemovals().get(`${userId}:${discussionId}`) ?? -1) >= since;
}

/** True when the user's moderator rights in the discussion ended (on this node) at or after `since` (ms). */
export function moderatorRightsEndedSince(userId: string, discussionId: string, since: number): boolean {
  return (moderatorRemovals().get(`${userId}:${discussionId}`) ?? -1) >= since;
}

/**
 * Takes every socket of the user, on every node (through the adapter), out of a discussion's moderators' room AT
 * ONCE: unlike publications this is not deferred, because it is a privacy cut that must come before anything
 * published after it. Commands call it before their change commits (so no moderator frame goes out while the
 * commit completes) and again through moveOutOfModerators after it (in case a join slipped in between).
 */
export function leaveModerators(userId: string, discussionId: string) {
  remember(moderatorRemovals(), `${userId}:${discussionId}`);
  const sent = getIo()?.in(rooms.user(userId)).socketsLeave(rooms.discussionMods(discussionId)) as unknown;
  if (sent instanceof Promise) sent.catch(warn);
}

/**
 * After a change that ended someone's staff rights has committed: out of the moderators' room at once, and their
 * clients are told to re-join, so they get the audience view.
 */
export function moveOutOfModerators(userId: string, discussionId: string) {
  leaveModerators(userId, discussionId);
  publishToUser(userId, 'discussion:rights-changed', { discussionId });
}

/**
 * A person removed from a discussion: every socket of theirs, on every node (through the adapter), leaves the
 * discussion's rooms AT ONCE (not deferred: nothing published after the removal may reach them), then they are
 * told why. Their sockets stay connected (other discussions, notifications); joining this one is refused.
 */
export function removeFromDiscussion(userId: string, discussionId: string, notice: ServerEventPayload<'participant:sanctioned'>) {
  remember(participantRemovals(), `${userId}:${discussionId}`);
  const sent = getIo()
    ?.in(rooms.user(userId))
    .socketsLeave([rooms.discussion(discussionId), rooms.discussionMods(discussionId)]) as unknown;
  if (sent instanceof Promise) sent.catch(warn);
  publishToUser(userId, 'participant:sanctioned', notice);
}

/** Someone became staff of a discussion: their clients re-join to get the moderator view. */
export function announceRightsChanged(userId: string, discussionId: string) {
  publishToUser(userId, 'discussion:rights-changed', { discussionId });
}

/** One socket in a discussion's room: who, and since when (an ISO time). `socketId` stays on the server. */
export type RoomMember = { userId: string; name: string; joinedAt: string; socketId: string };

/**
 * Who is in the discussion's room right now, one entry per socket, on every node (through the adapter); null
 * without a Socket.IO server. A read, not a publication: it is answered at once.
 */
export async function roomPresence(discussionId: string): Promise<RoomMember[] | null> {
  const io = getIo();
  if (!io) return null;
  const sockets = await io.in(rooms.discussion(discussionId)).fetchSockets();
  return sockets.flatMap((s) => {
    const joined = s.data.joined;
    return joined && joined.discussionId === discussionId
      ? [{ userId: s.data.actor.id, name: s.data.actor.displayName, joinedAt: joined.at, socketId: s.id }]
      : [];
  });
}
