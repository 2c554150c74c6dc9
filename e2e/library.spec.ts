// The Healing Library in Chromium: the seeded index and article pages, an elder writing and editing an
// article with the live preview, members refused by the editor pages, hostile markdown staying inert (F13),
// and screenshots + axe at desktop and phone width.
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
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Fails the test if anything on the page opens a dialog (the classic XSS probe) or logs an error from a script. */
function forbidDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

const word = (prefix: string) => `${prefix}${randomBytes(3).toString('hex')}`;

/** The article page, as a reader sees it. */
class ArticlePage {
  readonly title: Locator;
  readonly summary: Locator;
  readonly reviewed: Locator;
  readonly notice: Locator;
  readonly body: Locator;
  readonly references: Locator;
  readonly upcoming: Locator;
  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.summary = page.getByTestId('article-summary');
    this.reviewed = page.getByTestId('article-reviewed');
    this.notice = page.getByTestId('medical-notice');
    this.body = page.getByTestId('article-body');
    this.references = page.getByTestId('references');
    this.upcoming = page.getByTestId('upcoming-discussions');
  }
  async goto(slug: string) {
    await this.page.goto(`/library/${slug}`);
  }
}

/** The editor at /library/new and /library/<slug>/edit. */
class EditorPage {
  readonly preview: Locator;
  constructor(readonly page: Page) {
    this.preview = page.getByTestId('editor-preview');
  }
  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }
  async fillArticle(a: {
    title: string;
    slug?: string;
    modality: string;
    summary: string;
    body: string;
    benefits: string;
    risks: string;
    contraindications: string;
    legal: string;
  }) {
    await this.field('Title').fill(a.title);
    if (a.slug) await this.field('Address (slug)').fill(a.slug);
    await this.page.getByLabel('Modality', { exact: true }).selectOption({ label: a.modality });
    await this.field('Summary').fill(a.summary);
    await this.field('Article text (markdown)').fill(a.body);
    await this.field('Possible benefits (markdown)').fill(a.benefits);
    await this.field('Risks (markdown)').fill(a.risks);
    await this.field('Contraindications (markdown)').fill(a.contraindications);
    await this.field('Legal status (markdown)').fill(a.legal);
  }
  async addReference(text: string, doi: string) {
    await this.page.getByRole('button', { name: 'Add a reference' }).click();
    const row = this.page.getByTestId('reference-row').last();
    await row.getByLabel(/citation/).fill(text);
    await row.getByLabel('DOI').fill(doi);
  }
}

async function makeDiscussion(db: Db, creator: TestUser, modalitySlug: string, data: { title: string; visibility?: 'PUBLIC' | 'MEMBERS'; days: number }) {
  const modality = await db.modality.findUniqueOrThrow({ where: { slug: modalitySlug } });
  return db.discussion.create({
    data: {
      title: data.title,
      description: 'A peer discussion.',
      visibility: data.visibility ?? 'PUBLIC',
      startsAt: new Date(Date.now() + data.days * 86_400_000),
      timeZone: 'America/New_York',
      localStart: '2030-01-01T19:00',
      durationMinutes: 90,
      agreementText: 'Be kind.',
      createdById: creator.id,
      modalities: { create: { modalityId: modality.id } },
    },
  });
}

// Screens first, so the screenshots show the seeded library rather than other tests' data.
for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`library screens ${viewportName} ${viewport.width}×${viewport.height}`, () => {
    const screens = [
      { name: 'library-index', path: '/library', heading: 'Healing Library', as: 'anonymous' },
      { name: 'library-article', path: '/library/psilocybin-assisted-therapy', heading: 'Psilocybin-assisted therapy for depression', as: 'anonymous' },
      { name: 'library-editor', path: '/library/ayahuasca/edit', heading: 'Edit article “Ayahuasca: ceremony, research and caution”', as: 'elder' },
      { name: 'library-new', path: '/library/new', heading: 'Write an article', as: 'elder' },
    ] as const;
    for (const screen of screens) {
      test(`${screen.name} (${screen.path})`, async ({ makeUser, signedInPage, anonymousPage }) => {
        const { page } =
          screen.as === 'elder'
            ? await signedInPage(await makeUser({ role: 'ELDER', displayName: 'Rowan Elder-Screens' }), { viewport })
            : await anonymousPage({ viewport });
        await page.goto(screen.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
        if (screen.name === 'library-editor') await expect(page.getByTestId('editor-preview')).toContainText('Banisteriopsis caapi');
        await page.screenshot({ path: path.join(SHOTS, `${screen.name}-${viewportName}.png`), fullPage: true });
        expect(await seriousAxeViolations(page), 'serious or critical axe violations').toEqual([]);
        expect(await horizontalOverflow(page), 'page is wider than the screen').toBeLessThanOrEqual(0);
      });
    }
  });
}

test.describe('Healing Library', () => {
  test('the index groups the seeded articles by modality; an article page shows every part of the article', async ({ anonymousPage }) => {
    const { page } = await anonymousPage();
    await page.goto('/library');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Healing Library');
    await expect(page.getByTestId('medical-notice')).toContainText('Not medical advice');
    const groups = page.getByTestId('modality-group');
    await expect(groups.getByRole('heading', { level: 2 })).toHaveText([
      'Ayahuasca',
      'DMT-assisted therapy',
      'Integration practices',
      'MDMA-assisted therapy',
      'Psilocybin-assisted therapy',
    ]);
    await expect(page.getByRole('link', { name: 'Write an article' })).toHaveCount(0);

    await groups.filter({ hasText: 'MDMA-assisted therapy' }).getByRole('link', { name: 'MDMA-assisted therapy for PTSD' }).click();
    await expect(page).toHaveURL('/library/mdma-assisted-therapy-for-ptsd');
    const article = new ArticlePage(page);
    await expect(article.title).toHaveText('MDMA-assisted therapy for PTSD');
    await expect(article.summary).toContainText('phase 3 trials');
    await expect(article.reviewed).toHaveText(/^Last reviewed on \d{1,2} \w+ \d{4} by Rowan Greywater · Written by Maya Okafor$/);
    await expect(article.notice).toContainText('Not medical advice');
    for (const heading of ['Possible benefits', 'Risks', 'Who should not, or should take special care', 'Legal status', 'References']) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByTestId('section-contraindications')).toContainText('MAO inhibitors');
    const doi = article.references.getByRole('link', { name: 'doi:10.1038/s41591-021-01336-3' });
    await expect(doi).toHaveAttribute('href', 'https://doi.org/10.1038/s41591-021-01336-3');
    await expect(doi).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(page.getByRole('link', { name: 'Edit article' })).toHaveCount(0);
  });

  test('an article lists upcoming discussions on its modality; members-only ones only for signed-in members', async ({
    db,
    makeUser,
    anonymousPage,
    signedInPage,
  }) => {
    const elder = await makeUser({ role: 'ELDER' });
    const publicTitle = word('Open circle ');
    const membersTitle = word('Members circle ');
    const pub = await makeDiscussion(db, elder, 'integration-practices', { title: publicTitle, days: 3 });
    await makeDiscussion(db, elder, 'integration-practices', { title: membersTitle, visibility: 'MEMBERS', days: 2 });

    const { page: visitor } = await anonymousPage();
    const asVisitor = new ArticlePage(visitor);
    await asVisitor.goto('integration-practices');
    await expect(asVisitor.upcoming.getByRole('link', { name: publicTitle })).toHaveAttribute('href', `/discussions/${pub.id}`);
    await expect(asVisitor.upcoming).not.toContainText(membersTitle);

    const member = await makeUser({ role: 'MEMBER', timeZone: 'Europe/Berlin' });
    const { page } = await signedInPage(member);
    const asMember = new ArticlePage(page);
    await asMember.goto('integration-practices');
    const items = asMember.upcoming.getByRole('listitem');
    await expect(items.filter({ hasText: membersTitle })).toContainText('Members only');
    await expect(items.filter({ hasText: publicTitle }).locator('time')).toHaveText(/(CES?T|GMT\+[12])$/); // the member's zone (Berlin), named
    await asMember.upcoming.getByRole('link', { name: publicTitle }).click();
    await expect(page).toHaveURL(`/discussions/${pub.id}`);
  });

  test('an elder writes an article with a live preview, publishes it, then edits it', async ({ makeUser, signedInPage }) => {
    const elder = await makeUser({ role: 'ELDER', displayName: word('Elder ') });
    const { page } = await signedInPage(elder);
    const dialogs = forbidDialogs(page);
    await page.goto('/library');
    await page.getByRole('link', { name: 'Write an article' }).click();
    await expect(page).toHaveURL('/library/new');
    const editor = new EditorPage(page);
    const title = word('Breathwork before ceremony ');

    await editor.field('Title').fill(title);
    await expect(editor.field('Address (slug)')).toHaveValue(title.toLowerCase().replace(/\s+/g, '-'));
    await editor
      .field('Article text (markdown)')
      .fill('## Why breathe\n\nSlow breathing **settles** the body. <script>alert("x")</script>\n\n[bad](javascript:alert(1)) and [good](https://example.org)');
    // The preview renders the markdown as it is typed, safely.
    await expect(editor.preview.getByRole('heading', { name: title })).toBeVisible();
    await expect(editor.preview.getByRole('heading', { name: 'Why breathe' })).toBeVisible();
    await expect(editor.preview.locator('strong')).toHaveText('settles');
    await expect(editor.preview.locator('script')).toHaveCount(0);
    await expect(editor.preview.getByRole('link', { name: 'bad' })).toHaveCount(0);
    await expect(editor.preview.getByText('bad')).toBeVisible();
    await expect(editor.preview.getByRole('link', { name: 'good' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');

    // Publishing with missing sections names the fields; nothing is created.
    await page.getByRole('button', { name: 'Publish article' }).click();
    await expect(page.getByTestId('editor-status')).toBeVisible();
    await expect(page).toHaveURL('/library/new');

    await editor.fillArticle({
      title,
      modality: 'Integration practices',
      summary: 'Gentle breathing can help some people arrive and settle before a ceremony or session.',
      body: '## Why breathe\n\nSlow breathing **settles** the body and gives attention somewhere to rest.',
      benefits: '- Calmer arrival',
      risks: '- Light-headedness when overdone',
      contraindications: '- Take care with panic disorder',
      legal: 'Breathing is legal everywhere.',
    });
    await editor.addReference(
      'Bathje GJ, Majeski E, Kudowor M. Psychedelic integration: an analysis of the concept and its practice. Frontiers in Psychology. 2022;13:824077.',
      'https://doi.org/10.3389/fpsyg.2022.824077',
    );
    await expect(editor.preview.getByText('doi:10.3389/fpsyg.2022.824077')).toBeVisible();
    await page.getByRole('button', { name: 'Publish article' }).click();

    const slug = title.toLowerCase().replace(/\s+/g, '-');
    await expect(page).toHaveURL(`/library/${slug}`);
    const article = new ArticlePage(page);
    await expect(article.title).toHaveText(title);
    await expect(article.reviewed).toContainText(`by ${elder.displayName}`);
    await expect(article.references.getByRole('link', { name: 'doi:10.3389/fpsyg.2022.824077' })).toHaveAttribute(
      'href',
      'https://doi.org/10.3389/fpsyg.2022.824077',
    );

    await page.getByRole('link', { name: 'Edit article' }).click();
    await expect(page).toHaveURL(`/library/${slug}/edit`);
    await expect(editor.field('Title')).toHaveValue(title);
    await editor.field('Summary').fill('Gentle breathing, revised: it can help some people settle before a session.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(`/library/${slug}`);
    await expect(article.summary).toHaveText('Gentle breathing, revised: it can help some people settle before a session.');

    await page.goto('/library');
    await expect(page.getByTestId('modality-group').filter({ hasText: 'Integration practices' }).getByRole('link', { name: title })).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test('members are refused by the editor pages (new and edit); visitors are sent to sign in', async ({ makeUser, signedInPage, anonymousPage }) => {
    for (const role of ['MEMBER', 'FACILITATOR'] as const) {
      const user = await makeUser({ role });
      const { page } = await signedInPage(user);
      for (const url of ['/library/new', '/library/psilocybin-assisted-therapy/edit']) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elders and admins only');
        await expect(page.locator('main form')).toHaveCount(0);
        await expect(page.locator('main').getByRole('textbox')).toHaveCount(0);
        await expect(page.getByRole('button', { name: /Publish article|Save changes/ })).toHaveCount(0);
      }
      await page.goto('/library/psilocybin-assisted-therapy');
      await expect(page.getByRole('link', { name: 'Edit article' })).toHaveCount(0);
    }
    const { page } = await anonymousPage();
    await page.goto('/library/new');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flibrary%2Fnew$/);
  });

  test('F13: hostile markdown in an article stays inert on the page', async ({ db, anonymousPage }) => {
    const modality = await db.modality.findUniqueOrThrow({ where: { slug: 'ayahuasca' } });
    const slug = word('hostile-');
    // Written straight to the database, as if validation had been bypassed: the renderer alone must hold.
    await db.article.create({
      data: {
        slug,
        title: 'Hostile <img src=x onerror=alert(1)> title',
        modalityId: modality.id,
        summary: 'A summary with <b onmouseover=alert(2)>markup</b>.',
        body: [
          '<script>alert(3)</script>',
          '<img src=x onerror="alert(4)">',
          '<svg onload="alert(5)"><circle r="5"/></svg>',
          '<iframe src="javascript:alert(6)"></iframe>',
          '[click me](javascript:alert(7))',
          '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)',
          'Spoofed \u202eexe.txt and zero\u200bwidth',
          '![tracker](https://tracker.example/pixel.gif)',
        ].join('\n\n'),
        benefits: '<a href="javascript:alert(9)">b</a>',
        risks: '- r',
        contraindications: '- c',
        legalStatus: 'l',
        references: JSON.stringify([
          { text: 'Bad ref', url: 'javascript:alert(10)' },
          { text: 'Bad doi', doi: '"><script>alert(11)</script>' },
        ]),
      },
    });
    const { page } = await anonymousPage();
    const dialogs = forbidDialogs(page);
    await page.goto(`/library/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hostile <img src=x onerror=alert(1)> title');
    const main = page.locator('main');
    await expect(main.locator('script, iframe, svg, img, object, embed')).toHaveCount(0);
    await expect(main.locator('[onerror], [onload], [onmouseover], [onclick]')).toHaveCount(0);
    const hrefs = await main.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
    await expect(page.getByTestId('article-body')).toContainText('Spoofed exe.txt and zerowidth');
    await expect(page.getByTestId('references').getByRole('listitem')).toHaveCount(0); // invalid references are not shown
    await page.getByText('click me').click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
