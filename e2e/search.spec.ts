// Search in Chromium: the header's search box, highlighted snippets, discussions found with their visibility
// respected, hostile queries staying inert, and screenshots + axe at desktop and phone width.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Db } from '../server/db/client';
import { expect, type TestUser, test } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SHOTS, { recursive: true });

const word = (prefix: string) => `${prefix}${randomBytes(3).toString('hex')}`;

/** The /search page. */
class SearchPage {
  readonly results: Locator;
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.results = page.getByTestId('search-result');
    this.summary = page.getByTestId('search-summary');
  }
  async goto(q: string) {
    await this.page.goto(`/search?${new URLSearchParams({ q })}`);
  }
  /** Searches from the header's box, as a visitor would on any page. */
  async fromHeader(q: string) {
    const box = this.page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
    await box.fill(q);
    await box.press('Enter');
    await this.page.waitForURL((u) => u.pathname === '/search');
  }
  result(title: string | RegExp) {
    return this.results.filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}

async function makeDiscussion(
  db: Db,
  creator: TestUser,
  data: { title: string; description: string; visibility?: 'PUBLIC' | 'MEMBERS'; status?: 'SCHEDULED' | 'CANCELLED' },
) {
  return db.discussion.create({
    data: {
      ...data,
      visibility: data.visibility ?? 'PUBLIC',
      status: data.status ?? 'SCHEDULED',
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      timeZone: 'Europe/London',
      localStart: '2030-01-01T19:00',
      durationMinutes: 60,
      agreementText: 'Be kind.',
      createdById: creator.id,
    },
  });
}

test.describe('Search', () => {
  test('the header box finds an article by a word in its body, highlighted, and opens it', async ({ anonymousPage }) => {
    const { page } = await anonymousPage();
    await page.goto('/library');
    const search = new SearchPage(page);
    await search.fromHeader('Banisteriopsis');
    await expect(page).toHaveURL('/search?q=Banisteriopsis');
    const hit = search.result('Ayahuasca: ceremony, research and caution');
    await expect(hit).toHaveCount(1);
    await expect(hit).toHaveAttribute('data-kind', 'article');
    await expect(hit.locator('mark').first()).toHaveText(/banisteriopsis/i);
    await hit.getByRole('link').click();
    await expect(page).toHaveURL('/library/ayahuasca');
  });

  test('a title match ranks above body matches', async ({ anonymousPage }) => {
    const { page } = await anonymousPage();
    const search = new SearchPage(page);
    await search.goto('integration');
    await expect(search.results.first()).toBeVisible();
    // Other specs may schedule discussions with the word in their titles: those are title matches too. What must
    // hold: the article whose title matches comes before every result that matches only in its body.
    const headings = await search.results.getByRole('heading').allTextContents();
    const article = headings.indexOf('Integration: making sense of an experience afterwards');
    const firstBodyOnly = headings.findIndex((h) => !/integration/i.test(h));
    expect(article).toBeGreaterThanOrEqual(0);
    expect(firstBodyOnly).toBeGreaterThan(article);
  });

  test('discussions are found; members-only ones only by signed-in people; cancelled never', async ({ db, makeUser, anonymousPage, signedInPage }) => {
    const elder = await makeUser({ role: 'ELDER' });
    const term = word('heronfeather');
    const pub = await makeDiscussion(db, elder, { title: `Open ${term} circle`, description: 'Everyone welcome.' });
    const members = await makeDiscussion(db, elder, { title: 'Closed circle', description: `We talk about ${term} among members.`, visibility: 'MEMBERS' });
    await makeDiscussion(db, elder, { title: `Cancelled ${term} circle`, description: 'x', status: 'CANCELLED' });

    const { page: visitorPage } = await anonymousPage();
    const visitor = new SearchPage(visitorPage);
    await visitor.goto(term);
    await expect(visitor.results).toHaveCount(1);
    await expect(visitor.result(`Open ${term} circle`).getByRole('link')).toHaveAttribute('href', `/discussions/${pub.id}`);
    await expect(visitor.summary).toContainText('Sign in to also find members-only discussions');

    const member = await makeUser({ role: 'MEMBER' });
    const { page } = await signedInPage(member);
    const asMember = new SearchPage(page);
    await asMember.goto(term);
    await expect(asMember.results).toHaveCount(2);
    const closed = asMember.result('Closed circle');
    await expect(closed).toContainText('Members only');
    await expect(closed.getByTestId('search-snippet').locator('mark')).toHaveText(term);
    await expect(closed.getByRole('link')).toHaveAttribute('href', `/discussions/${members.id}`);
  });

  test('hostile queries and stored markup stay text; empty input shows no results', async ({ db, makeUser, anonymousPage }) => {
    const elder = await makeUser({ role: 'ELDER' });
    const term = word('quartzmoss');
    await makeDiscussion(db, elder, { title: `<img src=x onerror=alert(1)> ${term}`, description: `<script>alert(2)</script> ${term}, or near the title` });
    const { page } = await anonymousPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const search = new SearchPage(page);
    // Every word of this query is in the description, so it matches: operators are plain words, punctuation is ignored.
    await search.goto(`<script>alert(2)</script> "${term}" ' OR -- NEAR( title:* ^"`);
    await expect(search.results).toHaveCount(1);
    await expect(search.results.getByRole('heading')).toHaveText(`<img src=x onerror=alert(1)> ${term}`);
    await expect(page.locator('main').locator('img, script, svg')).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: 'Search articles and discussions' }).first()).toBeVisible();

    await search.goto('   ');
    await expect(search.results).toHaveCount(0);
    await expect(search.summary).toContainText('Search library articles and discussions');
    await search.goto('"""');
    await expect(search.summary).toContainText('Nothing found');
    expect(dialogs).toEqual([]);
  });
});

for (const [viewportName, viewport] of Object.entries({ desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } })) {
  test(`search screen ${viewportName} ${viewport.width}×${viewport.height}`, async ({ anonymousPage }) => {
    const { page } = await anonymousPage({ viewport });
    await page.goto('/search?q=serotonin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(page.getByTestId('search-result').first()).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `search-${viewportName}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
    expect(serious, 'serious or critical axe violations').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
