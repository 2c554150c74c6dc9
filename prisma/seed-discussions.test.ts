// The demo discussions: a weekly 19:00 New York series, linked to library modalities when they exist, and the
// Practice room (issue 9 item 8), live whenever the demo exists; seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomPhase } from '@/lib/live/phase';
import { formatInZone } from '@/lib/time/zoned';
import { hashPassword } from '@/server/auth/password';
import { closeDb, db } from '@/server/db/client';
import { listDiscussions } from '@/server/discussions/queries';
import { tripsWordFilter } from '@/server/moderation/holds';
import { useFreshDatabase } from '@/server/test/in-process';
import { tempSqliteUrl } from '@/server/test/temp-databases';
import { ensurePracticeRoomLive, seedDemoCommunityIfEmpty } from './seed';
import { seedDemoDiscussionsIfEmpty } from './seed-discussions';

const HOUR = 3_600_000;
const practiceRoom = () =>
  db().discussion.findFirstOrThrow({
    where: { title: 'Practice room' },
    include: { staff: { include: { user: { select: { email: true, role: true } } } } },
  });
const endsAt = (d: { startsAt: Date; durationMinutes: number }) => d.startsAt.getTime() + d.durationMinutes * 60_000;

describe('demo discussions', () => {
  beforeAll(async () => {
    await useFreshDatabase(tempSqliteUrl());
    await seedDemoCommunityIfEmpty(db(), hashPassword);
  });
  afterAll(closeDb);

  it('seeds a weekly series, one-off discussions hosted by the demo elders and the Practice room, once', async () => {
    await seedDemoDiscussionsIfEmpty(db()); // a no-op when the community seed already did it
    const series = await db().series.findFirstOrThrow({ include: { discussions: { orderBy: { seriesIndex: 'asc' } } } });
    expect(series.discussions).toHaveLength(12);
    for (const d of series.discussions) expect(formatInZone(d.startsAt, 'America/New_York').time).toBe('19:00');
    expect(await db().discussion.count()).toBe(17);
    expect(await db().discussion.count({ where: { status: 'ENDED' } })).toBe(1);
    expect(await db().discussion.count({ where: { status: 'LIVE' } })).toBe(1);
    const hosts = await db().discussionStaff.findMany({ where: { role: 'HOST' }, select: { user: { select: { role: true } } } });
    expect(new Set(hosts.map((h) => h.user.role))).toEqual(new Set(['ELDER']));
    if ((await db().modality.count()) > 0) expect(await db().discussionModality.count()).toBeGreaterThan(0);
    expect(await seedDemoDiscussionsIfEmpty(db())).toBe(false);
    expect(await db().discussion.count()).toBe(17);
  });

  it('the Practice room is live now, in pre mode, with a demo facilitator on staff, and listed among the upcoming and live ones', async () => {
    const room = await practiceRoom();
    const now = new Date();
    expect(room.status).toBe('LIVE');
    expect(roomPhase(room, now)).toBe('live');
    expect(room.moderationMode).toBe('PRE');
    expect(room.startsAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(endsAt(room)).toBeGreaterThan(now.getTime() + HOUR);
    const staff = room.staff.map((s) => [s.user.email, s.role, s.user.role]);
    expect(staff).toContainEqual(['sam@example.org', 'FACILITATOR', 'FACILITATOR']);
    expect(staff).toContainEqual(['rowan@example.org', 'HOST', 'ELDER']);
    const upcoming = await listDiscussions(null, { when: 'upcoming' }, now);
    expect(upcoming.find((c) => c.id === room.id)?.phase).toBe('live');
  });

  it('the Practice room has questions in every state of the queue, each consistent with how the room stores them', async () => {
    const room = await practiceRoom();
    const questions = await db().question.findMany({
      where: { discussionId: room.id },
      include: { votes: true, author: { select: { email: true, role: true } } },
      orderBy: { createdAt: 'asc' },
    });
    for (const q of questions) expect(q.author.role).toBe('MEMBER');
    const pending = questions.filter((q) => q.status === 'PENDING');
    expect(pending.length).toBeGreaterThanOrEqual(3);
    // Pre mode holds every member question; one is also a new member's, one tripped the word filter.
    for (const q of pending) expect(q.heldFor?.split(',')).toContain('pre_moderation');
    expect(pending.filter((q) => q.heldFor?.split(',').includes('new_member'))).toHaveLength(1);
    const filtered = pending.filter((q) => q.heldFor?.split(',').includes('word_filter'));
    expect(filtered).toHaveLength(1);
    // The held-for-words question really trips the filter (the community list the demo starts with); no other does.
    for (const q of questions) expect(await tripsWordFilter(q.body), q.body).toBe(q.heldFor?.includes('word_filter') ?? false);

    const visible = questions.filter((q) => q.status === 'VISIBLE');
    expect(visible.length).toBeGreaterThanOrEqual(3);
    for (const q of questions) expect(q.voteCount, q.body).toBe(q.votes.length);
    expect(visible.filter((q) => q.voteCount > 0).length).toBeGreaterThanOrEqual(2);
    for (const q of questions) expect(q.votes.every((v) => v.userId !== q.authorId)).toBe(true);
    expect(visible.filter((q) => q.answeredAt)).toHaveLength(1);
    expect(questions.filter((q) => q.status !== 'VISIBLE' && q.answeredAt)).toHaveLength(0);
    expect(room.highlightedQuestionId && visible.some((q) => q.id === room.highlightedQuestionId && !q.anonymous && !q.answeredAt)).toBe(true);

    const rejected = questions.filter((q) => q.status === 'REJECTED');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].rejectReason).toMatch(/^Thank you for asking\./);
    for (const q of questions.filter((q) => q.status !== 'REJECTED')) expect(q.rejectReason).toBeNull();

    // Anonymous questions: each author has this discussion's pseudonym, and the pseudonyms differ.
    const anonymous = questions.filter((q) => q.anonymous);
    expect(anonymous.some((q) => q.status === 'VISIBLE')).toBe(true);
    const pseudonyms = await db().pseudonym.findMany({ where: { discussionId: room.id } });
    for (const q of anonymous) expect(pseudonyms.find((p) => p.userId === q.authorId)?.name).toMatch(/^Anonymous \w+/);
    expect(new Set(pseudonyms.map((p) => p.name)).size).toBe(pseudonyms.length);
  });

  it('start-up keeps the Practice room live: an ended or run-out room starts again, a live one is left be', async () => {
    const room = await practiceRoom();
    const now = new Date();
    expect(await ensurePracticeRoomLive(db(), now)).toBe(room.id);
    expect((await practiceRoom()).startsAt).toEqual(room.startsAt); // live for hours more: untouched

    // A host ended it.
    await db().discussion.update({ where: { id: room.id }, data: { status: 'ENDED', endedAt: now } });
    expect(await ensurePracticeRoomLive(db(), now)).toBe(room.id);
    let again = await practiceRoom();
    expect(again.status).toBe('LIVE');
    expect(again.endedAt).toBeNull();
    expect(roomPhase(again, now)).toBe('live');

    // Days later: the 8 hours have long passed, so listings would call it past; the next start moves it to now.
    const later = new Date(now.getTime() + 3 * 24 * HOUR);
    expect(endsAt(again)).toBeLessThan(later.getTime());
    await ensurePracticeRoomLive(db(), later);
    again = await practiceRoom();
    expect(again.startsAt.getTime()).toBeLessThanOrEqual(later.getTime());
    expect(endsAt(again)).toBeGreaterThan(later.getTime() + HOUR);
    expect(formatInZone(again.startsAt, again.timeZone).time).toBe(again.localStart.slice(11, 16));
    expect((await listDiscussions(null, { when: 'upcoming' }, later)).find((c) => c.id === room.id)?.phase).toBe('live');
    // Its questions are kept.
    expect(await db().question.count({ where: { discussionId: room.id } })).toBeGreaterThan(0);
  });

  it('a demo database from before the Practice room gets one at start-up; none without the demo accounts', async () => {
    await db().discussion.deleteMany({ where: { title: 'Practice room' } });
    const id = await ensurePracticeRoomLive(db());
    expect(id).toBeTruthy();
    expect(await db().question.count({ where: { discussionId: id ?? '' } })).toBeGreaterThan(0);
    expect(await db().discussion.count({ where: { title: 'Practice room' } })).toBe(1);

    await useFreshDatabase(tempSqliteUrl());
    expect(await ensurePracticeRoomLive(db())).toBeNull();
    expect(await db().discussion.count()).toBe(0);
  });
});
