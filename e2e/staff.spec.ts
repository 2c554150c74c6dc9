// Staff backchannel and content warnings in Chromium (issue 10 items 3 and 5): backchannel messages reach the
// staff only (a member's page never shows them; the second facilitator sees them live; the host finds them kept
// with the discussion); a content-warned question is blurred until revealed (keyboard: Tab to "Show", Enter),
// hidden from screen readers until then, and shown at once with the profile setting on; facilitators set and
// clear a warning from the console. Screenshots (desktop and phone) of the console and of a blurred question.
// Every test makes its own discussion and people.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { horizontalOverflow } from './a11y';
import { expect, test } from './fixtures';
import { ConsolePage, createLiveDiscussion, openRoom } from './moderation-fixtures';

const SCREENS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SCREENS, { recursive: true });

const marker = (what: string) => `${what} ${randomBytes(3).toString('hex')}`;
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** Serious or critical axe findings inside one part of the page. */
async function axeIn(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('backchannel messages reach the staff only: the second facilitator live, the host later, never a member', async ({ db, makeUser, signedInPage }) => {
  const host = await makeUser({ role: 'ELDER', displayName: `Host ${randomBytes(2).toString('hex')}` });
  const sam = await makeUser({ role: 'FACILITATOR', displayName: `Sam ${randomBytes(2).toString('hex')}` });
  const jordan = await makeUser({ role: 'FACILITATOR', displayName: `Jordan ${randomBytes(2).toString('hex')}` });
  const m1 = await makeUser({ role: 'MEMBER', displayName: `Juniper ${randomBytes(2).toString('hex')}` });
  const m2 = await makeUser({ role: 'MEMBER', displayName: `Alder ${randomBytes(2).toString('hex')}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [sam, jordan], members: [m1, m2] }, { mode: 'POST' });

  const memberRoom = await openRoom((await signedInPage(m1)).page, id);
  const askerRoom = await openRoom((await signedInPage(m2)).page, id);
  const samConsole = new ConsolePage((await signedInPage(sam, { viewport: DESKTOP })).page);
  await samConsole.goto(id);
  const jordanConsole = new ConsolePage((await signedInPage(jordan, { viewport: PHONE })).page);
  await jordanConsole.goto(id);

  const sBox = samConsole.page.getByTestId('backchannel');
  const jBox = jordanConsole.page.getByTestId('backchannel');
  await expect(sBox.getByTestId('backchannel-private')).toHaveText(/Private to staff — the room never sees this/);
  await expect(jBox).toContainText('No messages yet');

  // Enter sends; Shift+Enter starts a new line.
  const first = marker('Can you take the next grief question?');
  const input = sBox.getByLabel('Message to staff');
  await input.fill(first);
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const mine = sBox.getByTestId('backchannel-message').filter({ hasText: first });
  await expect(mine.getByTestId('backchannel-author')).toHaveText('You');
  const live = jBox.getByTestId('backchannel-message').filter({ hasText: first });
  await expect(live.getByTestId('backchannel-author')).toHaveText(sam.displayName);
  await expect(live.getByTestId('backchannel-badge')).toHaveText('Facilitator');
  await expect(live.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  // New messages from others are announced to screen readers.
  await expect(jBox.getByTestId('backchannel-announcer')).toContainText(`Staff message from ${sam.displayName}: ${first}`);

  const second = marker('Yes, on it');
  const jInput = jBox.getByLabel('Message to staff');
  await jInput.focus();
  await jordanConsole.page.keyboard.type('Line one');
  await jordanConsole.page.keyboard.press('Shift+Enter');
  await jordanConsole.page.keyboard.type(second);
  await expect(jInput).toHaveValue(`Line one\n${second}`);
  await jordanConsole.page.keyboard.press('Enter');
  const reply = sBox.getByTestId('backchannel-message').filter({ hasText: second });
  await expect(reply.getByTestId('backchannel-body')).toHaveText(`Line one\n${second}`);

  // A question broadcast to the room after the messages reaches the member: anything sent before it has too.
  const barrier = marker('A question after the staff talked');
  await askerRoom.ask(barrier, { anonymous: false });
  await expect(memberRoom.question(barrier)).toBeVisible();
  await expect(memberRoom.page.getByTestId('live-room')).not.toContainText(first);
  await expect(memberRoom.page.getByTestId('live-room')).not.toContainText(second);
  await expect(memberRoom.page.getByTestId('backchannel')).toHaveCount(0);
  // The console is not theirs either.
  await memberRoom.page.goto(`/discussions/${id}/moderate`);
  await expect(memberRoom.page.locator('body')).not.toContainText(first);
  await expect(memberRoom.page.getByTestId('backchannel')).toHaveCount(0);

  // Kept with the discussion: the host opening the console later reads both, in order.
  const hostConsole = new ConsolePage((await signedInPage(host, { viewport: DESKTOP })).page);
  await hostConsole.goto(id);
  const hostMessages = hostConsole.page.getByTestId('backchannel').getByTestId('backchannel-body');
  await expect(hostMessages).toHaveText([first, `Line one\n${second}`]);

  expect(await axeIn(samConsole.page, '[data-testid="backchannel"]')).toEqual([]);
  expect(await horizontalOverflow(jordanConsole.page)).toBeLessThanOrEqual(0);
  const sendBox = await jBox.getByRole('button', { name: 'Send to staff' }).boundingBox();
  expect(sendBox?.height ?? 0).toBeGreaterThanOrEqual(44);
  await samConsole.page.screenshot({ path: path.join(SCREENS, 'staff-backchannel-desktop.png'), fullPage: true });
  // On a phone the backchannel sits below the queue.
  await jBox.scrollIntoViewIfNeeded();
  await jordanConsole.page.screenshot({ path: path.join(SCREENS, 'staff-backchannel-phone.png'), fullPage: true });
  const queueBottom = await jordanConsole.page.getByTestId('console-list').boundingBox();
  const boxTop = await jBox.boundingBox();
  expect(boxTop!.y).toBeGreaterThan(queueBottom!.y);
});

test('a content-warned question is blurred until revealed (Tab to "Show", Enter), shown at once with the profile setting, and staff set or clear the warning', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const host = await makeUser({ role: 'ELDER', displayName: `Host ${randomBytes(2).toString('hex')}` });
  const sam = await makeUser({ role: 'FACILITATOR', displayName: `Sam ${randomBytes(2).toString('hex')}` });
  const author = await makeUser({ role: 'MEMBER', displayName: `Juniper ${randomBytes(2).toString('hex')}` });
  const reader = await makeUser({ role: 'MEMBER', displayName: `Alder ${randomBytes(2).toString('hex')}` });
  const always = await makeUser({ role: 'MEMBER', displayName: `Rowan ${randomBytes(2).toString('hex')}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [sam], members: [author, reader, always] }, { mode: 'POST' });

  const authorRoom = await openRoom((await signedInPage(author)).page, id);
  const readerRoom = await openRoom((await signedInPage(reader, { viewport: DESKTOP })).page, id);
  const text = marker('The flashbacks from that night keep coming back; how do others cope?');
  await authorRoom.questionInput.fill(text);
  await authorRoom.page.getByLabel('Content warning').selectOption('trauma');
  await authorRoom.page.getByRole('button', { name: 'Ask', exact: true }).click();
  // The author reads their own question as written.
  await expect(authorRoom.body(text)).toBeVisible();
  await expect(authorRoom.question(text).getByTestId('warned-content')).toHaveCount(0);

  // The reader: the warning and a Show button; the text blurred, hidden from screen readers, not focusable.
  const card = readerRoom.question(text);
  const warned = card.getByTestId('warned-content');
  await expect(warned).toHaveAttribute('data-revealed', 'no');
  await expect(warned).toContainText('Content warning: trauma');
  const show = card.getByRole('button', { name: /^Show/ });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  const hidden = warned.locator(`[id="${await show.getAttribute('aria-controls')}"]`);
  await expect(hidden).toHaveAttribute('aria-hidden', 'true');
  await expect(hidden).toHaveAttribute('inert', '');
  await expect(hidden).toHaveClass(/blur/);
  // getByRole leaves out what assistive technology cannot reach: the text is not there for it.
  await expect(card.getByRole('paragraph').filter({ hasText: text })).toHaveCount(0);
  expect(await axeIn(readerRoom.page, '[data-testid="question-list"]')).toEqual([]);
  await readerRoom.page.screenshot({ path: path.join(SCREENS, 'content-warning-blurred-desktop.png'), fullPage: true });
  await readerRoom.page.setViewportSize(PHONE);
  expect(await horizontalOverflow(readerRoom.page)).toBeLessThanOrEqual(0);
  expect((await show.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await readerRoom.page.screenshot({ path: path.join(SCREENS, 'content-warning-blurred-phone.png'), fullPage: true });
  await readerRoom.page.setViewportSize(DESKTOP);

  // Keyboard: from the vote button, Tab reaches "Show"; Enter reveals.
  await card.getByRole('button', { name: /Upvote this question/ }).focus();
  await readerRoom.page.keyboard.press('Tab');
  await expect(show).toBeFocused();
  await readerRoom.page.keyboard.press('Enter');
  await expect(warned).toHaveAttribute('data-revealed', 'yes');
  await expect(card.getByRole('button', { name: /^Hide/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(hidden).not.toHaveAttribute('aria-hidden', 'true');
  await expect(card.getByRole('paragraph').filter({ hasText: text })).toBeVisible();
  await readerRoom.page.screenshot({ path: path.join(SCREENS, 'content-warning-revealed-desktop.png'), fullPage: true });

  // The profile setting: shown at once, with nothing to press.
  const { page: profile } = await signedInPage(always);
  await profile.goto('/profile');
  const setting = profile.getByLabel('Always show content behind warnings');
  await expect(setting).not.toBeChecked();
  await setting.check();
  await expect(profile.getByTestId('warned-content-status')).toHaveText(/Saved/);
  await profile.reload();
  await expect(profile.getByLabel('Always show content behind warnings')).toBeChecked();
  const alwaysRoom = await openRoom(profile, id);
  await expect(alwaysRoom.body(text)).toBeVisible();
  await expect(alwaysRoom.question(text).getByTestId('warned-content')).toHaveCount(0);
  await expect(alwaysRoom.question(text).getByRole('paragraph').filter({ hasText: text })).toBeVisible();

  // The console shows the text unblurred with its label; the facilitator changes the warning, then clears it.
  const c = new ConsolePage((await signedInPage(sam, { viewport: DESKTOP })).page);
  await c.goto(id);
  await c.openTab('Live');
  const item = c.item(text);
  await expect(item.getByTestId('console-body')).toHaveText(text);
  await expect(item).toContainText('CW: trauma');
  await item.locator('summary', { hasText: 'More' }).click();
  await item.getByLabel('Content warning').selectOption('grief');
  await item.getByRole('button', { name: 'Set warning' }).click();
  await expect(item).toContainText('CW: grief');
  await expect(readerRoom.question(text).getByTestId('warned-content')).toContainText('Content warning: grief');
  await item.getByLabel('Content warning').selectOption('');
  await item.getByRole('button', { name: 'Set warning' }).click();
  await expect(item).not.toContainText('CW:');
  await expect(readerRoom.question(text).getByTestId('warned-content')).toHaveCount(0);
  await expect(readerRoom.body(text)).toBeVisible();
  await c.page.screenshot({ path: path.join(SCREENS, 'content-warning-console-desktop.png'), fullPage: true });
});
