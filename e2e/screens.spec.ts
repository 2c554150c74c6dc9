// Every page at desktop and phone width: a screenshot to look at (e2e/.screenshots/), no serious or critical
// axe violations, nothing wider than the screen, tap targets big enough; and the keyboard path through the header.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { recordAudit } from '../server/audit/commands';
import { horizontalOverflow, MIN_TAP_PX, seriousAxeViolations, smallTapTargets } from './a11y';
import { createUser, expect, type TestUser, test, waitForRealtime } from './fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SHOTS, { recursive: true });

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;

type Screen = { path: string; name: string; as: 'anonymous' | 'admin'; heading: string };
const SCREENS: Screen[] = [
  { path: '/', name: 'home', as: 'anonymous', heading: 'Gather around the fire. Ask what you need to ask.' },
  { path: '/', name: 'home-signed-in', as: 'admin', heading: 'Gather around the fire. Ask what you need to ask.' },
  { path: '/library', name: 'library', as: 'anonymous', heading: 'Healing Library' },
  { path: '/discussions', name: 'discussions', as: 'anonymous', heading: 'Discussions' },
  { path: '/signin', name: 'signin', as: 'anonymous', heading: 'Sign in' },
  { path: '/signup', name: 'signup', as: 'anonymous', heading: 'Join Fireside' },
  { path: '/profile', name: 'profile', as: 'admin', heading: 'Your profile' },
  { path: '/admin/users', name: 'admin-users', as: 'admin', heading: 'People' },
  { path: '/admin/audit', name: 'admin-audit', as: 'admin', heading: 'Audit log' },
];

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`${viewportName} ${viewport.width}×${viewport.height}`, () => {
    let admin: TestUser;
    test.beforeAll(async ({ db }) => {
      admin = await createUser(db, { role: 'ADMIN', displayName: 'Ada Lovelace-Byron (admin)', timeZone: 'Europe/Berlin' });
      // Something for the audit log to show, written as the admin actions write it.
      const member = await createUser(db, { displayName: 'Rowan Greywater-Smith' });
      await db.$transaction(async (tx) => {
        await recordAudit(tx, admin, { action: 'user.role_changed', target: { type: 'user', id: member.id }, detail: { from: 'MEMBER', to: 'FACILITATOR' } });
        await recordAudit(tx, admin, {
          action: 'user.banned',
          target: { type: 'user', id: member.id },
          reason: 'Shared another member’s story outside the room',
        });
      });
    });

    for (const screen of SCREENS) {
      test(`${screen.name} (${screen.path})`, async ({ signedInPage, anonymousPage }) => {
        const { page } = screen.as === 'admin' ? await signedInPage(admin, { viewport }) : await anonymousPage({ viewport });
        await page.goto(screen.path);
        await expect(page).toHaveURL(screen.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
        if (screen.as === 'admin') await waitForRealtime(page);
        await page.screenshot({ path: path.join(SHOTS, `${screen.name}-${viewportName}.png`), fullPage: true });

        expect(await seriousAxeViolations(page), 'serious or critical axe violations').toEqual([]);

        expect(await horizontalOverflow(page), 'page is wider than the screen (horizontal scrolling)').toBeLessThanOrEqual(0);

        if (viewportName === 'phone') expect(await smallTapTargets(page, MIN_TAP_PX), `tap targets under ${MIN_TAP_PX}px tall`).toEqual([]);
      });
    }
  });
}

test.describe('keyboard', () => {
  /** Presses Tab until `last` has focus (at most `max` times); returns the names of the elements on the way. */
  async function tabUntil(page: Page, last: string, max = 20) {
    const seen: string[] = [];
    for (let i = 0; i < max && seen.at(-1) !== last; i++) {
      await page.keyboard.press('Tab');
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered (hidden parts left out), which is what a person tabbing sees
          return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim() : '';
        }),
      );
    }
    return seen;
  }

  /** The expected names appear in this order (other focusable things may sit between them). */
  function expectInOrder(seen: string[], expected: string[]) {
    const positions = expected.map((name) => seen.indexOf(name));
    expect(
      positions.every((p) => p >= 0),
      `all of ${JSON.stringify(expected)} reached by Tab, got ${JSON.stringify(seen)}`,
    ).toBe(true);
    expect(
      [...positions].sort((a, b) => a - b),
      `tab order ${JSON.stringify(seen)}`,
    ).toEqual(positions);
  }

  test('Tab reaches the skip link first, then the main navigation; the skip link jumps to the content', async ({ page }) => {
    await page.goto('/');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();

    const seen = await tabUntil(page, 'Join');
    expect(seen[0]).toBe('Fireside');
    expectInOrder(seen, ['Fireside', 'Library', 'Discussions', 'Sign in', 'Join']);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Library', 'Discussions']) await expect(nav.getByRole('link', { name })).toBeVisible();

    // From the top again: the skip link moves focus past the header into the content.
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/#main');
    expect(await tabUntil(page, 'Upcoming discussions', 1)).toEqual(['Upcoming discussions']);
  });

  test('signed in as an admin, the header keeps a sensible tab order', async ({ makeUser, signedInPage }) => {
    const admin = await makeUser({ role: 'ADMIN', displayName: 'Keyboard Admin' });
    const { page } = await signedInPage(admin);
    await page.goto('/library');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    const seen = await tabUntil(page, 'Sign out');
    expect(seen[0]).toBe('Fireside');
    expectInOrder(seen, ['Fireside', 'Library', 'Discussions', 'Admin', 'Keyboard Admin Admin', 'Sign out']);
  });
});
