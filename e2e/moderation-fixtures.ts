// Fixtures for the moderation specs: a live, pre-moderated discussion of this test's own (a host and two
// facilitators), members who accepted its agreement, the console's page object, and the server's test clock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Db } from '../server/db/client';
import { BASE_URL, expect, type TestUser } from './fixtures';
import { LiveRoomPage } from './pages/live-room-page';

export type ModerationCast = { host: TestUser; facilitators: TestUser[]; members: TestUser[] };

/** A discussion that is live now, in pre (default) or post moderation, staffed by `cast`; members have accepted its agreement. */
export async function createLiveDiscussion(db: Db, cast: ModerationCast, opts: { mode?: 'PRE' | 'POST'; title?: string } = {}): Promise<string> {
  const startsAt = new Date(Date.now() - 60_000);
  const d = await db.discussion.create({
    data: {
      title: opts.title ?? `Practice circle ${Math.random().toString(36).slice(2, 6)}`,
      description: 'A circle for the moderation specs.',
      startsAt,
      timeZone: 'UTC',
      localStart: startsAt.toISOString().slice(0, 16),
      durationMinutes: 90,
      agreementText: 'What is shared in the circle stays in the circle.',
      moderationMode: opts.mode ?? 'PRE',
      status: 'LIVE',
      startedAt: startsAt,
      createdById: cast.host.id,
      staff: {
        create: [{ userId: cast.host.id, role: 'HOST' as const }, ...cast.facilitators.map((f) => ({ userId: f.id, role: 'FACILITATOR' as const }))],
      },
      agreements: { create: cast.members.map((m) => ({ userId: m.id })) },
    },
  });
  return d.id;
}

/**
 * Moves the server's moderation clock forward (POST /api/test/clock; the e2e server runs with FIRESIDE_TEST_CLOCK=1
 * and this run's token, which e2e/server.mjs writes to the data directory).
 */
export async function advanceServerClock(request: APIRequestContext, ms: number) {
  const token = readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'test-clock-token'), 'utf8');
  const res = await request.post('/api/test/clock', { data: { advanceMs: ms }, headers: { Origin: BASE_URL, 'x-fireside-test-clock': token } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A member (or staff) in the live room, joined. */
export async function openRoom(page: Page, discussionId: string): Promise<LiveRoomPage> {
  const room = new LiveRoomPage(page);
  await room.goto(discussionId);
  await room.expectJoined();
  return room;
}

/** /discussions/<id>/moderate: the facilitator console. */
export class ConsolePage {
  readonly root: Locator;
  readonly message: Locator;
  readonly feed: Locator;
  readonly sanctions: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('moderation-console');
    this.message = page.getByTestId('console-message');
    this.feed = page.getByTestId('feed');
    this.sanctions = page.getByTestId('sanctions');
  }

  async goto(discussionId: string) {
    await this.page.goto(`/discussions/${discussionId}/moderate`);
    await expect(this.root).toHaveAttribute('data-join-status', 'joined');
    await expect(this.root).toHaveAttribute('data-loaded', 'yes');
  }

  tab(name: 'Queue' | 'Live' | 'Answered' | 'Hidden/Rejected'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name.replace('/', '\\/')} \\(`) });
  }

  async openTab(name: 'Queue' | 'Live' | 'Answered' | 'Hidden/Rejected') {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** The item of one question in the open tab, found by a unique marker in its text. */
  item(marker: string): Locator {
    return this.page.getByTestId('console-item').filter({ hasText: marker });
  }

  async action(marker: string, name: string) {
    const item = this.item(marker);
    const button = item.getByRole('button', { name, exact: true });
    if (!(await button.isVisible())) await item.locator('summary', { hasText: 'More' }).click();
    await button.click();
  }

  async approve(marker: string) {
    await this.action(marker, 'Approve');
    await expect(this.item(marker)).toHaveCount(0);
  }

  /** Rejects with the first reason template; returns the reason's text as the author will read it. */
  async rejectWithTemplate(marker: string): Promise<string> {
    await this.action(marker, 'Reject…');
    const dialog = this.page.getByTestId('reject-dialog');
    await expect(dialog).toBeVisible();
    const first = dialog.getByRole('radio').first();
    await first.check();
    const reason = (await first.locator('xpath=..').locator('span > span').nth(1).textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Reject and tell the author' }).click();
    await expect(dialog).toHaveCount(0);
    return reason.trim();
  }
}
