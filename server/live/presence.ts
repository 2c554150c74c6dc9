// Presence: who is in a discussion's room, from the sockets in its room on every node (server/realtime/bus.ts
// roomPresence), announced at most 4 times a second per room through the shared coalescer; moderators get the
// attendee list, the audience only the count. The peak is recorded on the discussion.
import type { Attendee } from '@/lib/live/views';
import { db } from '../db/client';
import { publishToAudience, publishToModerators, type RoomMember, roomPresence } from '../realtime/bus';
import { coalescer } from '../realtime/coalesce';

const PRESENCE_INTERVAL_MS = 250; // at most 4 presence messages per second per room

type Presence = { count: number; attendees: Attendee[] };

/** One entry per person (their earliest socket), in the order they came in. Nobody without a realtime server. */
export async function presenceOf(discussionId: string): Promise<Presence> {
  return attendeesOf((await roomPresence(discussionId)) ?? []);
}

function attendeesOf(members: RoomMember[]): Presence {
  const byUser = new Map<string, Attendee>();
  for (const m of members) {
    const prev = byUser.get(m.userId);
    if (!prev || prev.joinedAt > m.joinedAt) byUser.set(m.userId, m);
  }
  const attendees = [...byUser.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return { count: attendees.length, attendees };
}

const presence = () => coalescer('presence', PRESENCE_INTERVAL_MS, announcePresence);

/** Someone joined or left the room: one announcement per room per interval. */
export function schedulePresence(discussionId: string) {
  presence().mark(discussionId);
}

async function announcePresence(discussionId: string) {
  const members = await roomPresence(discussionId);
  if (!members) return; // realtime has closed
  const { count, attendees } = attendeesOf(members);
  publishToAudience(discussionId, 'presence:changed', { discussionId, count });
  publishToModerators(discussionId, 'presence:changed', { discussionId, count, attendees });
  await db().discussion.updateMany({ where: { id: discussionId, peakAttendance: { lt: count } }, data: { peakAttendance: count } });
}
