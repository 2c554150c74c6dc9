// Presence: who is in a discussion's room, from the sockets in its room on every node (server/realtime/bus.ts
// roomPresence), announced at most 4 times a second per room through the shared coalescer; moderators get the
// attendee list, the audience only the count. The peak is recorded on the discussion.
//
// Someone sanctioned through an anonymous question (removed, say) must not vanish from the moderators' attendee
// list at the moment the feed says "Anonymous fox was removed": that would pair the pseudonym with a name (F27).
// So they stay listed, as if present, until their own sockets would have left anyway (each one disconnects or
// leaves the discussion) and at most for LISTED_MS. Scale-mode limit: this memory is per node (the node that
// made the removal); an announcement made by another node (someone joining there) does not know it and lists
// only the sockets really in the room.
import type { Attendee } from '@/lib/live/views';
import { db } from '../db/client';
import { publishToAudience, publishToModerators, type RoomMember, roomPresence } from '../realtime/bus';
import { coalescer } from '../realtime/coalesce';
import { processSingleton } from '../runtime';

const PRESENCE_INTERVAL_MS = 250; // at most 4 presence messages per second per room
/** How long someone sanctioned through an anonymous question stays listed at most. */
const LISTED_MS = 10 * 60_000;

type Presence = { count: number; attendees: Attendee[] };
type Listed = { attendee: Attendee; sockets: Set<string>; until: number };

/** discussionId → userId → the attendee entry kept on the moderators' list. */
const stillListed = () => processSingleton('presence-still-listed', () => new Map<string, Map<string, Listed>>());

/** One entry per person (their earliest socket), in the order they came in. Nobody without a realtime server. */
export async function presenceOf(discussionId: string): Promise<Presence> {
  return attendeesOf(discussionId, (await roomPresence(discussionId)) ?? []);
}

function listedIn(discussionId: string): Listed[] {
  const listed = stillListed().get(discussionId);
  if (!listed) return [];
  const now = Date.now();
  for (const [userId, l] of listed) if (l.until <= now || l.sockets.size === 0) listed.delete(userId);
  if (listed.size === 0) stillListed().delete(discussionId);
  return [...listed.values()];
}

function attendeesOf(discussionId: string, members: RoomMember[]): Presence {
  const byUser = new Map<string, Attendee>();
  for (const m of members) {
    const prev = byUser.get(m.userId);
    if (!prev || prev.joinedAt > m.joinedAt) byUser.set(m.userId, { userId: m.userId, name: m.name, joinedAt: m.joinedAt });
  }
  for (const l of listedIn(discussionId)) if (!byUser.has(l.attendee.userId)) byUser.set(l.attendee.userId, l.attendee);
  const attendees = [...byUser.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return { count: attendees.length, attendees };
}

/**
 * Call BEFORE a person named through an anonymous question is taken out of the room (removal): they stay on
 * the moderators' list until each socket they have in the room now leaves on its own, at most LISTED_MS.
 */
export async function keepListed(discussionId: string, userId: string): Promise<void> {
  const theirs = ((await roomPresence(discussionId)) ?? []).filter((m) => m.userId === userId);
  if (!theirs.length) return;
  const first = theirs.reduce((a, b) => (a.joinedAt <= b.joinedAt ? a : b));
  const listed = stillListed().get(discussionId) ?? new Map<string, Listed>();
  stillListed().set(discussionId, listed);
  listed.set(userId, {
    attendee: { userId, name: first.name, joinedAt: first.joinedAt },
    sockets: new Set(theirs.map((m) => m.socketId)),
    until: Date.now() + LISTED_MS,
  });
}

/** A socket left the discussion on its own (disconnected, left, joined another): it no longer keeps its person listed. */
export function socketLeftRoom(discussionId: string, socketId: string) {
  const listed = stillListed().get(discussionId);
  if (!listed) return;
  for (const l of listed.values()) l.sockets.delete(socketId);
}

const presence = () => coalescer('presence', PRESENCE_INTERVAL_MS, announcePresence);

/** Someone joined or left the room: one announcement per room per interval. */
export function schedulePresence(discussionId: string) {
  presence().mark(discussionId);
}

async function announcePresence(discussionId: string) {
  const members = await roomPresence(discussionId);
  if (!members) return; // realtime has closed
  const { count, attendees } = attendeesOf(discussionId, members);
  publishToAudience(discussionId, 'presence:changed', { discussionId, count });
  publishToModerators(discussionId, 'presence:changed', { discussionId, count, attendees });
  await db().discussion.updateMany({ where: { id: discussionId, peakAttendance: { lt: count } }, data: { peakAttendance: count } });
}
