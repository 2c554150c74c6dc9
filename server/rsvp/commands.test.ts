// RSVPs against real databases (SQLite always; PostgreSQL when TEST_POSTGRES_URL is set): capacity,
// waitlist order, promotion with a stored notification, and no overbooking under concurrency.
import { expect, it } from 'vitest';
import type { AppError } from '@/lib/result';
import { db } from '../db/client';
import { createDiscussion } from '../discussions/commands';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { cancelRsvp, rsvp } from './commands';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code ?? 'validation_error',
  );

async function schedule(capacity: number | null, extra: Record<string, unknown> = {}) {
  const elder = await makeActor('ELDER');
  const d = await createDiscussion(elder, {
    title: 'Integration circle',
    description: '',
    hostIds: [elder.id],
    localStart: '2030-06-01T19:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 60,
    capacity,
    agreementText: 'Keep what is shared here in the room.',
    ...extra,
  });
  return { elder, id: d.id };
}

describeDialects('RSVPs', ({ make }) => {
  // A pool as large as the burst: the 50 RSVPs then contend for the discussion's row lock (what is under test),
  // not for pool connections (with the default pool of 10 a loaded machine can hit the pool's fast-fail timeout,
  // which is the F21 behaviour, tested elsewhere).
  useDialectDatabase(make, { DATABASE_POOL_MAX: '55', DATABASE_STATEMENT_TIMEOUT_MS: '60000' });

  it('50 concurrent RSVPs for 10 seats: exactly 10 going and 40 waitlisted, in order', async () => {
    const { id } = await schedule(10);
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await makeActor('MEMBER'));
    const results = await Promise.all(people.map((p) => rsvp(p, { discussionId: id })));
    expect(results.filter((r) => r.status === 'GOING')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'WAITLISTED')).toHaveLength(40);
    // Every waitlist position 1..40 handed out exactly once.
    expect(
      results
        .map((r) => r.waitlistPosition)
        .filter((p) => p !== null)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await db().rsvp.findMany({ where: { discussionId: id }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
    expect(rows.map((r) => r.status)).toEqual([...Array(10).fill('GOING'), ...Array(40).fill('WAITLISTED')]);
    expect(new Set(rows.map((r) => r.queuedAt.getTime())).size).toBe(50); // a strict order, no ties
    // The position each person was told matches the stored order.
    const byUser = new Map(people.map((p, i) => [p.id, results[i]]));
    for (const [i, r] of rows.slice(10).entries()) expect(byUser.get(r.userId)!.waitlistPosition).toBe(i + 1);
  });

  it('cancelling frees a seat for the longest-waiting person, who gets a stored notification', async () => {
    const { id } = await schedule(1);
    const [a, b, c] = [await makeActor(), await makeActor(), await makeActor()];
    expect((await rsvp(a, { discussionId: id })).status).toBe('GOING');
    expect(await rsvp(b, { discussionId: id })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(await rsvp(c, { discussionId: id })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(await rsvp(b, { discussionId: id })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 }); // saying it twice changes nothing

    expect(await cancelRsvp(a, { discussionId: id })).toMatchObject({ status: 'CANCELLED', going: 1, waitlisted: 1 });
    expect((await rsvp(b, { discussionId: id })).status).toBe('GOING');
    expect(await rsvp(c, { discussionId: id })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const notes = await db().notification.findMany({ where: { userId: b.id } });
    expect(notes).toMatchObject([{ type: 'waitlist_promoted', title: 'You have a seat: Integration circle', link: `/discussions/${id}` }]);
    expect(notes[0].body).toContain('UTC'); // formatted in the member's own zone
    expect(await db().notification.count({ where: { userId: c.id } })).toBe(0);

    // Coming back after cancelling goes to the end of the queue.
    expect(await rsvp(a, { discussionId: id })).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
  });

  it('a waitlisted person cancelling promotes nobody; no capacity means everyone is going', async () => {
    const { id } = await schedule(1);
    const [a, b] = [await makeActor(), await makeActor()];
    await rsvp(a, { discussionId: id });
    await rsvp(b, { discussionId: id });
    await cancelRsvp(b, { discussionId: id });
    expect(await db().rsvp.count({ where: { discussionId: id, status: 'GOING' } })).toBe(1);
    expect(await db().notification.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(0);

    const open = await schedule(null);
    for (let i = 0; i < 5; i++) expect((await rsvp(await makeActor(), { discussionId: open.id })).status).toBe('GOING');
  });

  it('refuses RSVPs for a missing or cancelled discussion, and bad input, writing nothing', async () => {
    const m = await makeActor();
    const before = await db().rsvp.count();
    expect(await codeOf(rsvp(m, { discussionId: 'nope' }))).toBe('not_found');
    expect(await codeOf(rsvp(m, { discussionId: { $ne: null } }))).toBe('validation_error');
    expect(await codeOf(rsvp(m, { discussionId: 'x', userId: 'someone-else' }))).toBe('validation_error');
    const { id } = await schedule(5);
    await db().discussion.update({ where: { id }, data: { status: 'CANCELLED' } });
    expect(await codeOf(rsvp(m, { discussionId: id }))).toBe('conflict');
    expect(await db().rsvp.count()).toBe(before);
  });

  it('members-only discussions take RSVPs from members; closed after the end', async () => {
    const { id } = await schedule(5, { visibility: 'MEMBERS' });
    const m = await makeActor();
    expect((await rsvp(m, { discussionId: id })).status).toBe('GOING');
    expect(await codeOf(rsvp(await makeActor(), { discussionId: id }, new Date('2030-06-01T18:00:00Z')))).toBe('conflict'); // 20:00 Berlin: over
  });
});
