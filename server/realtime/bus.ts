// Publishing from commands to connected sockets. The Socket.IO server lives on globalThis because Next's
// bundle (server actions) and the custom server load this module separately. Without a server (scripts,
// unit tests) publishing is a no-op: the write has already happened and is the source of truth.
import type { Server } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerEventName, type ServerEventPayload, type ServerToClientEvents } from '@/lib/realtime/events';
import type { SocketData } from './types';

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
const g = globalThis as { __firesideIo?: Io | null };

export function setIo(io: Io | null) {
  g.__firesideIo = io;
}

export function getIo(): Io | null {
  return g.__firesideIo ?? null;
}

export function publishToUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>) {
  // Socket.IO's emit typing cannot follow a generic event name; this function's signature keeps callers typed.
  const room = getIo()?.to(rooms.user(userId)) as { emit(event: string, payload: unknown): void } | undefined;
  room?.emit(event, payload);
}

/** Drops every socket of the user, on every node (through the adapter). */
export function disconnectUser(userId: string) {
  getIo()?.in(rooms.user(userId)).disconnectSockets(true);
}

/**
 * Takes every socket of the user, on every node (through the adapter), out of a discussion's moderators' room
 * at once, and asks their clients to re-join so they get the audience view. Called right after the change that
 * ended their staff rights commits, so no later moderator frame reaches them.
 */
export function moveOutOfModerators(userId: string, discussionId: string) {
  const io = getIo();
  if (!io) return;
  io.in(rooms.user(userId)).socketsLeave(rooms.discussionMods(discussionId));
  publishToUser(userId, 'discussion:rights-changed', { discussionId });
}

/** Someone became staff of a discussion: their clients re-join to get the moderator view. */
export function announceRightsChanged(userId: string, discussionId: string) {
  publishToUser(userId, 'discussion:rights-changed', { discussionId });
}
