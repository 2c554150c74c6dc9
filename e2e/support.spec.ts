// "Need support now?" (issue 10 item 1): every page's footer links to /support, reachable by keyboard and without
// signing in; the page is kind, lists the crisis resources and says to contact local emergency services. Screenshots
// at desktop and phone width, looked at; axe clean; no sideways scrolling; thumb-sized controls on a phone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { horizontalOverflow, MIN_TAP_PX, seriousAxeViolations, smallTapTargets } from './a11y';
import { expect, test } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');

test('a visitor reaches /support from the footer by keyboard alone, from any page', async ({ anonymousPage }) => {
  const { page } = await anonymousPage();
  for (const from of ['/', '/library', '/discussions']) {
    await page.goto(from);
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Need support now?' });
    await expect(link).toBeVisible();
    // Tab through the page until the footer link has focus: it is in the normal keyboard order of every page.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((el) => el === document.activeElement);
    }
    expect(reached, `Tab reaches the footer link on ${from}`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/support$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Need support now?');
  }
  await expect(page.getByTestId('support-resources').getByRole('note')).toHaveText('If you are in immediate danger, contact local emergency services.');
  expect(await page.getByTestId('support-resource').count()).toBeGreaterThan(0);
});

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 800 },
]) {
  test(`/support at ${viewport.width} wide: screenshot, axe, no overflow, tap targets`, async ({ anonymousPage }) => {
    const { page } = await anonymousPage({ viewport: { width: viewport.width, height: viewport.height } });
    await page.goto('/support');
    await expect(page.getByTestId('support-page')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `support-${viewport.name}.png`), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    if (viewport.name === 'phone') expect(await smallTapTargets(page, MIN_TAP_PX)).toEqual([]);
  });
}
