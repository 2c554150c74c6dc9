// RSVP use cases: going / cancel, capacity, a waitlist in arrival order and automatic promotion.
//
// No overbooking under concurrency: every RSVP change for a discussion first takes that discussion's row
// lock with a no-op UPDATE. On PostgreSQL that is a row lock held until commit, so seat counting runs
// one transaction at a time per discussion; on SQLite the first write takes the database's single write
// lock. The same statement works on both dialects. queuedAt is made strictly increasing under the lock,
// so the waitlist order is the order in which RSVPs were accepted.
import { rsvpSchema } from '@/lib/discussions/schema';
import { AppError } from '@/lib/result';
import { describeInZone } from '@/lib/time/zoned';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { canViewDiscussion, rsvpOpen } from '../discussions/policy';
import { type NewNotification, publishNotifications, storeNotifications } from '../notifications/commands';

type Tx = Prisma.TransactionClient;
type RsvpStatusName = 'GOING' | 'WAITLISTED' | 'CANCELLED';
export type RsvpView = { status: RsvpStatusName | null; waitlistPosition: number | null; going: number; waitlisted: number; capacity: number | null };

/** Transactions that queue behind a busy discussion wait for the lock rather than fail. */
export const RSVP_TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/** Serialises seat counting for one discussion (see the file comment). Returns false when it does not exist. */
export async function lockDiscussion(tx: Tx, discussionId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "Discussion" SET "capacity" = "capacity" WHERE "id" = ${discussionId}`;
  return n > 0;
}

async function nextQueuedAt(tx: Tx, discussionId: string, now: Date): Promise<Date> {
  const last = await tx.rsvp.findFirst({ where: { discussionId }, orderBy: { queuedAt: 'desc' }, select: { queuedAt: true } });
  return new Date(Math.max(now.getTime(), (last?.queuedAt.getTime() ?? 0) + 1));
}

export async function rsvpView(tx: Tx, discussionId: string, userId: string | null): Promise<RsvpView> {
  // One after another: a transaction has one connection.
  const d = await tx.discussion.findUniqueOrThrow({ where: { id: discussionId }, select: { capacity: true } });
  const going = await tx.rsvp.count({ where: { discussionId, status: 'GOING' } });
  const waitlisted = await tx.rsvp.count({ where: { discussionId, status: 'WAITLISTED' } });
  const mine = userId ? await tx.rsvp.findUnique({ where: { discussionId_userId: { discussionId, userId } } }) : null;
  let waitlistPosition: number | null = null;
  if (mine?.status === 'WAITLISTED') {
    waitlistPosition =
      1 +
      (await tx.rsvp.count({
        where: { discussionId, status: 'WAITLISTED', OR: [{ queuedAt: { lt: mine.queuedAt } }, { queuedAt: mine.queuedAt, id: { lt: mine.id } }] },
      }));
  }
  return { status: (mine?.status as RsvpStatusName) ?? null, waitlistPosition, going, waitlisted, capacity: d.capacity };
}

/**
 * Gives free seats to the waitlist, oldest first, and stores a notification for each person promoted.
 * Call inside a transaction that holds the discussion's lock; publish the returned rows after commit.
 */
export async function fillSeats(tx: Tx, discussionId: string, now: Date) {
  const d = await tx.discussion.findUniqueOrThrow({
    where: { id: discussionId },
    select: { id: true, title: true, capacity: true, status: true, startsAt: true, durationMinutes: true },
  });
  if (!rsvpOpen(d, now)) return [];
  let free = Number.POSITIVE_INFINITY;
  if (d.capacity !== null) free = d.capacity - (await tx.rsvp.count({ where: { discussionId, status: 'GOING' } }));
  if (free <= 0) return [];
  const next = await tx.rsvp.findMany({
    where: { discussionId, status: 'WAITLISTED' },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    take: Number.isFinite(free) ? free : undefined,
    select: { id: true, userId: true, queuedAt: true, user: { select: { timeZone: true } } },
  });
  const notes: NewNotification[] = [];
  for (const r of next) {
    // Conditional update: only a row still waitlisted is promoted.
    const { count } = await tx.rsvp.updateMany({ where: { id: r.id, status: 'WAITLISTED' }, data: { status: 'GOING', promotedAt: now } });
    if (count === 0) continue;
    notes.push({
      userId: r.userId,
      type: 'waitlist_promoted',
      title: `You have a seat: ${d.title}`,
      body: `A seat opened up and it is yours. ${describeInZone(d.startsAt, r.user.timeZone)}.`,
      link: `/discussions/${d.id}`,
      dedupeKey: `waitlist_promoted:${r.id}:${r.queuedAt.getTime()}`,
    });
  }
  return storeNotifications(tx, notes);
}

async function loadForRsvp(tx: Tx, actor: Actor, discussionId: string) {
  if (!(await lockDiscussion(tx, discussionId))) throw new AppError('not_found', 'That discussion does not exist.');
  const d = await tx.discussion.findUniqueOrThrow({
    where: { id: discussionId },
    select: { id: true, capacity: true, status: true, startsAt: true, durationMinutes: true, visibility: true },
  });
  if (!canViewDiscussion(actor, d)) throw new AppError('not_found', 'That discussion does not exist.');
  return d;
}

/** Going: a seat when one is free, otherwise the end of the waitlist. Saying it twice changes nothing. */
export async function rsvp(actor: Actor, raw: unknown, now = new Date()): Promise<RsvpView> {
  const { discussionId } = rsvpSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const d = await loadForRsvp(tx, actor, discussionId);
    if (!rsvpOpen(d, now)) {
      throw new AppError('conflict', d.status === 'CANCELLED' ? 'This discussion was cancelled.' : 'RSVPs for this discussion are closed.');
    }
    const existing = await tx.rsvp.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } } });
    if (existing && existing.status !== 'CANCELLED') return rsvpView(tx, discussionId, actor.id);
    // Few round trips while the lock is held: seat counting is serialised per discussion.
    const counts = await tx.rsvp.groupBy({ by: ['status'], where: { discussionId, status: { in: ['GOING', 'WAITLISTED'] } }, _count: { _all: true } });
    const going = counts.find((c) => c.status === 'GOING')?._count._all ?? 0;
    const waiting = counts.find((c) => c.status === 'WAITLISTED')?._count._all ?? 0;
    // Nobody jumps the queue: with people waiting, a newcomer waits too.
    const status = d.capacity === null || (going < d.capacity && waiting === 0) ? 'GOING' : 'WAITLISTED';
    const queuedAt = await nextQueuedAt(tx, discussionId, now);
    await tx.rsvp.upsert({
      where: { discussionId_userId: { discussionId, userId: actor.id } },
      create: { discussionId, userId: actor.id, status, queuedAt },
      update: { status, queuedAt, promotedAt: null },
    });
    // Everyone waiting was queued before this row, so the new place is the end of the waitlist.
    return status === 'GOING'
      ? { status, waitlistPosition: null, going: going + 1, waitlisted: waiting, capacity: d.capacity }
      : { status, waitlistPosition: waiting + 1, going, waitlisted: waiting + 1, capacity: d.capacity };
  }, RSVP_TX_OPTIONS);
}

/** Not going any more: frees the seat, which goes to the longest-waiting person, who is notified. */
export async function cancelRsvp(actor: Actor, raw: unknown, now = new Date()): Promise<RsvpView> {
  const { discussionId } = rsvpSchema.parse(raw);
  const { view, promoted } = await db().$transaction(async (tx) => {
    await loadForRsvp(tx, actor, discussionId);
    const existing = await tx.rsvp.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } } });
    let promoted: Awaited<ReturnType<typeof fillSeats>> = [];
    if (existing && existing.status !== 'CANCELLED') {
      await tx.rsvp.update({ where: { id: existing.id }, data: { status: 'CANCELLED' } });
      if (existing.status === 'GOING') promoted = await fillSeats(tx, discussionId, now);
    }
    return { view: await rsvpView(tx, discussionId, actor.id), promoted };
  }, RSVP_TX_OPTIONS);
  await publishNotifications(promoted);
  return view;
}
