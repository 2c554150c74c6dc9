// The discussion pages at desktop and phone width: a screenshot to look at (e2e/.screenshots/), no serious or
// critical axe violations, nothing wider than the screen, tap targets big enough on a phone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createUser, expect, type TestUser, test, waitForRealtime } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SHOTS, { recursive: true });

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;
const MIN_TAP_PX = 40;

async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function smallTapTargets(page: Page, min: number) {
  return page.evaluate((min) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue; // hidden, or visually hidden until focused
      if (el.tagName === 'A' && style.display === 'inline' && el.parentElement?.tagName === 'P') continue; // inline in a sentence
      if (el.tagName === 'INPUT' && ['checkbox', 'radio'].includes((el as HTMLInputElement).type) && el.closest('label')) continue; // the label is the target
      if (r.height < min)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return small;
  }, min);
}

type Screen = { name: string; path: () => string; as: 'anonymous' | 'member' | 'elder'; heading: string | RegExp };

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`discussions ${viewportName}`, () => {
    let member: TestUser;
    let elder: TestUser;
    let discussionId = '';
    let month = '';
    test.beforeAll(async ({ db }) => {
      member = await createUser(db, { displayName: 'Juniper Ashgrove-Whitley', timeZone: 'Europe/Berlin' });
      elder = await createUser(db, { role: 'ELDER', displayName: 'Elder Rowan Greywater', timeZone: 'America/New_York' });
      const d = await db.discussion.findFirstOrThrow({ where: { title: 'MDMA-assisted therapy for PTSD: what the trials found' } });
      discussionId = d.id;
      month = d.startsAt.toISOString().slice(0, 10);
      await db.rsvp.upsert({
        where: { discussionId_userId: { discussionId: d.id, userId: member.id } },
        create: { discussionId: d.id, userId: member.id, status: 'GOING' },
        update: {},
      });
      await db.notification.createMany({
        data: [
          {
            userId: member.id,
            type: 'waitlist_promoted',
            title: `You have a seat: ${d.title}`,
            body: 'A seat opened up and it is yours.',
            link: `/discussions/${d.id}`,
          },
          {
            userId: member.id,
            type: 'discussion_changed',
            title: 'Changed: Integration circle',
            body: 'New time: Thursday 26 November 2026, 19:00 EST (America/New York).',
            link: `/discussions/${d.id}`,
            readAt: new Date(),
          },
        ],
      });
    });

    const screens: Screen[] = [
      { name: 'discussions-list', path: () => '/discussions', as: 'anonymous', heading: 'Discussions' },
      { name: 'discussions-list-member', path: () => '/discussions', as: 'member', heading: 'Discussions' },
      { name: 'discussions-calendar', path: () => `/discussions/calendar?date=${month}`, as: 'member', heading: 'Discussion calendar' },
      { name: 'discussions-calendar-week', path: () => `/discussions/calendar?view=week&date=${month}`, as: 'anonymous', heading: 'Discussion calendar' },
      { name: 'discussion-page', path: () => `/discussions/${discussionId}`, as: 'member', heading: 'MDMA-assisted therapy for PTSD: what the trials found' },
      {
        name: 'discussion-page-elder',
        path: () => `/discussions/${discussionId}`,
        as: 'elder',
        heading: 'MDMA-assisted therapy for PTSD: what the trials found',
      },
      { name: 'discussion-new', path: () => '/discussions/new', as: 'elder', heading: 'Schedule a discussion' },
      { name: 'notifications', path: () => '/notifications', as: 'member', heading: 'Notifications' },
    ];

    for (const screen of screens) {
      test(`${screen.name}`, async ({ signedInPage, anonymousPage }) => {
        const { page } =
          screen.as === 'anonymous' ? await anonymousPage({ viewport }) : await signedInPage(screen.as === 'member' ? member : elder, { viewport });
        await page.goto(screen.path());
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
        if (screen.as !== 'anonymous') await waitForRealtime(page);
        await page.screenshot({ path: path.join(SHOTS, `${screen.name}-${viewportName}.png`), fullPage: true });
        expect(await seriousAxeViolations(page), 'serious or critical axe violations').toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'page is wider than the screen').toBeLessThanOrEqual(0);
        if (viewportName === 'phone') expect(await smallTapTargets(page, MIN_TAP_PX), `tap targets under ${MIN_TAP_PX}px tall`).toEqual([]);
      });
    }
  });
}

test('keyboard: the RSVP button and the calendar links are reachable and work with Enter', async ({ db, makeUser, signedInPage }) => {
  const member = await makeUser();
  const d = await db.discussion.findFirstOrThrow({ where: { title: 'Ayahuasca ceremonies: safety and contraindications' } });
  const { page } = await signedInPage(member);
  await page.goto(`/discussions/${d.id}`);
  await waitForRealtime(page);
  const rsvp = page.getByRole('button', { name: 'RSVP: I’m going' });
  await rsvp.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rsvp-status')).toHaveText('You’re going.');
  await page.goto('/discussions');
  await page.getByRole('navigation', { name: 'Discussion views' }).getByRole('link', { name: 'Calendar', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/discussions/calendar');
});
