// The staff banner while a node runs degraded (scale mode, Redis unreachable), in Chromium: a facilitator's console
// shows "Some live updates are delayed." once the node loses Redis and drops it by itself once Redis is back; a member
// in the same live room never sees it. Runs against a scale-mode process of this spec's own (a temporary PostgreSQL
// database and a redis-server it can stop), not the embedded e2e server; needs TEST_POSTGRES_URL and redis-server.
// The server side (the `system:degraded` event, readiness, the 30 s outage) is server/test/faults-scale.int.test.ts.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { seedDemoCommunityIfEmpty } from '../prisma/seed';
import { hashPassword } from '../server/auth/password';
import { createDb, type Db } from '../server/db/client';
import { migrate } from '../server/db/migrator';
import { DEMO_PASSWORD, redisServerAvailable, startRedisServer, startServer, type TestRedis, type TestServer } from '../server/test/harness';
import { createDiscussion } from '../server/test/live-fixtures';
import { createTempPostgres, TEST_POSTGRES_URL } from '../server/test/temp-databases';
import { expect, test, waitForRealtime } from './fixtures';
import { ConsolePage } from './moderation-fixtures';
import { LiveRoomPage } from './pages/live-room-page';
import { SignInPage } from './pages/sign-in-page';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
mkdirSync(SHOTS, { recursive: true });

// The bound set when this spec was asked for: the node notices Redis going, and coming back, within about 20 s.
const NOTICE_MS = 20_000;
const DESKTOP = { width: 1280, height: 900 };
const FACILITATOR = 'sam@example.org'; // demo facilitator (README "Demo accounts")
const MEMBER = 'alex@example.org'; // demo member

const enabled = !!TEST_POSTGRES_URL && redisServerAvailable();

test.describe('the degraded banner in the facilitator console (scale mode, Redis stopped and started again)', () => {
  test.skip(!enabled, 'needs TEST_POSTGRES_URL and an installed redis-server (it starts a scale-mode server of its own)');

  let base: Awaited<ReturnType<typeof createTempPostgres>> | undefined;
  let db: Db | undefined;
  let redis: TestRedis | undefined;
  let server: TestServer | undefined;
  let discussionId = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [base, redis] = await Promise.all([createTempPostgres(), startRedisServer()]);
    await migrate(base.url);
    db = createDb(base.url);
    await seedDemoCommunityIfEmpty(db, hashPassword);
    discussionId = await createDiscussion(db, { status: 'LIVE', facilitatorEmails: [FACILITATOR] });
    server = await startServer({
      env: {
        DATABASE_URL: base.url,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `e2e-degraded-${randomUUID().slice(0, 8)}:`,
        AUTH_SECRET: `e2e-degraded-banner-${randomUUID()}`,
      },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await db?.$disconnect();
    await base?.drop();
    await redis?.stop();
  });

  /** A browser context on this spec's server, signed in through the sign-in form. */
  async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: server!.url, viewport: DESKTOP });
    const page = await context.newPage();
    const form = new SignInPage(page);
    await form.goto();
    await form.signIn(email, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/signin');
    return { context, page };
  }

  test('staff see it while Redis is down and it goes by itself when Redis is back; a member never does', async ({ browser }) => {
    test.setTimeout(120_000);
    const staff = await signedIn(browser, FACILITATOR);
    const member = await signedIn(browser, MEMBER);
    try {
      const consolePage = new ConsolePage(staff.page);
      await consolePage.goto(discussionId);
      await waitForRealtime(staff.page);
      const staffBanner = staff.page.getByTestId('degraded-banner');

      const room = new LiveRoomPage(member.page);
      await room.goto(discussionId);
      await room.acceptAgreement();
      await waitForRealtime(member.page);
      const memberBanner = member.page.getByTestId('degraded-banner');

      await test.step('healthy: no banner', async () => {
        await expect(staffBanner).toHaveCount(0);
        await expect(memberBanner).toHaveCount(0);
      });

      await test.step('Redis stopped: the banner appears for staff, not for the member', async () => {
        await redis!.stop();
        await expect(staffBanner).toBeVisible({ timeout: NOTICE_MS });
        await expect(staffBanner).toHaveAttribute('role', 'status');
        await expect(staffBanner).toContainText('Some live updates are delayed.');
        await expect(staff.page.getByRole('status').filter({ hasText: 'Some live updates are delayed.' })).toHaveCount(1);
        // The console is still in the room and connected: the banner is not an error page or a reconnect screen.
        await expect(consolePage.root).toHaveAttribute('data-join-status', 'joined');
        await expect(staff.page.getByTestId('realtime')).toHaveAttribute('data-connected', 'yes');
        await staff.page.screenshot({ path: path.join(SHOTS, 'degraded-banner-console-desktop.png'), fullPage: true });
        // By now the node has told its sockets; the member's connection is on the same node and got nothing.
        await expect(member.page.getByTestId('realtime')).toHaveAttribute('data-connected', 'yes');
        await expect(memberBanner).toHaveCount(0);
      });

      await test.step('Redis back: the banner goes by itself', async () => {
        await redis!.start();
        await expect(staffBanner).toHaveCount(0, { timeout: NOTICE_MS });
        // It went because the node recovered (not because the page reloaded or left the room).
        expect(server!.output()).toMatch(/redis is back after \d+ s/);
        await expect(consolePage.root).toHaveAttribute('data-join-status', 'joined');
        await expect(memberBanner).toHaveCount(0);
      });
    } finally {
      await staff.context.close();
      await member.context.close();
    }
  });
});
