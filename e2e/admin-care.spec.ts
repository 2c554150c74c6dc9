// The admins' care settings (issue 10 item 1) at /admin/care: the crisis resources (a new one appears on /support,
// the shipped ones are marked "Check these for your community" until the first change), the care word list and the
// report threshold; admins only. The settings are the community's: the test starts from the shipped defaults and
// puts them back when it ends.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../server/db/client';
import { horizontalOverflow, MIN_TAP_PX, seriousAxeViolations, smallTapTargets } from './a11y';
import { expect, test, uniqueName } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');

/** Back to the shipped care settings: no saved lists (their markers), no threshold of the community's own. */
async function shippedDefaults(db: Db) {
  await db.communitySetting.deleteMany({ where: { key: { in: ['careTermsSaved', 'careResourcesSaved', 'reportHideThreshold'] } } });
  await db.careResource.deleteMany({});
  await db.careTerm.deleteMany({});
}

test.afterEach(async ({ db }) => {
  await shippedDefaults(db);
});

test('an admin adds a crisis resource: it shows on /support with the others; words and the threshold are edited too', async ({
  db,
  makeUser,
  signedInPage,
  anonymousPage,
}) => {
  await shippedDefaults(db);
  const admin = await makeUser({ role: 'ADMIN' });
  const { page } = await signedInPage(admin);
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Care' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Care settings');
  const resources = page.getByTestId('care-resources');
  await expect(resources.getByTestId('care-resources-are-defaults')).toContainText('Check these for your community');
  await expect(page.getByText('Matching is tolerant of case, spacing and common misspellings.')).toBeVisible();
  const shipped = await resources.getByTestId('care-resource').count();

  const name = uniqueName('Circle peer line');
  await resources.getByRole('button', { name: 'Add a resource' }).click();
  const form = resources.getByRole('form', { name: 'Add a resource' });
  await form.getByRole('textbox', { name: 'Name' }).fill(`  ${name} `);
  await form.getByRole('textbox', { name: 'How to reach them' }).fill('Call or text 555 0142');
  await form.getByRole('textbox', { name: 'Region (optional)' }).fill('Testland');
  await form.getByRole('textbox', { name: 'Description (optional)' }).fill('Peers who have been there, every evening.');
  await form.getByRole('button', { name: 'Add resource' }).click();
  await expect(resources.getByTestId('care-resources-status')).toHaveText(`Added “${name}”.`);
  await expect(resources.getByTestId('care-resource')).toHaveCount(shipped + 1);
  await expect(resources.getByTestId('care-resources-are-defaults')).toHaveCount(0);

  // Too long a name: refused beside the field, nothing added.
  await resources.getByRole('button', { name: 'Add a resource' }).click();
  await form.getByRole('textbox', { name: 'Name' }).evaluate((el: HTMLInputElement) => el.removeAttribute('maxlength'));
  await form.getByRole('textbox', { name: 'Name' }).fill('x'.repeat(81));
  await form.getByRole('textbox', { name: 'How to reach them' }).fill('Call 1');
  await form.getByRole('button', { name: 'Add resource' }).click();
  await expect(form.getByText('Keep a name under 80 characters.')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(resources.getByTestId('care-resource')).toHaveCount(shipped + 1);

  // Moved up one place: the order is the support page's order.
  await resources.getByRole('button', { name: `Move “${name}” up` }).click();
  await expect(resources.getByTestId('care-resources-status')).toHaveText(`Moved “${name}” up.`);

  // A visitor sees it on /support, with the shipped ones, and no "general resources" note any more.
  const visitor = (await anonymousPage()).page;
  await visitor.goto('/support');
  const list = visitor.getByTestId('support-resource');
  await expect(list).toHaveCount(shipped + 1);
  await expect(list.nth(shipped - 1)).toContainText(name);
  await expect(list.nth(shipped - 1)).toContainText('Call or text 555 0142');
  await expect(list.nth(shipped - 1).getByRole('link', { name: `Call ${name}` })).toHaveAttribute('href', 'tel:5550142');
  await expect(list.nth(shipped - 1).getByRole('link', { name: `Text ${name}` })).toHaveAttribute('href', 'sms:5550142');
  await expect(visitor.getByTestId('support-resources-default')).toHaveCount(0);

  // The care word list: a phrase added (cleaned, lower-cased), then removed.
  const words = page.getByTestId('care-word-list');
  await expect(words.getByTestId('care-terms-are-defaults')).toBeVisible();
  const phrase = `no way forward ${Math.random().toString(36).slice(2, 6)}`;
  await words.getByRole('textbox', { name: 'Word or phrase' }).fill(`  ${phrase.toUpperCase()} `);
  await words.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(words.getByTestId('care-terms-status')).toHaveText(`Added “${phrase}”.`);
  await expect(words.getByRole('list', { name: 'The care word list' }).getByText(phrase, { exact: true })).toBeVisible();
  await words.getByRole('button', { name: `Remove “${phrase}”` }).click();
  await expect(words.getByTestId('care-terms-status')).toHaveText(`Removed “${phrase}”.`);
  await expect(words.getByText(phrase, { exact: true })).toHaveCount(0);

  // The report threshold: 1–20.
  const threshold = page.getByTestId('report-threshold');
  await threshold.getByRole('spinbutton', { name: 'Reports that hide a question' }).fill('21');
  await threshold.getByRole('button', { name: 'Save' }).click();
  await expect(threshold.getByText('Enter a number from 1 to 20.')).toBeVisible();
  await threshold.getByRole('spinbutton', { name: 'Reports that hide a question' }).fill('5');
  await threshold.getByRole('button', { name: 'Save' }).click();
  await expect(threshold.getByTestId('report-threshold-status')).toHaveText('Saved: a question is hidden for review once 5 different people report it.');
  expect((await db.communitySetting.findUnique({ where: { key: 'reportHideThreshold' } }))?.value).toBe('5');
});

test('members and facilitators never see the care settings', async ({ makeUser, signedInPage }) => {
  for (const role of ['MEMBER', 'FACILITATOR', 'ELDER'] as const) {
    const { page } = await signedInPage(await makeUser({ role }));
    await page.goto('/admin/care');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admins only');
    await expect(page.getByTestId('care-resources')).toHaveCount(0);
  }
});

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 800 },
]) {
  test(`/admin/care at ${viewport.width} wide: screenshot, axe, no overflow, tap targets`, async ({ db, makeUser, signedInPage }) => {
    await shippedDefaults(db);
    const { page } = await signedInPage(await makeUser({ role: 'ADMIN' }), { viewport: { width: viewport.width, height: viewport.height } });
    await page.goto('/admin/care');
    await expect(page.getByTestId('care-resources')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `admin-care-${viewport.name}.png`), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    if (viewport.name === 'phone') expect(await smallTapTargets(page, MIN_TAP_PX)).toEqual([]);
  });
}
