// Scheduled discussions in Chromium with several people: an elder schedules a discussion linked to a library
// article; members find it from the article page and from search, RSVP, download the .ics, a second member is
// waitlisted and promoted live when the first cancels. Also: members are refused (page and server action),
// series across DST, F13, F23 (device clock off), viewers in Berlin and New York, the personal calendar feed.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { BASE_URL, expect, test, uniqueName, waitForRealtime } from './fixtures';

const MDMA_ARTICLE = 'mdma-assisted-therapy-for-ptsd';

/** Parses an .ics body; returns each VEVENT's UTC start, TZID, status and summary. */
function parseIcs(body: string) {
  const comp = new ICAL.Component(ICAL.parse(body));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      startUtc: e.startDate.toJSDate().toISOString(),
      tzid: String(v.getFirstProperty('dtstart')!.getParameter('tzid')),
      status: String(v.getFirstPropertyValue('status')),
    };
  });
}

async function downloadText(page: Page, linkName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function fillSchedule(
  page: Page,
  v: { title: string; description?: string; localStart: string; timeZone?: string; capacity?: string; modality?: string; article?: string },
) {
  await page.getByLabel('Title').fill(v.title);
  if (v.description) await page.getByLabel('Description').fill(v.description);
  if (v.modality) await page.getByRole('group', { name: 'Modalities' }).getByLabel(v.modality, { exact: true }).check();
  if (v.article) await page.getByRole('group', { name: 'Linked articles' }).getByLabel(v.article, { exact: true }).check();
  await page.getByLabel('Starts (local date and time)').fill(v.localStart);
  if (v.timeZone) await page.getByLabel('Time zone').selectOption(v.timeZone);
  if (v.capacity !== undefined) await page.getByLabel('Seats').fill(v.capacity);
}

test('elder schedules; members find it from the article and search, RSVP, get the .ics; waitlist promotion arrives live', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const article = await db.article.findUniqueOrThrow({ where: { slug: MDMA_ARTICLE }, include: { modality: true } });
  const elder = await makeUser({ role: 'ELDER', displayName: uniqueName('Elder Oak'), timeZone: 'America/New_York' });
  const first = await makeUser({ displayName: uniqueName('Berlin Member'), timeZone: 'Europe/Berlin' });
  const second = await makeUser({ displayName: uniqueName('York Member'), timeZone: 'America/New_York' });
  const word = `lanternfish${Date.now().toString(36)}`;
  const title = `Trial results circle ${word}`;

  // The elder schedules it: 19:00 New York time on Tuesday 15 January 2030 (EST, UTC-5), one seat.
  const e = await signedInPage(elder);
  await e.page.goto('/discussions');
  await e.page.getByRole('link', { name: 'Schedule a discussion' }).click();
  await expect(e.page.getByRole('heading', { level: 1 })).toHaveText('Schedule a discussion');
  await fillSchedule(e.page, {
    title,
    description: 'What the **phase 3** trials found.',
    localStart: '2030-01-15T19:00',
    capacity: '1',
    modality: article.modality.name,
    article: article.title,
  });
  await expect(e.page.getByTestId('time-preview')).toContainText('Host’s time: Tuesday 15 January 2030, 19:00 EST (America/New York)');
  await e.page.getByRole('button', { name: 'Schedule discussion' }).click();
  await expect(e.page).toHaveURL(/\/discussions\/[^/?]+\?created=1$/);
  await expect(e.page.getByRole('heading', { level: 1 })).toHaveText(title);
  const id = new URL(e.page.url()).pathname.split('/').pop()!;
  const row = await db.discussion.findUniqueOrThrow({ where: { id } });
  expect(row.startsAt.toISOString()).toBe('2030-01-16T00:00:00.000Z');
  expect(row).toMatchObject({ timeZone: 'America/New_York', localStart: '2030-01-15T19:00', capacity: 1 });

  // The first member (Berlin) finds it from the article page ...
  const a = await signedInPage(first);
  await a.page.goto(`/library/${MDMA_ARTICLE}`);
  await a.page.getByTestId('upcoming-discussions').getByRole('link', { name: title }).click();
  await expect(a.page).toHaveURL(`/discussions/${id}`);
  // ... sees it in Berlin time with the zone named, and the host's time as well.
  await expect(a.page.getByTestId('discussion-time')).toContainText('Wednesday 16 January 2030, 01:00 GMT+1');
  await expect(a.page.getByTestId('host-time')).toHaveText("Host's time: Tue 15 Jan, 19:00 EST (America/New York)");
  await expect(a.page.getByTestId('viewer-zone')).toContainText('Europe/Berlin');
  await expect(a.page.getByTestId('linked-articles').getByRole('link', { name: article.title })).toHaveAttribute('href', `/library/${MDMA_ARTICLE}`);
  // ... and from search.
  await a.page.goto(`/search?q=${word}`);
  await a.page.getByTestId('search-results').getByRole('link', { name: title }).click();
  await expect(a.page).toHaveURL(`/discussions/${id}`);
  await waitForRealtime(a.page);

  await a.page.getByRole('button', { name: 'RSVP: I’m going' }).click();
  await expect(a.page.getByTestId('rsvp-status')).toHaveText('You’re going.');
  await expect(a.page.getByTestId('attendees')).toHaveCount(0); // members do not see who is coming

  // The .ics: the right UTC instant, with the host's zone as TZID.
  const ics = await downloadText(a.page, 'Add to calendar (.ics)');
  expect(ics).toContain('DTSTART;TZID=America/New_York:20300115T190000');
  expect(parseIcs(ics)).toEqual([
    expect.objectContaining({ summary: title, startUtc: '2030-01-16T00:00:00.000Z', tzid: 'America/New_York', status: 'CONFIRMED' }),
  ]);

  // The second member (New York) is waitlisted.
  const b = await signedInPage(second);
  await b.page.goto(`/discussions/${id}`);
  await expect(b.page.getByTestId('discussion-time')).toContainText('Tuesday 15 January 2030, 19:00 EST');
  await waitForRealtime(b.page);
  await b.page.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(b.page.getByTestId('rsvp-status')).toHaveText('You’re on the waitlist (number 1).');
  await expect(b.page.getByTestId('notification-bell')).toHaveAttribute('data-unread', '0');

  // The host sees both in the attendee list.
  await e.page.reload();
  await expect(e.page.getByTestId('attendees')).toContainText(first.displayName);
  await expect(e.page.getByTestId('attendees')).toContainText(`${second.displayName}Waitlist #1`);

  // The first cancels: the second is promoted and sees it without reloading.
  await a.page.getByRole('button', { name: 'Cancel my RSVP' }).click();
  // The freed seat went straight to the waitlist, so it is full again.
  await expect(a.page.getByTestId('rsvp-status')).toHaveText('This discussion is full. You can join the waitlist.');
  await expect(b.page.getByTestId('notification-toast')).toContainText(`You have a seat: ${title}`);
  await expect(b.page.getByTestId('notification-toast')).toContainText('Tuesday 15 January 2030, 19:00 EST (America/New York)');
  await expect(b.page.getByTestId('notification-bell')).toHaveAttribute('data-unread', '1');
  await expect(b.page.getByTestId('rsvp-status')).toHaveText('You’re going.');

  // The notifications page lists it; marking it read clears the bell.
  await b.page.getByTestId('notification-bell').click();
  await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  const item = b.page.getByTestId('notification-list').getByRole('listitem').first();
  await expect(item).toContainText(`You have a seat: ${title}`);
  await item.getByRole('button', { name: /^Mark read: / }).click();
  await expect(b.page.getByTestId('notification-bell')).toHaveAttribute('data-unread', '0');
  await expect(b.page.getByTestId('unread-summary')).toHaveText('You are all caught up.');
  expect(await db.notification.count({ where: { userId: second.id, readAt: null } })).toBe(0);
});

test('members cannot schedule or edit: the pages and the server action both refuse, nothing is written', async ({ db, makeUser, signedInPage }) => {
  const elder = await makeUser({ role: 'ELDER', timeZone: 'Europe/Berlin' });
  const member = await makeUser();
  const m = await signedInPage(member);
  await m.page.goto('/discussions');
  await expect(m.page.getByRole('heading', { level: 1 })).toHaveText('Discussions');
  await expect(m.page.getByRole('link', { name: 'Schedule a discussion' })).toHaveCount(0);
  await m.page.goto('/discussions/new');
  await expect(m.page.getByTestId('forbidden')).toHaveText('Only elders and admins can schedule discussions.');
  await expect(m.page.getByLabel('Title')).toHaveCount(0);

  // The elder's real server-action request, captured and replayed with the member's session.
  const e = await signedInPage(elder);
  await e.page.goto('/discussions/new');
  const title = uniqueName('Elder only');
  await fillSchedule(e.page, { title, localStart: '2030-02-01T18:00' });
  const [request] = await Promise.all([
    e.page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    e.page.getByRole('button', { name: 'Schedule discussion' }).click(),
  ]);
  await expect(e.page).toHaveURL(/\?created=1$/);
  const id = new URL(e.page.url()).pathname.split('/').pop()!;
  const replayTitle = uniqueName('Member forged');
  const res = await m.context.request.post('/discussions/new', {
    headers: { 'next-action': request.headers()['next-action'], 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: BASE_URL },
    data: request.postData()!.replace(title, replayTitle),
  });
  expect(await res.text()).toContain('"code":"forbidden"');
  expect(await db.discussion.count({ where: { title: replayTitle } })).toBe(0);

  await m.page.goto(`/discussions/${id}/edit`);
  await expect(m.page.getByTestId('forbidden')).toHaveText('Only its hosts and admins can change this discussion.');
  await m.page.goto(`/discussions/${id}`);
  await expect(m.page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(m.page.getByRole('button', { name: 'Cancel discussion' })).toHaveCount(0);
});

test('F24 a weekly series across the DST change keeps 19:00 New York time; one occurrence is edited and one cancelled alone', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const elder = await makeUser({ role: 'ELDER', timeZone: 'America/New_York' });
  const e = await signedInPage(elder);
  await e.page.goto('/discussions/new');
  const title = uniqueName('Spring circle');
  // US clocks change on Sunday 10 March 2030.
  await fillSchedule(e.page, { title, localStart: '2030-03-07T19:00' });
  await e.page.getByLabel('Repeats').selectOption('WEEKLY');
  await e.page.getByLabel('Number of occurrences').fill('4');
  await e.page.getByRole('button', { name: 'Schedule discussion' }).click();
  await expect(e.page).toHaveURL(/\?created=4$/);
  const occ = await db.discussion.findMany({ where: { title }, orderBy: { seriesIndex: 'asc' } });
  expect(occ.map((o) => o.startsAt.toISOString())).toEqual([
    '2030-03-08T00:00:00.000Z',
    '2030-03-14T23:00:00.000Z',
    '2030-03-21T23:00:00.000Z',
    '2030-03-28T23:00:00.000Z',
  ]);
  const seriesBox = e.page.getByRole('region', { name: 'Part of a series' });
  await expect(seriesBox.getByRole('listitem')).toHaveText(['Thu 14 Mar, 19:00 EDT', 'Thu 21 Mar, 19:00 EDT', 'Thu 28 Mar, 19:00 EDT']);

  // Edit the second occurrence only.
  await e.page.goto(`/discussions/${occ[1].id}/edit`);
  await expect(e.page.getByRole('status').filter({ hasText: 'part of a series' })).toBeVisible();
  await e.page.getByLabel('Title').fill(`${title} (moved)`);
  await e.page.getByLabel('Starts (local date and time)').fill('2030-03-14T20:30');
  await e.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(e.page).toHaveURL(`/discussions/${occ[1].id}?saved=1`);
  await expect(e.page.getByTestId('discussion-time')).toContainText('Thursday 14 March 2030, 20:30 EDT');

  // Cancel the third only.
  await e.page.goto(`/discussions/${occ[2].id}`);
  await e.page.getByRole('button', { name: 'Cancel discussion' }).click();
  await e.page.getByLabel('Reason (optional, shown to members)').fill('Host travelling');
  await e.page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(e.page.getByTestId('cancelled-notice')).toHaveText('This discussion was cancelled. Reason: Host travelling');

  const after = await db.discussion.findMany({ where: { seriesId: occ[0].seriesId }, orderBy: { seriesIndex: 'asc' } });
  expect(after.map((o) => [o.title, o.status, o.localStart])).toEqual([
    [title, 'SCHEDULED', '2030-03-07T19:00'],
    [`${title} (moved)`, 'SCHEDULED', '2030-03-14T20:30'],
    [title, 'CANCELLED', '2030-03-21T19:00'],
    [title, 'SCHEDULED', '2030-03-28T19:00'],
  ]);

  // The whole series as one calendar file: TZID on every occurrence, the cancelled one marked.
  const ics = await downloadText(e.page, 'Add the whole series');
  expect(parseIcs(ics).map((ev) => [ev.startUtc, ev.tzid, ev.status])).toEqual([
    ['2030-03-08T00:00:00.000Z', 'America/New_York', 'CONFIRMED'],
    ['2030-03-15T00:30:00.000Z', 'America/New_York', 'CONFIRMED'],
    ['2030-03-21T23:00:00.000Z', 'America/New_York', 'CANCELLED'],
    ['2030-03-28T23:00:00.000Z', 'America/New_York', 'CONFIRMED'],
  ]);
});

test('F24 a visitor in Berlin and a member in New York see the same discussion in their own time, also in the calendar', async ({
  browser,
  db,
  makeUser,
  signedInPage,
}) => {
  const elder = await makeUser({ role: 'ELDER' });
  const title = uniqueName('Zones circle');
  await db.discussion.create({
    data: {
      title,
      description: '',
      startsAt: new Date('2030-01-16T00:00:00Z'),
      timeZone: 'America/New_York',
      localStart: '2030-01-15T19:00',
      durationMinutes: 60,
      agreementText: 'Be kind to each other.',
      createdById: elder.id,
      staff: { create: [{ userId: elder.id, role: 'HOST' }] },
    },
  });
  // A visitor whose device is in Berlin: the page re-renders in the browser's zone.
  const context = await browser.newContext({ baseURL: BASE_URL, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto('/discussions/calendar?date=2030-01-15');
  await expect(page.getByTestId('viewer-zone')).toHaveAttribute('data-zone', 'Europe/Berlin');
  const berlinCell = page.locator('[data-date="2030-01-16"]');
  await expect(berlinCell.getByRole('link', { name: title })).toContainText('01:00 GMT+1');
  await expect(page.locator('[data-date="2030-01-15"]').getByRole('link', { name: title })).toHaveCount(0);
  await page.goto('/discussions?when=upcoming');
  await expect(page.getByRole('article').filter({ hasText: title })).toContainText('Wednesday 16 January 2030, 01:00 GMT+1');
  await context.close();

  const member = await makeUser({ timeZone: 'America/New_York' });
  const m = await signedInPage(member);
  await m.page.goto('/discussions/calendar?date=2030-01-15&view=week');
  await expect(m.page.getByTestId('calendar-grid')).toHaveAttribute('data-view', 'week');
  await expect(m.page.locator('[data-date="2030-01-15"]').getByRole('link', { name: title })).toContainText('19:00 EST');
  await expect(m.page.getByTestId('viewer-zone')).toContainText('America/New York');
});

test('F23 with the device clock 10 minutes off, "starts in" and the room link follow the server clock', async ({ db, makeUser, signedInPage }) => {
  const elder = await makeUser({ role: 'ELDER' });
  const make = async (minutes: number) =>
    (
      await db.discussion.create({
        data: {
          title: uniqueName('Clock circle'),
          description: '',
          startsAt: new Date(Date.now() + minutes * 60_000),
          timeZone: 'UTC',
          localStart: new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16),
          durationMinutes: 60,
          agreementText: 'Be kind to each other.',
          createdById: elder.id,
        },
      })
    ).id;
  const soon = await make(8); // the lobby is open by the server's clock
  const later = await make(22); // not yet

  const member = await makeUser();
  const behind = await signedInPage(member);
  await behind.page.clock.setSystemTime(new Date(Date.now() - 10 * 60_000)); // device 10 minutes slow
  await behind.page.goto(`/discussions/${soon}`);
  await waitForRealtime(behind.page);
  await expect(behind.page.getByTestId('room-gate')).toHaveAttribute('data-phase', 'lobby');
  await expect(behind.page.getByRole('link', { name: 'Join the room' })).toHaveAttribute('href', `/discussions/${soon}/live`);
  await expect(behind.page.getByTestId('starts-in')).toHaveText(/^Starts in [78] minutes$/);

  const ahead = await signedInPage(member);
  await ahead.page.clock.setSystemTime(new Date(Date.now() + 10 * 60_000)); // device 10 minutes fast
  await ahead.page.goto(`/discussions/${later}`);
  await waitForRealtime(ahead.page);
  await expect(ahead.page.getByTestId('starts-in')).toHaveText(/^Starts in 2[01] minutes$/);
  await expect(ahead.page.getByTestId('room-gate')).toHaveAttribute('data-phase', 'scheduled');
  await expect(ahead.page.getByRole('link', { name: 'Join the room' })).toHaveCount(0);
});

test('F13 discussion text is inert: no script runs, javascript: links are removed, the .ics is escaped', async ({ makeUser, signedInPage }) => {
  const elder = await makeUser({ role: 'ELDER', timeZone: 'UTC' });
  const e = await signedInPage(elder);
  const dialogs: string[] = [];
  e.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await e.page.goto('/discussions/new');
  const title = `<img src=x onerror=alert(1)> ${uniqueName('xss')}; BEGIN:VEVENT`;
  await fillSchedule(e.page, {
    title,
    description: '<script>alert(2)</script>\n\n[click me](javascript:alert(3)) <svg onload=alert(4)>',
    localStart: '2030-04-01T10:00',
  });
  await e.page.getByRole('button', { name: 'Schedule discussion' }).click();
  await expect(e.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(e.page.getByRole('region', { name: 'About this discussion' })).toContainText('click me');
  expect(await e.page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await e.page.locator('main script, main svg[onload], main img[onerror]').count()).toBe(0);
  const ics = await downloadText(e.page, 'Add to calendar (.ics)');
  expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  expect(parseIcs(ics)[0].summary).toBe(title);
  expect(dialogs).toEqual([]);
});

test('the personal calendar feed: created on the profile, holds my RSVPs, a new address stops the old one, turning it off stops it', async ({
  db,
  makeUser,
  signedInPage,
  playwright,
}) => {
  const elder = await makeUser({ role: 'ELDER' });
  const member = await makeUser();
  const title = uniqueName('Feed circle');
  const d = await db.discussion.create({
    data: {
      title,
      description: '',
      startsAt: new Date('2030-05-05T17:00:00Z'),
      timeZone: 'Europe/Berlin',
      localStart: '2030-05-05T19:00',
      durationMinutes: 60,
      agreementText: 'Be kind to each other.',
      createdById: elder.id,
    },
  });
  await db.rsvp.create({ data: { discussionId: d.id, userId: member.id, status: 'GOING' } });
  const m = await signedInPage(member);
  await m.page.goto('/profile');
  const feed = m.page.getByTestId('calendar-feed');
  await expect(feed.getByTestId('calendar-feed-off')).toBeVisible();
  await feed.getByRole('button', { name: 'Create my feed address' }).click();
  const address = feed.getByLabel('Your feed address');
  await expect(address).toHaveValue(new RegExp(`^${BASE_URL}/api/calendar/feed/[A-Za-z0-9_-]{43}$`));
  const url1 = await address.inputValue();

  const anonymous = await playwright.request.newContext(); // a calendar app: no cookies
  const res = await anonymous.get(url1);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/calendar');
  expect(parseIcs(await res.text())).toEqual([expect.objectContaining({ summary: title, startUtc: '2030-05-05T17:00:00.000Z', tzid: 'Europe/Berlin' })]);

  await feed.getByRole('button', { name: 'Make a new address' }).click();
  await expect(address).not.toHaveValue(url1);
  const url2 = await address.inputValue();
  expect((await anonymous.get(url1)).status()).toBe(404);
  expect((await anonymous.get(url2)).status()).toBe(200);
  await feed.getByRole('button', { name: 'Turn off' }).click();
  await expect(feed.getByTestId('calendar-feed-off')).toBeVisible();
  expect((await anonymous.get(url2)).status()).toBe(404);
  await anonymous.dispose();
});
