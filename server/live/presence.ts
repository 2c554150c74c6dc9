// Presence: how many people are in a discussion's room, announced at most 4 times a second per room through the
// shared coalescer; moderators also get the attendee list, the audience only the count. The peak is recorded on
// the discussion.
//
// Flat cost: a join or a leave never lists the room. Each node keeps who is in each room on it
// (server/realtime/bus.ts, from the adapter's join/leave notices). In scale mode each node writes its share
// (people, moderator sockets) into a Redis hash per room, one field per node, and sums the fields of the nodes
// alive (a sorted set of node heartbeats: a node that dies drops out of the sums within NODE_TTL_MS, and one
// that stops leaves at once). Someone with tabs on two nodes counts once on each. The names are gathered only
// for the moderators' list, only when the room has moderators, from each node's memory. While Redis is
// unreachable each node counts its own room alone.
//
// Someone sanctioned through an anonymous question (removed, say) must not vanish from the moderators' attendee
// list at the moment the feed says "Anonymous fox was removed": that would pair the pseudonym with a name (F27).
// So they stay listed, as if present, until their own sockets would have left anyway (each one disconnects or
// leaves the discussion) and at most for LISTED_MS. Scale-mode limit: this memory is per node (the node that
// made the removal); an announcement made by another node (someone joining there) does not know it and lists
// only the sockets really in the room.
import type { Attendee } from '@/lib/live/views';
import { getConfig } from '../config';
import { db } from '../db/client';
import {
  clusterRoomMembers,
  isPublishing,
  localRoomCount,
  localRoomMembers,
  localRooms,
  onRoomMembership,
  publishToAudience,
  publishToModerators,
  type RoomMember,
  roomPresence,
} from '../realtime/bus';
import { coalescer } from '../realtime/coalesce';
import { onRedisHealth, redisClient } from '../redis';
import { nodeId, onStop, processSingleton, startRecurringJob } from '../runtime';

const PRESENCE_INTERVAL_MS = 250; // at most 4 presence messages per second per room
/**
 * A room this big on this node is announced once a second: each announcement is a frame to every socket in it,
 * so in a crowd arriving at once the count's updates would cost more than the joins (measured: npm run bench
 * join-storm, bench/README.md). A count a second old is as good to a crowd.
 */
const BIG_ROOM_PEOPLE = 500;
const BIG_ROOM_INTERVAL_MS = 1000;
/** How long someone sanctioned through an anonymous question stays listed at most. */
const LISTED_MS = 10 * 60_000;
/** A node that has not shown a sign of life for this long no longer counts. */
const NODE_TTL_MS = 15_000;
const HEARTBEAT_MS = 5_000;
/** A room's hash outlives its last change by a day, then Redis forgets it. */
const ROOM_KEY_TTL_MS = 24 * 3600_000;

type Presence = { count: number; attendees: Attendee[] };
type Listed = { attendee: Attendee; sockets: Set<string>; until: number };
type Share = { people: number; moderators: number };

/** discussionId → userId → the attendee entry kept on the moderators' list. */
const stillListed = () => processSingleton('presence-still-listed', () => new Map<string, Map<string, Listed>>());

/**
 * Per room: the other nodes' part of the last attendee list sent to its moderators, so a moderator's join state
 * lists them without asking every node (the next announcement, due with that join, brings it up to date).
 */
const othersListed = () => processSingleton('presence-others-listed', () => new Map<string, RoomMember[]>());

/** Per room: the highest count this node has recorded as the discussion's peak. */
const peaks = () => processSingleton('presence-peaks', () => new Map<string, number>());

const keys = () => {
  const prefix = getConfig().redisKeyPrefix;
  return { nodes: `${prefix}presence:nodes`, room: (discussionId: string) => `${prefix}presence:${discussionId}` };
};

/**
 * The count everyone gets and, read only by whoever uses it (the moderators' join state), the attendee list.
 * One entry per person (their earliest socket), in the order they came in.
 */
export async function presenceOf(discussionId: string): Promise<Presence> {
  wired();
  const others = await clusterShare(discussionId, null);
  const count = localRoomCount(discussionId).people + listedElsewhere(discussionId) + others.people;
  return {
    count,
    get attendees() {
      return attendeesOf(discussionId, [...localRoomMembers(discussionId), ...(others.people ? (othersListed().get(discussionId) ?? []) : [])]);
    },
  };
}

function listedIn(discussionId: string): Listed[] {
  const listed = stillListed().get(discussionId);
  if (!listed) return [];
  const now = Date.now();
  for (const [userId, l] of listed) if (l.until <= now || l.sockets.size === 0) listed.delete(userId);
  if (listed.size === 0) stillListed().delete(discussionId);
  return [...listed.values()];
}

/** People kept listed (after a removal) who are no longer in the room on this node: they still count. */
function listedElsewhere(discussionId: string): number {
  const listed = listedIn(discussionId);
  // Almost always empty: the room is listed only when somebody is kept listed (a join must not cost O(room)).
  if (listed.length === 0) return 0;
  const here = new Set(localRoomMembers(discussionId).map((m) => m.userId));
  return listed.filter((l) => !here.has(l.attendee.userId)).length;
}

function attendeesOf(discussionId: string, members: RoomMember[]): Attendee[] {
  const byUser = new Map<string, Attendee>();
  for (const m of members) {
    const prev = byUser.get(m.userId);
    if (!prev || prev.joinedAt > m.joinedAt) byUser.set(m.userId, { userId: m.userId, name: m.name, joinedAt: m.joinedAt });
  }
  for (const l of listedIn(discussionId)) if (!byUser.has(l.attendee.userId)) byUser.set(l.attendee.userId, l.attendee);
  return [...byUser.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
}

/**
 * Call BEFORE a person named through an anonymous question is taken out of the room (removal): they stay on
 * the moderators' list until each socket they have in the room now leaves on its own, at most LISTED_MS.
 * A moderator's action, rare: it may ask every node for the person's sockets.
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

/**
 * Once per node state: every change to a room on this node is announced (whoever caused it: a join here, a
 * removal made on another node); in scale mode the node beats its heartbeat, re-announces its rooms when another
 * node died or Redis came back, and takes its share out of the sums when it stops.
 */
function wired() {
  processSingleton('presence-wiring', () => {
    onRoomMembership(schedulePresence);
    if (!redisClient()) return true;
    startRecurringJob('presence heartbeat', HEARTBEAT_MS, heartbeat);
    onRedisHealth((h) => {
      if (h.up) announceAllHere();
    });
    // Phase `flush`, registered before the coalescer's hook, so it runs after the last announcement was sent.
    onStop('flush', 'presence share', leaveCluster);
    return true;
  });
}

const presence = () => {
  wired();
  return coalescer(
    'presence',
    (discussionId) => (localRoomCount(discussionId).people >= BIG_ROOM_PEOPLE ? BIG_ROOM_INTERVAL_MS : PRESENCE_INTERVAL_MS),
    announcePresence,
  );
};

/** Someone joined or left the room: one announcement per room per interval. */
export function schedulePresence(discussionId: string) {
  presence().mark(discussionId);
}

function announceAllHere() {
  for (const id of localRooms()) schedulePresence(id);
}

async function announcePresence(discussionId: string) {
  if (!isPublishing()) return; // realtime has closed
  const here = localRoomCount(discussionId);
  const others = await clusterShare(discussionId, here);
  const count = here.people + listedElsewhere(discussionId) + others.people;
  publishToAudience(discussionId, 'presence:changed', { discussionId, count });
  if (here.moderators + others.moderators > 0) {
    // Names only for moderators, and from the other nodes only when they have someone in the room.
    const members = others.people ? await clusterRoomMembers(discussionId) : localRoomMembers(discussionId);
    const mine = new Set(localRoomMembers(discussionId).map((m) => m.socketId));
    if (others.people)
      othersListed().set(
        discussionId,
        members.filter((m) => !mine.has(m.socketId)),
      );
    else othersListed().delete(discussionId);
    publishToModerators(discussionId, 'presence:changed', { discussionId, count, attendees: attendeesOf(discussionId, members) });
  }
  if (count === 0) {
    peaks().delete(discussionId);
    return;
  }
  if ((peaks().get(discussionId) ?? 0) >= count) return;
  peaks().set(discussionId, count);
  await db().discussion.updateMany({ where: { id: discussionId, peakAttendance: { lt: count } }, data: { peakAttendance: count } });
}

/**
 * The other live nodes' share of the room (scale mode; zero otherwise or while Redis is unreachable). With `mine`,
 * this node's share is written first, in the same round trip: a constant number of commands, whatever the size.
 */
async function clusterShare(discussionId: string, mine: Share | null): Promise<Share> {
  const redis = redisClient();
  if (redis?.status !== 'ready') return { people: 0, moderators: 0 };
  const k = keys();
  const me = nodeId();
  const now = Date.now();
  const batch = redis.pipeline();
  if (mine) {
    batch.zadd(k.nodes, now, me);
    if (mine.people + mine.moderators > 0) batch.hset(k.room(discussionId), me, `${mine.people}:${mine.moderators}`);
    else batch.hdel(k.room(discussionId), me);
    batch.pexpire(k.room(discussionId), ROOM_KEY_TTL_MS);
  }
  batch.hgetall(k.room(discussionId));
  batch.zrangebyscore(k.nodes, now - NODE_TTL_MS, '+inf');
  try {
    const results = (await batch.exec()) ?? [];
    const [[fieldsErr, fields], [aliveErr, alive]] = results.slice(-2) as [[Error | null, Record<string, string>], [Error | null, string[]]];
    if (fieldsErr || aliveErr) throw fieldsErr ?? aliveErr;
    const live = new Set(alive);
    const sum: Share = { people: 0, moderators: 0 };
    for (const [node, value] of Object.entries(fields)) {
      if (node === me || !live.has(node)) continue;
      const [people, moderators] = value.split(':').map(Number);
      sum.people += people || 0;
      sum.moderators += moderators || 0;
    }
    return sum;
  } catch (err) {
    console.warn('[fireside] presence: could not read the other nodes’ counts:', err instanceof Error ? err.message : err);
    return { people: 0, moderators: 0 };
  }
}

/** This node is alive; a node that stopped beating is dropped, and the rooms here are announced again without it. */
async function heartbeat() {
  const redis = redisClient();
  if (redis?.status !== 'ready') return;
  const k = keys();
  const now = Date.now();
  const [, dead] = ((await redis
    .pipeline()
    .zadd(k.nodes, now, nodeId())
    .zrangebyscore(k.nodes, '-inf', now - NODE_TTL_MS)
    .exec()) ?? []) as [unknown, [Error | null, string[]]];
  if (dead?.[1]?.length) {
    await redis.zrem(k.nodes, ...dead[1]);
    announceAllHere();
  }
}

/** Shutdown: this node's share leaves every room's sum at once, so the others' counts are right without it. */
async function leaveCluster() {
  const redis = redisClient();
  if (redis?.status !== 'ready') return;
  const k = keys();
  const batch = redis.pipeline().zrem(k.nodes, nodeId());
  for (const id of localRooms()) batch.hdel(k.room(id), nodeId());
  await batch.exec().catch(() => {});
}
