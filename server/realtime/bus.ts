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
import { atLeast } from '@/lib/users/roles';
import { forgetActor } from '../auth/actor';
import { track } from '../lifecycle';
import { processSingleton } from '../runtime';
import type { SocketData } from './types';

/** Between nodes (scale mode): each node answers with who is in a discussion's room on it. */
type NodeToNodeEvents = {
  'presence:members': (discussionId: string, ack: (members: RoomMember[]) => void) => void;
  /** A person changed (ban, sign-out, role, profile): forget the identity kept for their socket events. */
  'actor:forget': (userId: string) => void;
};

export type Io = Server<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;

// Holder, not the server itself: it is set when realtime starts and cleared when it closes.
const slot = () => processSingleton('io', () => ({ io: null as Io | null }));

/** For server/realtime/ only. */
export function setIo(io: Io | null) {
  slot().io = io;
  if (io) watchRooms(io);
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

/**
 * After a change to the person (ban, sign-out, role, profile): their next socket event, on every node, reads them
 * from the database again. This node forgets at once; the others when the message arrives (and while Redis is
 * unreachable, after the few seconds an identity is kept at most: server/auth/actor.ts).
 */
export function forgetActorEverywhere(userId: string) {
  forgetActor(userId);
  later((io) => io.serverSideEmit('actor:forget', userId));
}

/** Drops every socket of the person, on every node. */
export function disconnectUser(userId: string) {
  forgetActorEverywhere(userId);
  later((io) => io.in(rooms.user(userId)).disconnectSockets(true));
}

/** Drops the sockets of one session (a signed-out cookie), on every node; the person's other sessions stay. */
export function disconnectSession(userId: string, sid: string) {
  forgetActorEverywhere(userId);
  later(async (io) => {
    try {
      const sockets = await io.in(rooms.user(userId)).fetchSockets();
      listings().sockets += sockets.length;
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

const listings = () => processSingleton('socket-listings', () => ({ sockets: 0 }));

/**
 * How many socket entries this node has listed so far (fetching a room's sockets, gathering the moderators'
 * attendee list): the work that grows with a room. Joins and leaves must not add to it (tests, bench).
 */
export function socketsListed(): number {
  return listings().sockets;
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
  listings().sockets += sockets.length;
  return sockets.flatMap((s) => {
    const joined = s.data.joined;
    return joined && joined.discussionId === discussionId
      ? [{ userId: s.data.actor.id, name: s.data.actor.displayName, joinedAt: joined.at, socketId: s.id }]
      : [];
  });
}

/** How long the moderators' list waits for the other nodes' part of it. */
const NODE_ANSWER_MS = 2000;

/**
 * Who is in the discussion's room on every node, for the moderators' attendee list (never for the count): this
 * node's from memory, the others' from their own memory (one request through the adapter, not a listing of
 * sockets). A node that does not answer in time is left out of this list, not waited for.
 */
export async function clusterRoomMembers(discussionId: string): Promise<RoomMember[]> {
  const io = getIo();
  if (!io) return [];
  const here = localRoomMembers(discussionId);
  try {
    let timer: NodeJS.Timeout | undefined;
    const theirs = await Promise.race([
      io.serverSideEmitWithAck('presence:members', discussionId),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('a node did not answer with its attendees')), NODE_ANSWER_MS))),
    ]).finally(() => clearTimeout(timer));
    const all = [...here, ...theirs.flat()];
    listings().sockets += all.length;
    return all;
  } catch (err) {
    warn(err);
    return here;
  }
}

// Who is in each discussion's room on THIS node, kept from the adapter's own join/leave notices, so a count or a
// list never means asking every socket (a join costs the same in an empty room and a full one).
type LocalPerson = { name: string; sockets: Map<string, string> };
type LocalRoom = { people: Map<string, LocalPerson>; bySocket: Map<string, string>; moderators: Set<string> };
type Registry = { rooms: Map<string, LocalRoom>; listeners: Set<(discussionId: string) => void> };

const registry = () => processSingleton<Registry>('local-rooms', () => ({ rooms: new Map(), listeners: new Set() }));

/** Calls `listener` whenever a socket on this node enters or leaves a discussion's room (or its moderators' room). */
export function onRoomMembership(listener: (discussionId: string) => void): () => void {
  const r = registry();
  r.listeners.add(listener);
  return () => void r.listeners.delete(listener);
}

/** People (not sockets) and moderator sockets in the discussion's room on this node. */
export function localRoomCount(discussionId: string): { people: number; moderators: number } {
  const room = registry().rooms.get(discussionId);
  return { people: room?.people.size ?? 0, moderators: room?.moderators.size ?? 0 };
}

/** The discussion's room on this node, one entry per socket. */
export function localRoomMembers(discussionId: string): RoomMember[] {
  const room = registry().rooms.get(discussionId);
  if (!room) return [];
  return [...room.people].flatMap(([userId, p]) => [...p.sockets].map(([socketId, joinedAt]) => ({ userId, name: p.name, joinedAt, socketId })));
}

/** Every discussion with someone in its room on this node. */
export function localRooms(): string[] {
  return [...registry().rooms.keys()];
}

const DISCUSSION = 'discussion:';
const MODS = ':mods';

function watchRooms(io: Io) {
  const adapter = io.of('/').adapter;
  const changed = (discussionId: string) => {
    for (const l of registry().listeners) l(discussionId);
  };
  adapter.on('join-room', (room: string, sid: string) => {
    if (!room.startsWith(DISCUSSION)) return;
    const mods = room.endsWith(MODS);
    const discussionId = room.slice(DISCUSSION.length, mods ? -MODS.length : undefined);
    const actor = io.of('/').sockets.get(sid)?.data.actor;
    if (!actor) return;
    const r = registry().rooms;
    const entry = r.get(discussionId) ?? { people: new Map(), bySocket: new Map(), moderators: new Set() };
    r.set(discussionId, entry);
    if (mods) entry.moderators.add(sid);
    else {
      const person = entry.people.get(actor.id) ?? { name: actor.displayName, sockets: new Map() };
      entry.people.set(actor.id, person);
      person.sockets.set(sid, new Date().toISOString());
      entry.bySocket.set(sid, actor.id);
    }
    changed(discussionId);
  });
  adapter.on('leave-room', (room: string, sid: string) => {
    if (!room.startsWith(DISCUSSION)) return;
    const mods = room.endsWith(MODS);
    const discussionId = room.slice(DISCUSSION.length, mods ? -MODS.length : undefined);
    const r = registry().rooms;
    const entry = r.get(discussionId);
    if (!entry) return;
    if (mods) entry.moderators.delete(sid);
    else {
      const userId = entry.bySocket.get(sid);
      entry.bySocket.delete(sid);
      const person = userId ? entry.people.get(userId) : undefined;
      person?.sockets.delete(sid);
      if (userId && person?.sockets.size === 0) entry.people.delete(userId);
    }
    if (entry.people.size === 0 && entry.moderators.size === 0) r.delete(discussionId);
    changed(discussionId);
  });
  io.on('presence:members', (discussionId, ack) => {
    if (typeof discussionId === 'string' && typeof ack === 'function') ack(localRoomMembers(discussionId));
  });
  io.on('actor:forget', (userId) => {
    if (typeof userId === 'string') forgetActor(userId);
  });
}

/**
 * To the staff (facilitators and up) connected to THIS node: what concerns this node alone, such as it running
 * degraded while Redis is unreachable (the other nodes say so to their own sockets).
 */
export function publishToLocalStaff<E extends ServerEventName>(event: E, payload: ServerEventPayload<E>) {
  later((io) => {
    for (const s of io.of('/').sockets.values()) if (atLeast(s.data.actor?.role, 'FACILITATOR')) (s as unknown as Target).emit(event, payload);
  });
}
