// F13 in the places people meet: hostile question bodies, replies, display names and discussion text are shown
// as plain text in the live room (audience and moderator views), on the notifications page and in the admin
// pages. Every payload goes in through the real forms and sockets; each view is checked for three things:
// no script ran (a tripwire on window.__xss, no dialog), no element of the payload exists in the DOM, and the
// payload is visible literally (with bidi and zero-width characters stripped, as F13 asks).
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { createRoomDiscussion, expect, strongPassword, test, uniqueEmail, waitForRealtime } from './fixtures';
import { AdminUsersPage } from './pages/admin-users-page';
import { AuditPage } from './pages/audit-page';
import { LiveRoomPage } from './pages/live-room-page';
import { NotificationsPage } from './pages/notifications-page';
import { ProfilePage } from './pages/profile-page';
import { SignUpPage } from './pages/sign-up-page';

const hex = () => randomBytes(2).toString('hex');

/** Anything the payloads would create if they were parsed as HTML. None of it may exist in any view. */
const INJECTED = ['img[src="x"]', 'svg[onload]', '[onerror]', '[onload]', '[data-xss]', 'iframe', 'main script', 'a[href^="javascript:" i]'].join(', ');

/** Bidi overrides/isolates and zero-width characters (F13): none may reach the page's text. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * A tripwire before any page script: assigning window.__xss (what every payload does) logs a marker, so a
 * payload that ran on an earlier document of this tab is caught too, and so is every dialog.
 */
async function watch(page: Page): Promise<string[]> {
  const hits: string[] = [];
  page.on('dialog', (d) => {
    hits.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.text().startsWith('xss-tripwire')) hits.push(m.text());
  });
  await page.addInitScript(() => {
    let value: unknown;
    Object.defineProperty(window, '__xss', {
      configurable: true,
      get: () => value,
      set: (v) => {
        value = v;
        console.log(`xss-tripwire ${location.pathname}`);
      },
    });
  });
  return hits;
}

async function expectInert(page: Page, hits: string[], view: string) {
  await expect(page.locator(INJECTED), `${view}: payload markup became elements`).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), `${view}: a payload script ran`).toBeUndefined();
  expect(hits, `${view}: a payload script ran or opened a dialog`).toEqual([]);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as shown), not the DOM property
  expect(await page.locator('main').innerText(), `${view}: bidi or zero-width characters reached the page`).not.toMatch(INVISIBLE);
}

async function renameOnProfile(page: Page, displayName: string) {
  const profile = new ProfilePage(page);
  await profile.goto();
  await profile.displayName.fill(displayName);
  await profile.save.click();
  await expect(profile.status).toHaveText('Profile saved.');
}

test('F13 hostile question bodies, replies and display names are inert in the live room, audience and moderator views', async ({
  db,
  makeUser,
  signedInPage,
  anonymousPage,
}, testInfo) => {
  test.setTimeout(150_000);
  const tag = randomBytes(3).toString('hex');

  // Display names, through the profile form and the sign-up form (the elder's is stored as-is).
  const nameA = `<img src=x onerror="window.__xss=1"> Ada ${hex()}`;
  const nameBSent = `<svg onload="window.__xss=1"> Bo\u202Eon\u200B ${tag.slice(0, 4)}`;
  const nameB = `<svg onload="window.__xss=1"> Boon ${tag.slice(0, 4)}`;
  const nameF = `<script>window.__xss=1</script> Robin ${hex()}`;
  const nameE = `<b data-xss="raw">Willow</b> ${hex()}`;

  const elder = await makeUser({ role: 'ELDER', displayName: nameE });
  const facilitator = await makeUser({ role: 'FACILITATOR' });
  const memberA = await makeUser({ role: 'MEMBER' });
  const title = `<img src=x onerror="window.__xss=1"> Circle ${tag}`;
  const agreementText = `<svg onload="window.__xss=1"></svg> What is shared here stays here. javascript:window.__xss=1 ${tag}`;
  const id = await createRoomDiscussion(db, elder, facilitator, { title, agreementText, timeZone: 'UTC' });

  // Questions: what is sent, and what every view must show (bidi and zero-width characters stripped).
  const q1 = `<img src=x onerror="window.__xss=1;alert('q1')"> How do I talk about it? ${tag}-q1`;
  const q2 = `<svg onload="window.__xss=1;alert('q2')"></svg> Asked anonymously ${tag}-q2`;
  const q3 = `See javascript:window.__xss=1 and [this](javascript:window.__xss=1) ${tag}-q3`;
  const q4 = `<script>window.__xss=1</script><b data-xss="raw">raw html</b><iframe data-xss="raw" srcdoc="<script>parent.__xss=1</script>"></iframe> ${tag}-q4`;
  const q5Sent = `file\u202Egpj.exe and pay\u200Bpal \u2066isolated\u2069 ${tag}-q5`;
  const q5 = `filegpj.exe and paypal isolated ${tag}-q5`;
  const r1 = `<img src=x onerror="window.__xss=1;alert('r1')"> A reply ${tag}-r1`;
  const r2 = `<a href="javascript:window.__xss=1">click me</a> javascript:window.__xss=1 ${tag}-r2`;

  const a = await signedInPage(memberA);
  const f = await signedInPage(facilitator);
  const e = await signedInPage(elder);
  const b = await anonymousPage();
  const hits = { a: await watch(a.page), b: await watch(b.page), f: await watch(f.page), e: await watch(e.page) };

  await renameOnProfile(a.page, nameA);
  await renameOnProfile(f.page, nameF);
  const signUp = new SignUpPage(b.page);
  await signUp.goto();
  await signUp.signUp({ email: uniqueEmail('f13-signup'), displayName: nameBSent, password: strongPassword() });
  await b.page.waitForURL('/profile?welcome=1');
  // The header names the signed-in person: the hostile name is text there too.
  await expect(b.page.getByTestId('nav-profile')).toContainText(nameB);
  await expectInert(b.page, hits.b, 'header after sign-up');

  const roomA = new LiveRoomPage(a.page);
  const roomB = new LiveRoomPage(b.page);
  const roomF = new LiveRoomPage(f.page);
  const roomE = new LiveRoomPage(e.page);
  for (const r of [roomA, roomB]) {
    await r.goto(id);
    await waitForRealtime(r.page);
    await expect(r.agreement).toHaveText(agreementText);
    await r.acceptAgreement();
  }
  await expectInert(a.page, hits.a, 'agreement and lobby');
  for (const r of [roomF, roomE]) {
    await r.goto(id);
    await r.expectJoined();
  }
  await roomE.start();
  for (const r of [roomA, roomB, roomF]) await expect(r.phase).toHaveAttribute('data-phase', 'live');

  await roomA.ask(q1, { anonymous: false });
  await expect(roomA.question(`${tag}-q1`)).toBeVisible();
  await roomA.ask(q2, { anonymous: true });
  await expect(roomA.question(`${tag}-q2`)).toBeVisible();
  await roomA.ask(q5Sent, { anonymous: false });
  await expect(roomA.question(`${tag}-q5`)).toBeVisible();
  await roomB.ask(q3, { anonymous: false });
  await expect(roomB.question(`${tag}-q3`)).toBeVisible();
  await roomB.ask(q4, { anonymous: true });
  await expect(roomB.question(`${tag}-q4`)).toBeVisible();

  await roomF.reply(`${tag}-q1`, r1);
  await expect(roomF.question(`${tag}-q1`).getByText(r1, { exact: true })).toBeVisible();
  await roomF.reply(`${tag}-q2`, r2);
  await expect(roomF.question(`${tag}-q2`).getByText(r2, { exact: true })).toBeVisible();
  await roomF.highlight(`${tag}-q1`);

  const authorOf = (room: LiveRoomPage, marker: string): Locator => room.question(marker).locator('p').first();

  async function expectRoomLiteral(room: LiveRoomPage, opts: { mod: boolean }) {
    await expect(room.title).toHaveText(title);
    const bodies: [string, string][] = [
      [`${tag}-q1`, q1],
      [`${tag}-q2`, q2],
      [`${tag}-q3`, q3],
      [`${tag}-q4`, q4],
      [`${tag}-q5`, q5],
    ];
    for (const [marker, shown] of bodies) {
      await expect(room.body(marker)).toHaveText(shown);
      await expect(room.body(marker)).toBeVisible();
    }
    await expect(authorOf(room, `${tag}-q1`)).toContainText(nameA);
    await expect(authorOf(room, `${tag}-q5`)).toContainText(nameA);
    await expect(authorOf(room, `${tag}-q3`)).toContainText(nameB);
    if (opts.mod) {
      // Moderators see an anonymous asker by pseudonym only (F27), never the (hostile) name.
      await expect(authorOf(room, `${tag}-q2`)).toContainText(/Anonymous \w+/);
      await expect(authorOf(room, `${tag}-q2`)).not.toContainText(nameA);
      await expect(authorOf(room, `${tag}-q4`)).toContainText(/Anonymous \w+/);
      await expect(authorOf(room, `${tag}-q4`)).not.toContainText(nameB);
    } else {
      await expect(authorOf(room, `${tag}-q2`)).toContainText('Anonymous');
      await expect(authorOf(room, `${tag}-q4`)).toContainText('Anonymous');
    }
    // Replies: the facilitator's hostile name and the hostile reply, both as text.
    for (const [marker, reply] of [
      [`${tag}-q1`, r1],
      [`${tag}-q2`, r2],
    ]) {
      const card = room.question(marker);
      await expect(card.getByText(reply, { exact: true })).toBeVisible();
      await expect(card).toContainText(nameF);
    }
    await expect(room.banner).toContainText(q1);
    if (opts.mod) {
      await room.openAttendees();
      for (const name of [nameA, nameB]) await expect(room.attendees).toContainText(name);
    }
  }

  await expectRoomLiteral(roomA, { mod: false });
  await expectInert(a.page, hits.a, 'audience view (member A)');
  await expectRoomLiteral(roomB, { mod: false });
  await expectInert(b.page, hits.b, 'audience view (member B, signed up)');
  await expectRoomLiteral(roomF, { mod: true });
  await expectInert(f.page, hits.f, 'moderator view (facilitator)');
  await expectRoomLiteral(roomE, { mod: true });
  await expectInert(e.page, hits.e, 'moderator view (host)');

  await a.page.screenshot({ path: testInfo.outputPath('f13-live-room-member.png'), fullPage: true });
  await f.page.screenshot({ path: testInfo.outputPath('f13-live-room-facilitator.png'), fullPage: true });

  // A fresh load renders the same content from the join state instead of live events: still inert.
  await a.page.reload();
  await roomA.expectJoined();
  await expect(roomA.body(`${tag}-q4`)).toHaveText(q4);
  await expect(roomA.question(`${tag}-q1`).getByText(r1, { exact: true })).toBeVisible();
  await expectInert(a.page, hits.a, 'audience view after reload');
});

test('F13 hostile discussion titles and cancel reasons are inert in notifications (live toast, list, reload)', async ({ db, makeUser, signedInPage }) => {
  const tag = randomBytes(3).toString('hex');
  const elder = await makeUser({ role: 'ELDER' });
  const member = await makeUser({ role: 'MEMBER' });
  const startsAt = new Date('2030-06-01T18:00:00.000Z');
  const d = await db.discussion.create({
    data: {
      title: `Quiet circle ${tag}`,
      description: 'An evening circle.',
      startsAt,
      timeZone: 'UTC',
      localStart: '2030-06-01T18:00',
      durationMinutes: 60,
      agreementText: 'What is shared in the circle stays in the circle.',
      createdById: elder.id,
      staff: { create: [{ userId: elder.id, role: 'HOST' }] },
      rsvps: { create: [{ userId: member.id, status: 'GOING' }] },
    },
  });

  const titleSent = `<img src=x onerror="window.__xss=1"> <svg onload="window.__xss=1"> javascript:window.__xss=1 \u202Efdp.exe ${tag}`;
  const titleShown = `<img src=x onerror="window.__xss=1"> <svg onload="window.__xss=1"> javascript:window.__xss=1 fdp.exe ${tag}`;
  const reasonSent = `<script>window.__xss=1</script> <b data-xss="raw">snow</b> [map](javascript:window.__xss=1) \u200Bstorm ${tag}`;
  const reasonShown = `<script>window.__xss=1</script> <b data-xss="raw">snow</b> [map](javascript:window.__xss=1) storm ${tag}`;

  const m = await signedInPage(member);
  const e = await signedInPage(elder);
  const hitsM = await watch(m.page);
  const hitsE = await watch(e.page);
  const notifications = new NotificationsPage(m.page);
  await notifications.goto();
  await waitForRealtime(m.page);

  // The host renames the discussion through the edit form: members with a seat are told, live.
  await e.page.goto(`/discussions/${d.id}/edit`);
  await e.page.getByLabel('Title').fill(titleSent);
  await e.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(e.page).toHaveURL(`/discussions/${d.id}?saved=1`);
  await expect(e.page.getByRole('heading', { level: 1 })).toHaveText(titleShown);
  await expectInert(e.page, hitsE, 'discussion page (host)');

  await expect(notifications.toast.locator('p').first()).toHaveText(`Changed: ${titleShown}`);
  await expect(notifications.item('Changed:').getByRole('link')).toHaveText(`Changed: ${titleShown}`);
  await expectInert(m.page, hitsM, 'notification toast and live list');

  // Then cancels it with a hostile reason.
  await e.page.getByRole('button', { name: 'Cancel discussion' }).click();
  await e.page.getByLabel('Reason (optional, shown to members)').fill(reasonSent);
  await e.page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(e.page.getByTestId('cancelled-notice')).toHaveText(`This discussion was cancelled. Reason: ${reasonShown}`);
  await expectInert(e.page, hitsE, 'cancelled discussion page (host)');

  const cancelled = notifications.item('Cancelled:');
  await expect(cancelled.getByRole('link')).toHaveText(`Cancelled: ${titleShown}`);
  await expect(cancelled).toContainText(`Reason: ${reasonShown}`);
  await expect(notifications.toast).toContainText(`Reason: ${reasonShown}`);
  await expectInert(m.page, hitsM, 'notifications after the cancel (live)');

  // Rendered by the server this time.
  await m.page.reload();
  await expect(notifications.items).toHaveCount(2);
  await expect(notifications.item('Changed:').getByRole('link')).toHaveText(`Changed: ${titleShown}`);
  await expect(notifications.item('Cancelled:')).toContainText(`Reason: ${reasonShown}`);
  await expectInert(m.page, hitsM, 'notifications page (server-rendered)');
  for (const link of await notifications.list.getByRole('link').all()) await expect(link).toHaveAttribute('href', `/discussions/${d.id}`);

  await m.page.goto(`/discussions/${d.id}`);
  await expect(m.page.getByTestId('cancelled-notice')).toHaveText(`This discussion was cancelled. Reason: ${reasonShown}`);
  await expectInert(m.page, hitsM, 'cancelled discussion page (member)');
});

test('F13 a hostile display name and ban reason are inert on the admin users page and in the audit log', async ({ makeUser, signedInPage }) => {
  const tag = randomBytes(3).toString('hex');
  const admin = await makeUser({ role: 'ADMIN' });
  const member = await makeUser({ role: 'MEMBER' });
  const nameSent = `<img src=x onerror="window.__xss=1"> Cy\u200Bra\u202E ${tag}`;
  const name = `<img src=x onerror="window.__xss=1"> Cyra ${tag}`;
  const reason = `<svg onload="window.__xss=1"> [appeal](javascript:window.__xss=1) ${tag}`;

  const m = await signedInPage(member);
  const hitsM = await watch(m.page);
  await renameOnProfile(m.page, nameSent);
  await expect(m.page.getByTestId('nav-profile')).toContainText(name);
  await expectInert(m.page, hitsM, 'profile and header');

  const { page } = await signedInPage(admin);
  const hits = await watch(page);
  const people = new AdminUsersPage(page);
  await people.search(member.email);
  await expect(people.row(member.email)).toContainText(name);
  await expect(people.row(member.email).getByRole('combobox', { name: `Role for ${name}` })).toBeVisible();
  await expectInert(page, hits, 'admin users page');
  await people.changeRole(member.email, 'FACILITATOR', 'Facilitator');
  await people.ban(member.email, reason);
  await expectInert(page, hits, 'admin users page after role change and ban');

  const audit = new AuditPage(page);
  await audit.goto();
  const entries = audit.about(name);
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(`${admin.displayName} banned ${name}`);
  await expect(entries.nth(0)).toContainText(`Reason: ${reason}`);
  await expect(entries.nth(1)).toContainText(`${admin.displayName} changed the role of ${name} (MEMBER → FACILITATOR)`);
  await expectInert(page, hits, 'audit log');
});
