// The personal feed: only the member's RSVPs, only with a valid token, gone after revoking; visibility on files.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, db } from '../db/client';
import { cancelDiscussion, createDiscussion } from '../discussions/commands';
import { rsvp } from '../rsvp/commands';
import { makeActor, useFreshDatabase } from '../test/in-process';
import { tempSqliteUrl } from '../test/temp-databases';
import { regenerateCalendarToken, revokeCalendarToken } from './commands';
import { discussionIcs, feedIcs, hasCalendarFeed, seriesIcs } from './queries';

const NOW = new Date('2026-01-10T12:00:00Z');
const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('status')]);

describe('calendar files and the personal feed (SQLite)', () => {
  beforeAll(async () => {
    await useFreshDatabase(tempSqliteUrl());
  });
  afterAll(closeDb);

  it('the feed holds my RSVPs only, follows cancellations, and dies with its token', async () => {
    const elder = await makeActor('ELDER');
    const common = {
      description: '',
      hostIds: [elder.id],
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
      capacity: 1,
      agreementText: 'Be kind to each other.',
    };
    const a = await createDiscussion(elder, { ...common, title: 'Alpha', localStart: '2026-02-01T19:00' }, NOW);
    const b = await createDiscussion(elder, { ...common, title: 'Beta', localStart: '2026-02-02T19:00' }, NOW);
    const c = await createDiscussion(elder, { ...common, title: 'Gamma', localStart: '2026-02-03T19:00' }, NOW);
    const me = await makeActor();
    const other = await makeActor();
    await rsvp(other, { discussionId: b.id }, NOW); // takes Beta's only seat
    await rsvp(me, { discussionId: a.id }, NOW);
    await rsvp(me, { discussionId: b.id }, NOW); // waitlisted
    await rsvp(other, { discussionId: c.id }, NOW);

    const { url } = await regenerateCalendarToken(me);
    const token = url.split('/').pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    let feed = await feedIcs(token);
    expect(summaries(feed!.body)).toEqual([
      ['Alpha', 'CONFIRMED'],
      ['Beta', 'TENTATIVE'],
    ]);
    await cancelDiscussion(elder, { id: a.id }, NOW);
    feed = await feedIcs(token);
    expect(summaries(feed!.body)[0]).toEqual(['Cancelled: Alpha', 'CANCELLED']);

    const { url: url2 } = await regenerateCalendarToken(me);
    expect(url2).not.toBe(url);
    expect(await feedIcs(token)).toBeNull(); // the old URL stops working
    await revokeCalendarToken(me);
    expect(await feedIcs(url2.split('/').pop()!)).toBeNull();
    expect(await feedIcs('short')).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: me.id } })).calendarTokenHash).toBeNull();
    expect(await hasCalendarFeed(me)).toBe(false);
  });

  it('the database holds no plain feed token, only a hash; the feed is found by that hash', async () => {
    const me = await makeActor();
    const { url } = await regenerateCalendarToken(me);
    const token = url.split('/').pop()!;
    const row = await db().user.findUniqueOrThrow({ where: { id: me.id } });
    // Nothing in the user's row (nor any column) contains the token itself.
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hasCalendarFeed(me)).toBe(true);
    expect(await feedIcs(token)).not.toBeNull();
    // The stored hash itself is not a key to the feed.
    expect(await feedIcs(row.calendarTokenHash!)).toBeNull();
  });

  it('members-only discussions are not downloadable by visitors; a series file has every occurrence', async () => {
    const elder = await makeActor('ELDER');
    const s = await createDiscussion(
      elder,
      {
        title: 'Weekly',
        description: '',
        hostIds: [elder.id],
        localStart: '2026-02-26T19:00',
        timeZone: 'America/New_York',
        durationMinutes: 60,
        agreementText: 'Be kind to each other.',
        recurrence: 'WEEKLY',
        occurrences: 4,
        visibility: 'MEMBERS',
      },
      NOW,
    );
    expect(await discussionIcs(null, s.id)).toBeNull();
    expect(await seriesIcs(null, s.seriesId!)).toBeNull();
    const file = await seriesIcs(await makeActor(), s.seriesId!);
    expect(file!.fileName).toBe('weekly-series.ics');
    expect(file!.body.match(/DTSTART;TZID=America\/New_York:2026\d{4}T190000/g)).toHaveLength(4);
  });
});
