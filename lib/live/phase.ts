// Where a discussion's room stands at a given server time: the one rule for lobby/live gating (F23).
import type { DiscussionStatus } from '../discussions/schema';

export const LOBBY_OPENS_MINUTES = 15;

export type RoomPhase = 'scheduled' | 'lobby' | 'live' | 'ended' | 'cancelled';

type DiscussionTimes = { status: DiscussionStatus; startsAt: Date };

/** `now` must be the server's clock (clients get it through `time:sync`), never the browser's. */
export function roomPhase(d: DiscussionTimes, now: Date): RoomPhase {
  if (d.status === 'CANCELLED') return 'cancelled';
  if (d.status === 'ENDED') return 'ended';
  if (d.status === 'LIVE') return 'live';
  return now.getTime() >= d.startsAt.getTime() - LOBBY_OPENS_MINUTES * 60_000 ? 'lobby' : 'scheduled';
}

/** Milliseconds until the lobby opens (0 when it is open or the discussion is past that point). */
export function msUntilLobby(d: DiscussionTimes, now: Date): number {
  return Math.max(0, d.startsAt.getTime() - LOBBY_OPENS_MINUTES * 60_000 - now.getTime());
}
