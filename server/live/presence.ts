// Presence: who is in a discussion's room, computed from the sockets in its room on every node (through the
// adapter), announced at most 4 times a second per room; the peak is recorded on the discussion.
import { rooms } from '@/lib/realtime/events';
import type { Attendee } from '@/lib/live/views';
import { db } from '../db/client';
import { getIo } from '../realtime/bus';

export const PRESENCE_INTERVAL_MS = 250;

export async function presenceOf(discussionId: string): Promise<{ count: number; attendees: Attendee[] }> {
  const io = getIo();
  if (!io) return { count: 0, attendees: [] };
  const sockets = await io.in(rooms.discussion(discussionId)).fetchSockets();
  const byUser = new Map<string, Attendee>();
  for (const s of sockets) {
    const joined = s.data.joined;
    if (!joined || joined.discussionId !== discussionId) continue;
    const prev = byUser.get(s.data.actor.id);
    if (!prev || prev.joinedAt > joined.at) byUser.set(s.data.actor.id, { userId: s.data.actor.id, name: s.data.actor.displayName, joinedAt: joined.at });
  }
  const attendees = [...byUser.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return { count: attendees.length, attendees };
}

const g = globalThis as { __firesidePresenceTimers?: Map<string, NodeJS.Timeout> };
const timers = (g.__firesidePresenceTimers ??= new Map());

/** Coalesces joins/leaves: one announcement per room per interval. */
export function schedulePresence(discussionId: string) {
  if (timers.has(discussionId)) return;
  timers.set(
    discussionId,
    setTimeout(() => {
      timers.delete(discussionId);
      void announcePresence(discussionId).catch((err) => console.warn('[fireside] presence:', err.message));
    }, PRESENCE_INTERVAL_MS),
  );
}

async function announcePresence(discussionId: string) {
  const io = getIo();
  if (!io) return;
  const { count, attendees } = await presenceOf(discussionId);
  io.to(rooms.discussion(discussionId)).except(rooms.discussionMods(discussionId)).emit('presence:changed', { discussionId, count });
  io.to(rooms.discussionMods(discussionId)).emit('presence:changed', { discussionId, count, attendees });
  await db().discussion.updateMany({ where: { id: discussionId, peakAttendance: { lt: count } }, data: { peakAttendance: count } });
}

export function stopPresenceTimers() {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
}
