// Playwright fixtures: unique accounts written straight into the running server's SQLite database with the
// app's own password hashing and Prisma client, and sign-in through next-auth's HTTP API (no UI, no mocks).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type APIRequestContext, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { RoleName } from '../lib/users/roles';
import { hashPassword } from '../server/auth/password';
import { createDb, type Db } from '../server/db/client';

export { expect };

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const DATABASE_URL = `file:${path.join(process.env.E2E_DATA_DIR ?? '', 'fireside.db')}`;

export type TestUser = { id: string; email: string; password: string; displayName: string; role: RoleName; timeZone: string };
export type NewUser = { role?: RoleName; displayName?: string; timeZone?: string; password?: string; banned?: string };

/** A unique email per call, readable in failures: e2e-<purpose>-<random>@example.org. */
export function uniqueEmail(purpose = 'user'): string {
  return `e2e-${purpose.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}@example.org`;
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${randomBytes(2).toString('hex')}`;
}

/** A password that is long enough and not on the common-passwords list. */
export function strongPassword(): string {
  return `ember-lantern-${randomBytes(6).toString('hex')}`;
}

const hashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export async function createUser(db: Db, opts: NewUser = {}): Promise<TestUser> {
  const role = opts.role ?? 'MEMBER';
  const password = opts.password ?? strongPassword();
  const displayName = opts.displayName ?? uniqueName(role === 'ADMIN' ? 'Admin' : 'Member');
  const timeZone = opts.timeZone ?? 'UTC';
  const email = uniqueEmail(role);
  const user = await db.user.create({
    data: {
      email,
      displayName,
      role,
      timeZone,
      passwordHash: await hashOf(password),
      ...(opts.banned ? { bannedAt: new Date(), banReason: opts.banned } : {}),
    },
    select: { id: true },
  });
  return { id: user.id, email, password, displayName, role, timeZone };
}

/** A scheduled discussion with one host and one facilitator, for live-room specs (its lobby opens 15 minutes before). */
export async function createRoomDiscussion(
  db: Db,
  host: TestUser,
  facilitator: TestUser,
  opts: { title?: string; agreementText?: string; startsInMinutes?: number; timeZone?: string } = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + (opts.startsInMinutes ?? 3) * 60_000);
  const d = await db.discussion.create({
    data: {
      title: opts.title ?? `Integration after MDMA therapy ${Math.random().toString(36).slice(2, 6)}`,
      description: 'An evening circle.',
      startsAt,
      timeZone: opts.timeZone ?? 'Europe/Berlin',
      localStart: startsAt.toISOString().slice(0, 16),
      durationMinutes: 60,
      agreementText: opts.agreementText ?? 'What is shared in the circle stays in the circle. Speak from your own experience. No medical advice.',
      createdById: host.id,
      staff: {
        create: [
          { userId: host.id, role: 'HOST' },
          { userId: facilitator.id, role: 'FACILITATOR' },
        ],
      },
    },
  });
  return d.id;
}

export type SignInOutcome = { ok: boolean; error: string | null };

/**
 * Signs in exactly as the browser form does (csrf cookie + token, then the credentials callback), with the
 * same-origin header the server demands of every write. The session cookie lands in the request's context.
 */
export async function apiSignIn(request: APIRequestContext, user: Pick<TestUser, 'email' | 'password'>): Promise<SignInOutcome> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true' },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = new URL(body.url ?? BASE_URL, BASE_URL).searchParams.get('error');
  return { ok: res.ok() && !error, error };
}

export type TestFixtures = {
  /** Creates a unique account for this test. */
  makeUser: (opts?: NewUser) => Promise<TestUser>;
  /** A new browser context signed in as the user (through the API), and a page in it. */
  signedInPage: (user: TestUser, opts?: { viewport?: { width: number; height: number } }) => Promise<{ context: BrowserContext; page: Page }>;
  /** A new anonymous browser context and page. */
  anonymousPage: (opts?: { viewport?: { width: number; height: number } }) => Promise<{ context: BrowserContext; page: Page }>;
};
export type WorkerFixtures = { db: Db };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring; it needs none
    async ({}, use) => {
      const db = createDb(DATABASE_URL);
      // Every account a test makes is new to the community, and a member's first questions wait for review (the
      // "new member" tier, default 3). Specs about other behaviour ask as established members: the tier is off here;
      // the holds themselves are proved by server/test/moderation-queue.int.test.ts.
      const off = { key: 'newMemberHolds', value: '0' };
      await db.communitySetting.upsert({ where: { key: off.key }, create: off, update: { value: off.value } });
      await use(db);
      await db.$disconnect();
    },
    { scope: 'worker' },
  ],

  makeUser: async ({ db }, use) => {
    await use((opts) => createUser(db, opts));
  },

  signedInPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, opts = {}) => {
      const context = await browser.newContext({ baseURL: BASE_URL, viewport: opts.viewport });
      contexts.push(context);
      const outcome = await apiSignIn(context.request, user);
      expect(outcome, `API sign-in as ${user.email}`).toEqual({ ok: true, error: null });
      return { context, page: await context.newPage() };
    });
    for (const c of contexts) await c.close();
  },

  anonymousPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (opts = {}) => {
      const context = await browser.newContext({ baseURL: BASE_URL, viewport: opts.viewport });
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    for (const c of contexts) await c.close();
  },
});

/** Resolves once the page's Socket.IO connection is up (the realtime provider marks it). */
export async function waitForRealtime(page: Page) {
  await expect(page.getByTestId('realtime')).toHaveAttribute('data-connected', 'yes');
}
