// The care lane in Chromium (issue 10 acceptance): a member asks a question in words of distress → the room (a
// second member) never sees it, the asker sees the support message with crisis resources at once; a facilitator
// sees the alert at the top of the console, claims the item and replies privately; the asker reads the reply. Only
// the asker answers whether a version without the details may be asked (review finding 3): until their "yes" the
// facilitator cannot publish; after it, the facilitator sees the answer live and publishes, and the room reads only
// the safer version. Post moderation on purpose: even where questions appear at once, this one never does. Screenshots of the support
// message and the console's care lane at desktop and phone width (e2e/.screenshots/), axe clean.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { MIN_TAP_PX, seriousAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ConsolePage, createLiveDiscussion, openRoom } from './moderation-fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
const PHONE = { width: 375, height: 812 };
const tag = () => randomBytes(3).toString('hex');

/** Buttons and control-like links inside `section` shorter than a thumb (the page's other controls are not this spec's). */
function smallControls(section: Locator) {
  return section.locator('button, a[href]').evaluateAll(
    (els, min) =>
      els
        .filter((el) => getComputedStyle(el).display !== 'inline')
        .filter((el) => el.getBoundingClientRect().height < min)
        .map((el) => `${el.textContent?.trim()} ${Math.round(el.getBoundingClientRect().height)}px`),
    MIN_TAP_PX,
  );
}

test('care lane: the room never sees it, the asker gets support at once, a facilitator claims it and replies privately', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const host = await makeUser({ role: 'ELDER', displayName: `Host ${tag()}` });
  const fac = await makeUser({ role: 'FACILITATOR', displayName: `Sam ${tag()}` });
  const asker = await makeUser({ role: 'MEMBER', displayName: `Juniper ${tag()}` });
  const other = await makeUser({ role: 'MEMBER', displayName: `Alder ${tag()}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac], members: [asker, other] }, { mode: 'POST' });

  const mine = await openRoom((await signedInPage(asker)).page, id);
  const room = await openRoom((await signedInPage(other)).page, id);
  const consolePage = (await signedInPage(fac)).page;
  const c = new ConsolePage(consolePage);
  await c.goto(id);
  const lane = consolePage.getByTestId('care-lane');
  await expect(lane.getByTestId('care-count')).toHaveText('0 open');

  const marker = tag();
  const text = `Since the retreat I feel suicidal most nights ${marker}`;
  await mine.ask(text, { anonymous: true });

  // The asker: a warm message at once, with where to get help; their question stays with them, marked private.
  const support = mine.page.getByTestId('care-support');
  await expect(support).toBeVisible();
  await expect(support.getByRole('heading', { name: 'You’re not alone' })).toBeFocused();
  await expect(support).toContainText('a facilitator will read it');
  await expect(support).toContainText('contact local emergency services');
  await expect(support.getByTestId('support-resource')).not.toHaveCount(0);
  await expect(support).toContainText('988');
  await expect(mine.question(marker).getByTestId('care-note')).toContainText('Only you and the facilitators can see this');

  // The facilitator: the alert on top, the count, the asker by pseudonym only.
  const item = lane.getByTestId('care-item').filter({ hasText: marker });
  await expect(item).toBeVisible();
  await expect(lane.getByTestId('care-count')).toHaveText('1 open');
  await expect(item.getByTestId('care-author')).toHaveText(/^Anonymous /);
  await expect(lane).not.toContainText(asker.displayName);

  // The room: a later question reaches it, this one never did.
  const later = `What helps you sleep after a circle? ${tag()}`;
  await mine.ask(later, { anonymous: false });
  await expect(room.question(later)).toBeVisible();
  await expect(room.page.getByTestId('live-room')).not.toContainText(marker);
  await expect(room.page.getByTestId('care-support')).toHaveCount(0);

  // Claim, then a private reply from a kind template.
  await item
    .getByRole('button', { name: 'I’m on it' })
    .or(item.getByRole('button', { name: "I'm on it" }))
    .click();
  await expect(item.getByTestId('care-claim')).toHaveText('You are on it');
  await item.getByRole('button', { name: 'Reply privately…' }).click();
  const dialog = consolePage.getByTestId('private-reply-dialog');
  await expect(dialog).toBeVisible();
  await consolePage.screenshot({ path: path.join(SHOTS, 'care-console-reply-desktop.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'We see you' }).click();
  const reply = `Thank you for telling us. You are not alone, and we are here with you. ${tag()}`;
  await dialog.getByLabel(/Your reply/).fill(reply);
  await dialog.getByRole('button', { name: 'Send privately' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item).toContainText(reply);

  // The asker reads it on their question, marked as private; the room never gets it.
  const privateReply = mine.question(marker).getByTestId('private-reply');
  await expect(privateReply).toContainText('Private reply from the facilitators');
  await expect(privateReply).toContainText(reply);
  await expect(room.page.getByTestId('live-room')).not.toContainText(reply);

  // The asker's own answer: not given yet, so the facilitator cannot publish a version.
  const yes = 'Yes, the facilitators may ask a version without the details';
  const choice = mine.question(marker).getByTestId('care-choice');
  await expect(choice).toContainText('nothing is shared');
  await expect(choice.getByRole('button', { name: yes })).toHaveAttribute('aria-pressed', 'false');
  await expect(choice.getByRole('button', { name: 'Keep it between us' })).toBeVisible();
  await expect(item.getByTestId('care-asker-choice')).toHaveText('The person has not said whether it may be asked');
  await expect(item.getByRole('button', { name: 'Publish a safer version…' })).toBeDisabled();
  await expect(room.page.getByTestId('care-choice')).toHaveCount(0);

  expect(await seriousAxeViolations(mine.page), 'room with the support message: axe').toEqual([]);
  expect(await seriousAxeViolations(consolePage), 'console with the care lane: axe').toEqual([]);
  await mine.page.screenshot({ path: path.join(SHOTS, 'care-support-desktop.png'), fullPage: true });
  await consolePage.screenshot({ path: path.join(SHOTS, 'care-console-desktop.png'), fullPage: true });

  // Phone width: the same screens, readable and with thumb-sized controls.
  const phoneRoom = await openRoom((await signedInPage(asker, { viewport: PHONE })).page, id);
  await expect(phoneRoom.page.getByTestId('care-support')).toBeVisible();
  await expect(phoneRoom.question(marker).getByTestId('private-reply')).toContainText(reply);
  await phoneRoom.page.screenshot({ path: path.join(SHOTS, 'care-support-phone.png'), fullPage: true });
  const phoneConsole = new ConsolePage((await signedInPage(fac, { viewport: PHONE })).page);
  await phoneConsole.goto(id);
  await expect(phoneConsole.page.getByTestId('care-item').filter({ hasText: marker })).toBeVisible();
  expect(await smallControls(phoneConsole.page.getByTestId('care-lane'))).toEqual([]);
  expect(await smallControls(phoneRoom.page.getByTestId('care-support'))).toEqual([]);
  await expect(phoneRoom.question(marker).getByTestId('care-choice')).toBeVisible();
  expect(await smallControls(phoneRoom.question(marker).getByTestId('care-choice'))).toEqual([]);
  await phoneConsole.page.screenshot({ path: path.join(SHOTS, 'care-console-phone.png'), fullPage: true });

  // The asker says yes (in their phone tab): the other tab and the facilitator see it live; the facilitator
  // publishes a version without the details, and the room reads only that version.
  await phoneRoom.question(marker).getByTestId('care-choice').getByRole('button', { name: yes }).click();
  await expect(choice.getByRole('button', { name: yes })).toHaveAttribute('aria-pressed', 'true');
  await expect(choice.getByTestId('care-choice-status')).toContainText('You said yes');
  await phoneRoom.page.screenshot({ path: path.join(SHOTS, 'care-choice-phone.png'), fullPage: true });
  await expect(item.getByTestId('care-asker-choice')).toHaveText('The person said yes: a version without the details may be asked');
  await mine.page.screenshot({ path: path.join(SHOTS, 'care-choice-desktop.png'), fullPage: true });
  await consolePage.screenshot({ path: path.join(SHOTS, 'care-console-consent-desktop.png'), fullPage: true });
  await item.getByRole('button', { name: 'Publish a safer version…' }).click();
  const publish = consolePage.getByTestId('publish-care-dialog');
  await expect(publish).toContainText('The person said yes');
  const safer = `How do people find their footing after a hard retreat? ${tag()}`;
  await publish.getByLabel('The question as the room will read it').fill(safer);
  await publish.getByRole('button', { name: 'Publish this version' }).click();
  await expect(publish).toHaveCount(0);
  await expect(room.question(safer)).toBeVisible();
  await expect(room.page.getByTestId('live-room')).not.toContainText(marker);
  await expect(room.page.getByTestId('live-room')).not.toContainText(reply);
  // The asker: their question now reads as the room's version; the answer control and the support message are done.
  await expect(mine.question(safer)).toBeVisible();
  await expect(mine.page.getByTestId('care-choice')).toHaveCount(0);
  await expect(lane.getByTestId('care-count')).toHaveText('0 open');
});
