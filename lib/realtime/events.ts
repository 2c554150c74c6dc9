// The typed Socket.IO contract shared by server and browser: event maps, ack shape and room names.
import type { Result } from '../result';
import type { RoleName } from '../users/schema';

export type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents {
  /** Server clock for countdowns and gating (F23): clients never trust their own clock. */
  'time:sync': (payload: Record<string, never>, ack: Ack<{ serverTime: number }>) => void;
}

export interface ServerToClientEvents {
  /** Your role or profile changed (e.g. an admin promoted you): refresh what you see. */
  'account:changed': (payload: { role: RoleName; displayName: string }) => void;
  /** Your account was suspended; the server disconnects you right after. */
  'account:suspended': (payload: Record<string, never>) => void;
  /** This node is shutting down; reconnect (to another node in scale mode). */
  'server:shutdown': (payload: { reconnectInMs: number }) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  discussion: (discussionId: string) => `discussion:${discussionId}`,
  discussionMods: (discussionId: string) => `discussion:${discussionId}:mods`,
};

/** Socket.IO limits shared by server and tests. */
export const SOCKET_MAX_BUFFER_BYTES = 32 * 1024;
