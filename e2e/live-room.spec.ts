// The live room in Chromium with three people: an elder hosting, a facilitator, a member. Lobby countdown →
// agreement → start → ask (anonymously) → vote → "answering now" seen by all → answered → end → answered list;
// and a reload in the middle of sending leaves exactly one question.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createRoomDiscussion, expect, type TestFixtures, test, type WorkerFixtures, waitForRealtime } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SHOTS, { recursive: true });

async function noSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(bad).toEqual([]);
}

test('elder, facilitator and member run a live discussion end to end', async ({ db, makeUser, signedInPage }) => {
  const elder = await makeUser({ role: 'ELDER', displayName: 'Elder Willow' });
  const facilitator = await makeUser({ role: 'FACILITATOR', displayName: 'Fac Robin' });
  const member = await makeUser({ role: 'MEMBER', displayName: 'Member Juniper' });
  const id = await createRoomDiscussion(db, elder, facilitator, { startsInMinutes: 3 });
  const url = `/discussions/${id}/live`;

  const m = await signedInPage(member);
  await m.page.goto(url);
  await waitForRealtime(m.page);
  // Agreement first; the lobby shows a countdown to the start.
  await expect(m.page.getByTestId('agreement-text')).toContainText('stays in the circle');
  await m.page.getByLabel('I have read this agreement and will keep it.').check();
  await m.page.getByRole('button', { name: 'Enter the room' }).click();
  await expect(m.page.getByTestId('room-phase')).toHaveAttribute('data-phase', 'lobby');
  await expect(m.page.getByTestId('room-phase')).toContainText(/starts in \d+:\d\d/);

  const e = await signedInPage(elder);
  await e.page.goto(url);
  const f = await signedInPage(facilitator);
  await f.page.goto(url);
  await expect(f.page.getByTestId('live-room')).toHaveAttribute('data-join-status', 'joined');
  await expect(m.page.getByTestId('presence-count')).toContainText('3 people here');

  // The elder starts the discussion; everybody sees it go live.
  await e.page.getByRole('button', { name: 'Start the discussion' }).click();
  for (const p of [m.page, f.page, e.page]) await expect(p.getByTestId('room-phase')).toHaveAttribute('data-phase', 'live');

  // The member asks anonymously.
  await m.page.getByLabel('Your question').fill('How do I talk to my family about my sessions?');
  await m.page.getByLabel(/Ask anonymously/).check();
  await m.page.getByRole('button', { name: 'Ask', exact: true }).click();
  const memberQ = m.page.getByTestId('question').filter({ hasText: 'talk to my family' });
  await expect(memberQ).toContainText('Anonymous');
  await expect(memberQ).toContainText('your question');
  const facQ = f.page.getByTestId('question').filter({ hasText: 'talk to my family' });
  // Moderators see a nickname for this discussion, never the name (F27).
  await expect(facQ).toContainText(/Anonymous [a-z]+/i);
  await expect(facQ).not.toContainText('Member Juniper');
  await expect(facQ).toContainText('asked anonymously');
  // A new member's first questions wait for review: the facilitator approves it from the room.
  if ((await memberQ.getByTestId('awaiting-review').count()) > 0) await facQ.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(memberQ.getByTestId('awaiting-review')).toHaveCount(0);
  await expect(e.page.getByTestId('question').filter({ hasText: 'talk to my family' })).toBeVisible();

  // The facilitator upvotes; the count rises everywhere.
  await facQ.getByRole('button', { name: /Upvote this question/ }).click();
  await expect(memberQ.getByTestId('vote-count')).toHaveText('1');
  await expect(facQ.getByRole('button', { name: /Remove your upvote/ })).toHaveAttribute('aria-pressed', 'true');

  // "Answering now": a banner for everyone.
  await facQ.getByRole('button', { name: 'Answering now' }).click();
  for (const p of [m.page, e.page, f.page]) await expect(p.getByTestId('highlight-banner')).toContainText('talk to my family');

  // Screenshots of the live room as member and facilitator, desktop and phone; accessibility.
  await m.page.screenshot({ path: path.join(SHOTS, 'live-room-member-desktop.png'), fullPage: true });
  await f.page.screenshot({ path: path.join(SHOTS, 'live-room-facilitator-desktop.png'), fullPage: true });
  await noSeriousAxe(m.page);
  await noSeriousAxe(f.page);
  for (const p of [m.page, f.page]) await p.setViewportSize({ width: 375, height: 812 });
  await m.page.screenshot({ path: path.join(SHOTS, 'live-room-member-phone.png'), fullPage: true });
  await f.page.screenshot({ path: path.join(SHOTS, 'live-room-facilitator-phone.png'), fullPage: true });
  const overflow = await m.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Marked answered, then the elder ends the discussion: read-only, the answered list shows it.
  await e.page.getByTestId('question').filter({ hasText: 'talk to my family' }).getByRole('button', { name: 'Mark answered' }).click();
  await expect(m.page.getByTestId('highlight-banner')).not.toContainText('talk to my family');
  await e.page.getByRole('button', { name: 'End the discussion' }).click();
  await expect(m.page.getByTestId('room-phase')).toHaveAttribute('data-phase', 'ended');
  await expect(m.page.getByRole('tab', { name: 'Answered' })).toHaveAttribute('aria-selected', 'true');
  await expect(m.page.getByTestId('question').filter({ hasText: 'talk to my family' })).toContainText('answered');
  await expect(m.page.getByLabel('Your question')).toHaveCount(0);
  await m.page.screenshot({ path: path.join(SHOTS, 'live-room-ended-phone.png'), fullPage: true });
});

/** A new member on the live page of a discussion whose lobby is open, the agreement's box ticked, not yet entered. */
async function memberAtTheAgreement({ db, makeUser, signedInPage }: Pick<TestFixtures & WorkerFixtures, 'db' | 'makeUser' | 'signedInPage'>) {
  const elder = await makeUser({ role: 'ELDER' });
  const facilitator = await makeUser({ role: 'FACILITATOR' });
  const member = await makeUser({ role: 'MEMBER' });
  const id = await createRoomDiscussion(db, elder, facilitator, { startsInMinutes: 5 });
  const { context, page } = await signedInPage(member);
  await page.goto(`/discussions/${id}/live`);
  await page.getByLabel('I have read this agreement and will keep it.').check();
  return { context, page, id };
}

test('accepting the agreement while the connection is down is remembered: the room opens when it is back', async ({ db, makeUser, signedInPage }) => {
  const { context, page } = await memberAtTheAgreement({ db, makeUser, signedInPage });
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connected', 'no', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Enter the room' }).click();
  await context.setOffline(false);
  await expect(page.getByLabel('Your question')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Enter the room' })).toHaveCount(0);
});

test('a reload in the middle of sending leaves exactly one question', async ({ db, makeUser, signedInPage }) => {
  const { context, page, id } = await memberAtTheAgreement({ db, makeUser, signedInPage });
  await page.getByRole('button', { name: 'Enter the room' }).click();
  await expect(page.getByTestId('room-phase')).toHaveAttribute('data-phase', 'lobby');
  // In the room (the join was answered) before the network drops: the composer is there.
  await expect(page.getByLabel('Your question')).toBeVisible();

  // The network drops; the question waits in the outbox as "sending…".
  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connected', 'no', { timeout: 30_000 });
  const body = `Sent while the train was in a tunnel ${Date.now()}`;
  await page.getByLabel('Your question').fill(body);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByTestId('outbox-item')).toContainText(body);
  await expect(page.getByTestId('connection')).toContainText('1 queued');
  expect(await db.question.count({ where: { discussionId: id } })).toBe(0);

  // Back online, the tab reloads mid-send: the outbox survives in localStorage and is sent once.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('question').filter({ hasText: body })).toBeVisible();
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('question').filter({ hasText: body })).toHaveCount(1);
  expect(await db.question.count({ where: { discussionId: id, body } })).toBe(1);
});
