// The console keyboard-first: a queue of 5 moderated with keys alone; the keys dialog; the console and the member
// room in pre mode looked at (screenshots at 1280 and 1024 wide, a tablet and a phone), axe, and the console's
// first-load JavaScript measured (gzip bytes of the scripts the first load fetched).

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from '@playwright/test';
import { horizontalOverflow, seriousAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ConsolePage, createLiveDiscussion, openRoom } from './moderation-fixtures';

const SCREENS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

test('keyboard only: a queue of 5 approved, rejected, hidden, redacted and merged; up next and highlight', async ({ db, makeUser, signedInPage }) => {
  test.setTimeout(120_000);
  const host = await makeUser({ role: 'ELDER' });
  const fac = await makeUser({ role: 'FACILITATOR' });
  const m1 = await makeUser({ role: 'MEMBER' });
  const m2 = await makeUser({ role: 'MEMBER' });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac], members: [m1, m2] });
  const tag = randomBytes(3).toString('hex');
  const texts = [1, 2, 3, 4, 5].map((n) => `Queue question ${n} ${tag}`);

  const r1 = await openRoom((await signedInPage(m1)).page, id);
  const r2 = await openRoom((await signedInPage(m2)).page, id);
  for (const t of texts.slice(0, 3)) {
    await r1.ask(t, { anonymous: false });
    await expect(r1.question(t)).toBeVisible();
  }
  for (const t of texts.slice(3)) {
    await r2.ask(t, { anonymous: true });
    await expect(r2.question(t)).toBeVisible();
  }

  const { page } = await signedInPage(fac);
  const c = new ConsolePage(page);
  await c.goto(id);
  await expect(page.getByTestId('count-queue')).toHaveText('(5)');
  const kb = page.keyboard;
  const selected = page.locator('[data-testid="console-item"][data-selected="yes"]');
  await expect(selected).toContainText(texts[0]); // oldest first, selected at once

  // a: approve #1; the next item takes its place.
  await kb.press('a');
  await expect(page.getByTestId('count-queue')).toHaveText('(4)');
  await expect(selected).toContainText(texts[1]);
  // j, k move; r opens the reason picker, Enter sends the first reason.
  await kb.press('j');
  await expect(selected).toContainText(texts[2]);
  await kb.press('k');
  await expect(selected).toContainText(texts[1]);
  await kb.press('r');
  const reject = page.getByTestId('reject-dialog');
  await expect(reject).toBeVisible();
  await expect(reject.getByRole('radio').first()).toBeFocused();
  await kb.press('Enter');
  await expect(reject).toHaveCount(0);
  await expect(page.getByTestId('count-queue')).toHaveText('(3)');
  await expect(r1.question(texts[1]).getByTestId('reject-reason')).toBeVisible();
  // e redacts #3 (typing in the dialog does not trigger the keys), then a approves it.
  await expect(selected).toContainText(texts[2]);
  await kb.press('e');
  const redact = page.getByTestId('redact-dialog');
  await expect(redact.getByLabel('The question as the room will read it')).toBeFocused();
  await kb.press('End');
  await kb.type(' (kindly edited)');
  await kb.press('Tab');
  await kb.type('We shortened it a little.');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(redact).toHaveCount(0);
  await expect(selected).toContainText('(kindly edited)');
  await kb.press('a');
  await expect(page.getByTestId('count-queue')).toHaveText('(2)');
  // m merges #4 into #1: find it, pick it with the keyboard, Enter.
  await expect(selected).toContainText(texts[3]);
  await kb.press('m');
  const merge = page.getByTestId('merge-dialog');
  await expect(merge.getByLabel('Find the question it duplicates')).toBeFocused();
  await kb.type(texts[0]);
  await kb.press('Tab');
  await kb.press('Space');
  await kb.press('Enter');
  await expect(merge).toHaveCount(0);
  await expect(page.getByTestId('count-queue')).toHaveText('(1)');
  // h on a held question explains itself (hide is for approved ones); a approves #5.
  await expect(selected).toContainText(texts[4]);
  await kb.press('h');
  await expect(c.message).toContainText('reject it (r)');
  await kb.press('a');
  await expect(page.getByTestId('count-queue')).toHaveText('(0)');
  await expect(r1.question(texts[0])).toBeVisible();
  await expect(r1.question(texts[4])).toBeVisible();

  // 2: the Live tab (#1, #3, #5). h hides the selected one for the room; u undoes it.
  await kb.press('2');
  await expect(c.tab('Live')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('count-live')).toHaveText('(3)');
  const first = (await selected.getByTestId('console-body').textContent()) ?? '';
  await kb.press('h');
  await expect(page.getByTestId('count-live')).toHaveText('(2)');
  await expect(r2.question(first)).toHaveCount(0);
  await expect(r1.question(first).getByTestId('hidden-note')).toBeVisible(); // its author still sees it, and why
  await expect(page.getByTestId('undo-toast')).toContainText('Hidden from the room.');
  await kb.press('u');
  await expect(page.getByTestId('count-live')).toHaveText('(3)');
  await expect(r2.question(first)).toBeVisible();
  // q puts the selected question up next; n highlights the next one up, for the whole room.
  await kb.press('k');
  const upNext = (await selected.getByTestId('console-body').textContent()) ?? '';
  await kb.press('q');
  await expect(c.item(upNext)).toContainText('up next #1');
  await kb.press('n');
  await expect(r2.banner).toContainText(upNext);
  // "Mark answered" offers an undo for 10 s; u takes it back.
  await c.item(upNext).getByRole('button', { name: 'Mark answered' }).click();
  await expect(page.getByTestId('count-answered')).toHaveText('(1)');
  await expect(page.getByTestId('undo-toast')).toContainText('Marked answered.');
  await kb.press('u');
  await expect(page.getByTestId('count-answered')).toHaveText('(0)');
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);
  await expect(r2.question(upNext)).not.toContainText('answered');
  // 4: Hidden/Rejected lists the rejected and the merged one.
  await kb.press('4');
  await expect(page.getByTestId('count-closed')).toHaveText('(2)');
  // ? shows the keys; Escape closes the dialog and gives the focus back.
  await kb.press('Shift+?');
  await expect(page.getByTestId('keys-dialog')).toBeVisible();
  await kb.press('Escape');
  await expect(page.getByTestId('keys-dialog')).toHaveCount(0);
});

test('the console and the member room in pre mode: screenshots, axe, layout at 1280, 1024, 768 and 375, first-load JS', async ({
  db,
  makeUser,
  signedInPage,
  anonymousPage,
}) => {
  test.setTimeout(180_000); // seven people, four viewports, axe five times
  const host = await makeUser({ role: 'ELDER', displayName: 'Rowan Elm' });
  const fac = await makeUser({ role: 'FACILITATOR', displayName: 'Sam Reed' });
  const fac2 = await makeUser({ role: 'FACILITATOR', displayName: 'Jordan Birch' });
  const m1 = await makeUser({ role: 'MEMBER', displayName: 'Juniper Ash' });
  const m2 = await makeUser({ role: 'MEMBER', displayName: 'Alder Moss' });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac, fac2], members: [m1, m2] }, { title: 'Integration circle: after the retreat' });

  const r1 = await openRoom((await signedInPage(m1, { viewport: { width: 1280, height: 900 } })).page, id);
  const r2 = await openRoom((await signedInPage(m2)).page, id);
  const asks: [typeof r1, string, boolean][] = [
    [r1, 'How do I talk to my family about what I experienced?', false],
    [r2, 'Is it normal to feel flat for a few weeks afterwards?', true],
    [r1, 'What helps with sleep in the first nights?', false],
    [r2, 'Could the group share books on integration?', true],
  ];
  for (const [r, t, anonymous] of asks) {
    await r.ask(t, { anonymous });
    await expect(r.question(t)).toBeVisible();
  }

  // Jordan approves one and rejects another, so Sam's console has a feed, a live question and a rejected one.
  const jordan = new ConsolePage((await signedInPage(fac2)).page);
  await jordan.goto(id);
  await jordan.approve('feel flat');
  await jordan.rejectWithTemplate('share books');
  await jordan.openTab('Live');
  await jordan.action('feel flat', "I'm on it");
  await expect(jordan.item('feel flat').getByTestId('claim')).toHaveText('You are on it');

  // Measure the console's first load (every script the page fetched, gzipped), beside the live room's.
  const firstLoad = async ({ page, context }: { page: Page; context: BrowserContext }, open: () => Promise<void>) => {
    const scripts = new Set<string>();
    const onResponse = (res: Response) => {
      if (res.request().resourceType() === 'script') scripts.add(res.url());
    };
    page.on('response', onResponse);
    await open();
    page.off('response', onResponse);
    const sizes = new Map<string, { raw: number; gzip: number }>();
    for (const url of scripts) {
      const body = await (await context.request.get(url)).body();
      sizes.set(new URL(url).pathname, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    return sizes;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const total = (m: Map<string, { raw: number; gzip: number }>, only?: (k: string) => boolean) => {
    const rows = [...m].filter(([k]) => !only || only(k));
    return `${rows.length} scripts, ${kb(rows.reduce((a, [, v]) => a + v.raw, 0))} raw, ${kb(rows.reduce((a, [, v]) => a + v.gzip, 0))} gzip`;
  };
  // Each in a fresh context, so nothing comes from the browser's cache.
  const other = await signedInPage(host);
  const live = await firstLoad(other, () => openRoom(other.page, id).then(() => undefined));
  await other.context.close();
  const { page, context } = await signedInPage(fac, { viewport: { width: 1280, height: 900 } });
  const c = new ConsolePage(page);
  const consoleJs = await firstLoad({ page, context }, () => c.goto(id));
  const report = [
    `console first-load JS (/discussions/[id]/moderate): ${total(consoleJs)}`,
    `live room first-load JS (/discussions/[id]/live), for comparison: ${total(live)}`,
    `console scripts the live room does not load: ${total(consoleJs, (k) => !live.has(k))}`,
  ].join('\n');
  console.log(`[e2e] ${report}`);
  writeFileSync(path.join(SCREENS, 'console-first-load-js.txt'), `${report}\n`);

  await expect(c.item('talk to my family')).toBeVisible();
  await expect(c.page.getByTestId('feed')).toContainText('Jordan Birch approved');
  // An anonymous asker shows by pseudonym, never by name.
  await c.openTab('Live');
  await expect(c.item('feel flat').getByTestId('console-author')).toHaveText(/^Anonymous /);
  await expect(c.item('feel flat')).not.toContainText('Alder Moss');
  await expect(c.item('feel flat').getByTestId('claim')).toHaveText('Jordan Birch is on it');
  await c.openTab('Queue');

  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS, 'console-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 800 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS, 'console-1024.png'), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS, 'console-768.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENS, 'console-375.png'), fullPage: true });
  // The reject dialog, looked at too.
  await page.setViewportSize({ width: 1024, height: 800 });
  await c.action('talk to my family', 'Reject…');
  await expect(page.getByTestId('reject-dialog')).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS, 'console-reject-dialog.png') });
  await page.keyboard.press('Escape');

  // The member room in pre mode: the notice, my question awaiting review, the rejected one with its reason.
  await expect(r2.question('share books').getByTestId('reject-reason')).toBeVisible();
  await expect(r1.question('talk to my family').getByTestId('awaiting-review')).toBeVisible();
  expect(await seriousAxeViolations(r1.page)).toEqual([]);
  expect(await seriousAxeViolations(r2.page)).toEqual([]);
  await r1.page.screenshot({ path: path.join(SCREENS, 'member-room-pre.png'), fullPage: true });
  await r2.page.setViewportSize({ width: 375, height: 812 });
  expect(await horizontalOverflow(r2.page)).toBeLessThanOrEqual(0);
  await r2.page.screenshot({ path: path.join(SCREENS, 'member-room-pre-rejected-phone.png'), fullPage: true });

  // Hosts reach the console from the discussion page; members see no link and are refused the console; a
  // signed-out visitor is sent to sign in.
  const hostPage = (await signedInPage(host)).page;
  await hostPage.goto(`/discussions/${id}`);
  await hostPage.getByTestId('console-link').click();
  await expect(hostPage.getByTestId('moderation-console')).toHaveAttribute('data-join-status', 'joined');
  const refused = (await signedInPage(m1)).page;
  await refused.goto(`/discussions/${id}`);
  await expect(refused.getByTestId('discussion')).toBeVisible();
  await expect(refused.getByTestId('console-link')).toHaveCount(0);
  await refused.goto(`/discussions/${id}/moderate`);
  await expect(refused.getByTestId('moderation-forbidden')).toContainText('Hosts and facilitators only');
  const anon = (await anonymousPage()).page;
  await anon.goto(`/discussions/${id}/moderate`);
  await expect(anon).toHaveURL(/\/signin\?callbackUrl=/);
});
