// Live-room fixtures: discussions written straight into the test server's database (real rows, no mocks),
// and signed-in sockets for demo users, on a full-process server (harness.ts) or an in-process one
// (in-process-server.ts, which mints session cookies itself).
import { randomUUID } from 'node:crypto';
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { createDb, type Db } from '../db/client';
import { connectSocket, DEMO_PASSWORD, signIn, type TestServer, type TestSocket } from './harness';

export function openDb(server: TestServer): Db {
  return createDb(server.databaseUrl);
}

let members = 0;
/** A new member account of its own (for a test that must not share a demo member's budgets); returns the email. */
export async function createMember(db: Db, displayName = `Member ${++members}`): Promise<string> {
  const email = `member-${randomUUID().slice(0, 8)}@example.org`;
  await db.user.create({ data: { email, displayName, passwordHash: 'x', role: 'MEMBER' } });
  return email;
}

export async function userId(db: Db, email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

export async function createDiscussion(
  db: Db,
  opts: {
    startsInMinutes?: number;
    status?: DiscussionStatus;
    hostEmail?: string;
    facilitatorEmails?: string[];
    anonymousDefault?: boolean;
    moderationMode?: 'PRE' | 'POST';
  } = {},
): Promise<string> {
  const hostId = await userId(db, opts.hostEmail ?? 'rowan@example.org');
  const startsAt = new Date(Date.now() + (opts.startsInMinutes ?? 5) * 60_000);
  const staff = [
    { userId: hostId, role: 'HOST' as const },
    ...(await Promise.all((opts.facilitatorEmails ?? ['sam@example.org']).map(async (e) => ({ userId: await userId(db, e), role: 'FACILITATOR' as const })))),
  ];
  const d = await db.discussion.create({
    data: {
      title: `Integration circle ${randomUUID().slice(0, 8)}`,
      description: 'A test discussion.',
      startsAt,
      timeZone: 'UTC',
      localStart: startsAt.toISOString().slice(0, 16),
      durationMinutes: 60,
      agreementText: 'Be kind. What is shared here stays here.',
      status: opts.status ?? 'SCHEDULED',
      startedAt: opts.status === 'LIVE' ? new Date() : null,
      anonymousDefault: opts.anonymousDefault ?? false,
      moderationMode: opts.moderationMode ?? 'POST',
      createdById: hostId,
      staff: { create: staff },
    },
  });
  return d.id;
}

/** What updateDiscussionAction needs to save a discussion as stored, with the given staff (hosts edit staff). */
export async function discussionEditInput(db: Db, discussionId: string, staff: { hostIds: string[]; facilitatorIds: string[] }) {
  const d = await db.discussion.findUniqueOrThrow({ where: { id: discussionId } });
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    ...staff,
    modalityIds: [],
    articleIds: [],
    localStart: d.localStart,
    timeZone: d.timeZone,
    durationMinutes: d.durationMinutes,
    capacity: d.capacity,
    visibility: d.visibility,
    moderationMode: d.moderationMode,
    anonymousDefault: d.anonymousDefault,
    agreementText: d.agreementText,
    contentWarnings: [],
    externalLink: d.externalLink,
  };
}

/** A server sockets can reach: full-process (signs in over HTTP) or in-process (mints its session cookies). */
export type SocketServer = Pick<TestServer, 'url'> & { cookieFor?: (email: string) => Promise<string> };

const cookies = new Map<string, string>();
/** A connected socket for a demo user (sign-in cached per server and email). */
export async function socketFor(server: SocketServer, email: string, opts: Parameters<typeof connectSocket>[1] = {}): Promise<TestSocket> {
  const key = `${server.url}|${email}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    if (server.cookieFor) cookie = await server.cookieFor(email);
    else {
      const s = await signIn(server, email, DEMO_PASSWORD);
      if (!s.ok) throw new Error(`sign-in failed for ${email}: ${s.error}`);
      cookie = s.cookie;
    }
    cookies.set(key, cookie);
  }
  return connectSocket(server, { cookie, ...opts });
}

/** Joins (accepting the agreement) and returns the room state from the ack. */
export async function join(socket: TestSocket, discussionId: string) {
  const res = await socket.emitWithAck('discussion:join', { discussionId, acceptAgreement: true });
  if (!res.ok) throw new Error(`join failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Records every raw engine.io frame a socket receives, for anonymity checks on the wire. */
export function recordFrames(socket: TestSocket): string[] {
  const frames: string[] = [];
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (typeof packet.data === 'string') frames.push(packet.data);
  });
  return frames;
}

export function collect<T>(socket: TestSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(e: string, f: (p: T) => void): void }).on(event, (p) => seen.push(p));
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * The community's "new member" tier (issue 9: a member's first N questions wait for review; 3 by default).
 * Suites about other things set it to 0, so a member's first question is visible at once in post mode.
 */
export async function setNewMemberHolds(db: Db, n: number) {
  await db.communitySetting.upsert({ where: { key: 'newMemberHolds' }, create: { key: 'newMemberHolds', value: String(n) }, update: { value: String(n) } });
}
