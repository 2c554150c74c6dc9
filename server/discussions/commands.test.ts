// Scheduling, editing and cancelling discussions against real databases (SQLite; PostgreSQL when set).
import { expect, it } from 'vitest';
import type { AppError } from '@/lib/result';
import { db } from '../db/client';
import { cancelRsvp, rsvp } from '../rsvp/commands';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { cancelDiscussion, createDiscussion, updateDiscussion } from './commands';
import { getDiscussion, listDiscussions } from './queries';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code ?? 'validation_error',
  );
const NOW = new Date('2026-01-10T12:00:00Z');

const base = (hostId: string) => ({
  title: 'Integration after ayahuasca',
  description: 'We talk about **integration**.\n\nBring questions.',
  hostIds: [hostId],
  localStart: '2026-02-26T19:00',
  timeZone: 'America/New_York',
  durationMinutes: 90,
  capacity: 20,
  agreementText: 'Keep what is shared here in the room.',
});

describeDialects('discussion commands', ({ make }) => {
  useDialectDatabase(make);

  it('an elder schedules a discussion: UTC instant + IANA zone + wall-clock time, staff rows, links', async () => {
    const elder = await makeActor('ELDER');
    const facilitator = await makeActor('FACILITATOR');
    const modality = await db().modality.create({ data: { slug: `ayahuasca-${Date.now()}`, name: 'Ayahuasca', summary: 's' } });
    const d = await createDiscussion(
      elder,
      {
        ...base(elder.id),
        facilitatorIds: [facilitator.id],
        modalityIds: [modality.id],
        contentWarnings: ['Trauma', 'grief, loss'],
        externalLink: 'https://meet.example.org/x',
      },
      NOW,
    );
    const row = await db().discussion.findUniqueOrThrow({ where: { id: d.id }, include: { staff: true, modalities: true } });
    expect(row.startsAt.toISOString()).toBe('2026-02-27T00:00:00.000Z');
    expect(row).toMatchObject({ timeZone: 'America/New_York', localStart: '2026-02-26T19:00', seriesId: null, contentWarnings: 'trauma,grief loss' });
    expect(row.staff.map((s) => [s.userId, s.role]).sort()).toEqual(
      [
        [elder.id, 'HOST'],
        [facilitator.id, 'FACILITATOR'],
      ].sort(),
    );
    expect(row.modalities.map((m) => m.modalityId)).toEqual([modality.id]);
    const cards = await listDiscussions(null, { modality: modality.slug }, NOW);
    expect(cards.map((c) => c.id)).toEqual([d.id]);
  });

  it('F24 the DST rule applies when scheduling: 02:30 on 2026-03-08 New York is stored as 03:30 EDT', async () => {
    const elder = await makeActor('ELDER');
    const d = await createDiscussion(elder, { ...base(elder.id), localStart: '2026-03-08T02:30' }, NOW);
    expect(d.firstStart.adjustment).toBe('gap');
    const row = await db().discussion.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.startsAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(row.localStart).toBe('2026-03-08T03:30');
    const overlap = await createDiscussion(elder, { ...base(elder.id), localStart: '2026-11-01T01:30' }, NOW);
    expect((await db().discussion.findUniqueOrThrow({ where: { id: overlap.id } })).startsAt.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('members and facilitators cannot schedule or edit; nothing is written', async () => {
    const elder = await makeActor('ELDER');
    const member = await makeActor('MEMBER');
    const facilitator = await makeActor('FACILITATOR');
    const before = await db().discussion.count();
    expect(await codeOf(createDiscussion(member, base(member.id), NOW))).toBe('forbidden');
    expect(await codeOf(createDiscussion(facilitator, base(elder.id), NOW))).toBe('forbidden');
    expect(await db().discussion.count()).toBe(before);
    const d = await createDiscussion(elder, base(elder.id), NOW);
    expect(await codeOf(updateDiscussion(member, { id: d.id, ...base(elder.id), title: 'Hijacked' }, NOW))).toBe('forbidden');
    expect(await codeOf(cancelDiscussion(member, { id: d.id }, NOW))).toBe('forbidden');
    expect(await codeOf(updateDiscussion(await makeActor('ELDER'), { id: d.id, ...base(elder.id), title: 'Other elder' }, NOW))).toBe('forbidden');
    expect(await db().discussion.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ title: base('').title, status: 'SCHEDULED' });
  });

  it('bad input gets clear errors and writes nothing', async () => {
    const elder = await makeActor('ELDER');
    const member = await makeActor('MEMBER');
    const before = await db().discussion.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ localStart: '2026-02-30T19:00' }, 'validation_error'],
      [{ timeZone: 'Mars/Base' }, 'validation_error'],
      [{ localStart: '2025-01-01T10:00' }, 'validation_error'], // the past
      [{ hostIds: [member.id] }, 'validation_error'], // a member cannot host
      [{ externalLink: 'javascript:alert(1)' }, 'validation_error'],
      [{ title: 'x'.repeat(500) }, 'validation_error'],
      [{ title: { $ne: null } }, 'validation_error'],
      [{ recurrence: 'MONTHLY', localStart: '2026-03-31T19:00' }, 'validation_error'],
      [{ authorId: 'spoof' }, 'validation_error'],
    ];
    for (const [patch, code] of cases) expect(await codeOf(createDiscussion(elder, { ...base(elder.id), ...patch }, NOW)), JSON.stringify(patch)).toBe(code);
    expect(await db().discussion.count()).toBe(before);
    expect(await db().series.count()).toBe(0);
  });

  it('F13 text is stored as text: bidi and zero-width characters are stripped, markup is kept inert for rendering', async () => {
    const elder = await makeActor('ELDER');
    const d = await createDiscussion(
      elder,
      { ...base(elder.id), title: 'Hi\u202e <img src=x onerror=alert(1)>\u200b', description: '<script>alert(1)</script>' },
      NOW,
    );
    const row = await db().discussion.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.title).toBe('Hi <img src=x onerror=alert(1)>');
    expect(row.description).toBe('<script>alert(1)</script>'); // escaped by the renderer, never run
  });

  it('a weekly series materialises 12 occurrences at 19:00 local across DST; one is edited and one cancelled alone', async () => {
    const elder = await makeActor('ELDER');
    const s = await createDiscussion(elder, { ...base(elder.id), recurrence: 'WEEKLY' }, NOW);
    expect(s.occurrences).toBe(12);
    const occ = await db().discussion.findMany({ where: { seriesId: s.seriesId }, orderBy: { seriesIndex: 'asc' } });
    expect(occ.map((o) => o.seriesIndex)).toEqual([...Array(12).keys()]);
    expect(occ.every((o) => o.localStart.endsWith('T19:00'))).toBe(true);
    expect(occ[1].startsAt.toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(occ[2].startsAt.toISOString()).toBe('2026-03-12T23:00:00.000Z');
    const series = await db().series.findUniqueOrThrow({ where: { id: s.seriesId! } });
    expect(series).toMatchObject({ frequency: 'WEEKLY', timeZone: 'America/New_York', localTime: '19:00' });
    expect(series.rrule).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=12');

    // Someone with a seat at occurrence 3 hears about the change and the cancellation.
    const member = await makeActor('MEMBER');
    await rsvp(member, { discussionId: occ[3].id }, NOW);
    await updateDiscussion(elder, { id: occ[3].id, ...base(elder.id), localStart: '2026-03-19T20:30', title: 'Moved one' }, NOW);
    await cancelDiscussion(elder, { id: occ[4].id, reason: 'Host is ill' }, NOW);
    const after = await db().discussion.findMany({ where: { seriesId: s.seriesId }, orderBy: { seriesIndex: 'asc' } });
    expect(after[3]).toMatchObject({ title: 'Moved one', localStart: '2026-03-19T20:30' });
    expect(after[3].startsAt.toISOString()).toBe('2026-03-20T00:30:00.000Z');
    expect(after[4].status).toBe('CANCELLED');
    for (const i of [0, 1, 2, 5, 11]) {
      expect(after[i]).toMatchObject({ title: occ[i].title, status: 'SCHEDULED', localStart: occ[i].localStart });
      expect(after[i].startsAt.getTime()).toBe(occ[i].startsAt.getTime());
    }
    const notes = await db().notification.findMany({ where: { userId: member.id } });
    expect(notes).toMatchObject([{ type: 'discussion_changed', title: 'Changed: Moved one' }]);

    // The upcoming list shows the series once (its next occurrence), plus the one I RSVPed to.
    const listed = (await listDiscussions(member, {}, NOW)).filter((c) => c.seriesId === s.seriesId);
    expect(listed.map((c) => [c.id, c.moreInSeries, c.seriesFrequency])).toEqual([
      [occ[0].id, 10, 'WEEKLY'],
      [occ[3].id, 0, 'WEEKLY'],
    ]);
    expect(notes[0].body).toBe('New time: Friday 20 March 2026, 00:30 UTC (UTC).');
  });

  it('cancelling notifies everyone with a seat or a waitlist place, and closes RSVPs', async () => {
    const elder = await makeActor('ELDER');
    const d = await createDiscussion(elder, { ...base(elder.id), capacity: 1 }, NOW);
    const [a, b] = [await makeActor(), await makeActor()];
    await rsvp(a, { discussionId: d.id }, NOW);
    await rsvp(b, { discussionId: d.id }, NOW);
    await cancelDiscussion(elder, { id: d.id }, NOW);
    for (const u of [a, b]) expect(await db().notification.findMany({ where: { userId: u.id } })).toMatchObject([{ type: 'discussion_cancelled' }]);
    expect(await codeOf(cancelDiscussion(elder, { id: d.id }, NOW))).toBe('conflict');
    expect(await codeOf(cancelRsvp(a, { discussionId: d.id }, NOW))).toBe('ok');
    expect(await db().notification.count({ where: { userId: b.id, type: 'waitlist_promoted' } })).toBe(0); // no seat in a cancelled discussion
  });

  it('more seats on edit promote the waitlist at once', async () => {
    const elder = await makeActor('ELDER');
    const d = await createDiscussion(elder, { ...base(elder.id), capacity: 1 }, NOW);
    const [a, b] = [await makeActor(), await makeActor()];
    await rsvp(a, { discussionId: d.id }, NOW);
    await rsvp(b, { discussionId: d.id }, NOW);
    await updateDiscussion(elder, { id: d.id, ...base(elder.id), capacity: 2 }, NOW);
    expect((await db().rsvp.findFirstOrThrow({ where: { userId: b.id } })).status).toBe('GOING');
    expect(await db().notification.findMany({ where: { userId: b.id } })).toMatchObject([{ type: 'waitlist_promoted' }]);
  });

  it('attendees are visible to hosts, facilitators and admins only; meeting links only to people with a seat', async () => {
    const elder = await makeActor('ELDER');
    const facilitator = await makeActor('FACILITATOR');
    const d = await createDiscussion(
      elder,
      { ...base(elder.id), facilitatorIds: [facilitator.id], visibility: 'MEMBERS', externalLink: 'https://meet.example.org/secret' },
      NOW,
    );
    const member = await makeActor();
    const other = await makeActor();
    await rsvp(member, { discussionId: d.id }, NOW);
    const asMember = await getDiscussion(member, d.id, NOW);
    expect(asMember).toMatchObject({ attendees: null, externalLink: 'https://meet.example.org/secret', can: { edit: false, seeAttendees: false } });
    expect(await getDiscussion(other, d.id, NOW)).toMatchObject({ attendees: null, externalLink: null, hasExternalLink: true });
    expect((await getDiscussion(facilitator, d.id, NOW))!.attendees).toEqual([{ displayName: member.displayName, status: 'GOING', position: null }]);
    expect((await getDiscussion(await makeActor('ADMIN'), d.id, NOW))!.can).toMatchObject({ edit: true, seeAttendees: true });
    expect(await getDiscussion(null, d.id, NOW)).toBeNull(); // members only
  });
});
