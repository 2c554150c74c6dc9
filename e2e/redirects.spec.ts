// Issue 7 item 3 in Chromium: callback URLs never leave the site (after signing in through the form, when a
// signed-in person opens /signin, and in next-auth's own answers), and a loopback APP_URL's other names
// (localhost / 127.0.0.1) sign in and connect like the configured one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PASSWORD, freePort, ROOT, serverEnv } from '../server/test/harness';
import { BASE_URL, expect, test, waitForRealtime } from './fixtures';
import { SignInPage } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';

const APP_ORIGIN = new URL(BASE_URL).origin;

/** From the issue, verbatim as they would sit in a link's query string. */
const HOSTILE_CALLBACKS = ['/\\evil.example', '/%5Cevil', '/%5C%5Cevil', '/%09/evil', '//evil', 'https://evil', 'javascript:alert(document.domain)'];

/** Any request off the site is answered by a stand-in page, so a redirect that escapes shows up as a URL. */
async function trapOffSiteNavigation(context: BrowserContext) {
  await context.route(
    (url) => url.origin !== APP_ORIGIN,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' }),
  );
}

function failOnDialog(page: Page) {
  page.on('dialog', (d) => {
    void d.dismiss();
    throw new Error(`a callback ran script: ${d.message()}`);
  });
}

test('hostile callback URLs end on the app after signing in through the form', async ({ anonymousPage, makeUser }) => {
  const user = await makeUser();
  for (const callback of HOSTILE_CALLBACKS) {
    const { context, page } = await anonymousPage();
    await trapOffSiteNavigation(context);
    failOnDialog(page);
    const signIn = new SignInPage(page);
    await signIn.goto(`?callbackUrl=${callback}`);
    await signIn.signIn(user.email, user.password);
    await page.waitForURL((url) => url.pathname !== '/signin');
    const landed = new URL(page.url());
    expect(landed.origin, `callbackUrl=${callback}`).toBe(APP_ORIGIN);
    expect(landed.pathname, `callbackUrl=${callback}`).toBe('/');
    await new SiteHeader(page).expectSignedInAs(user.displayName);
    await context.close();
  }
});

test('a safe callback is still followed after signing in', async ({ anonymousPage, makeUser }) => {
  const user = await makeUser();
  const { page } = await anonymousPage();
  const signIn = new SignInPage(page);
  await signIn.goto(`?callbackUrl=${encodeURIComponent('/profile?tab=1')}`);
  await signIn.signIn(user.email, user.password);
  await page.waitForURL(`${APP_ORIGIN}/profile?tab=1`);
});

test('a signed-in person opening /signin with a hostile callback stays on the app', async ({ signedInPage, makeUser }) => {
  const user = await makeUser();
  const { context, page } = await signedInPage(user);
  await trapOffSiteNavigation(context);
  failOnDialog(page);
  for (const callback of HOSTILE_CALLBACKS) {
    await page.goto(`/signin?callbackUrl=${callback}`);
    await page.waitForURL((url) => url.pathname !== '/signin');
    expect(new URL(page.url()).origin, `callbackUrl=${callback}`).toBe(APP_ORIGIN);
    expect(new URL(page.url()).pathname, `callbackUrl=${callback}`).toBe('/');
  }
  // A safe one is followed.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('/profile')}`);
  await page.waitForURL(`${APP_ORIGIN}/profile`);
});

test("next-auth's own sign-in and sign-out answers never point off the site", async ({ anonymousPage, makeUser }) => {
  const user = await makeUser();
  const { context } = await anonymousPage();
  const csrf = async () => ((await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  for (const raw of HOSTILE_CALLBACKS) {
    const callbackUrl = decodeURIComponent(raw);
    const res = await context.request.post('/api/auth/callback/credentials', {
      form: { csrfToken: await csrf(), email: user.email, password: user.password, callbackUrl, json: 'true' },
      headers: { Origin: BASE_URL },
    });
    expect((await res.json()) as { url: string }, `sign-in callbackUrl=${callbackUrl}`).toEqual({ url: `${APP_ORIGIN}/` });
    const out = await context.request.post('/api/auth/signout', {
      form: { csrfToken: await csrf(), callbackUrl, json: 'true' },
      headers: { Origin: BASE_URL },
    });
    expect((await out.json()) as { url: string }, `sign-out callbackUrl=${callbackUrl}`).toEqual({ url: `${APP_ORIGIN}/` });
  }
});

test('APP_URL says 127.0.0.1, the browser is on localhost: sign-in and the live connection work', async ({ browser, makeUser }) => {
  const user = await makeUser();
  const alias = BASE_URL.replace('127.0.0.1', 'localhost');
  const context = await browser.newContext({ baseURL: alias });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await page.waitForURL(`${alias}/`);
  await new SiteHeader(page).expectSignedInAs(user.displayName);
  await waitForRealtime(page);
  await context.close();
});

test.describe('APP_URL says localhost, the browser is on 127.0.0.1', () => {
  let url = '';
  let stop: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A second server of the same build, configured with the default-style localhost URL.
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fireside-e2e-localhost-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env: serverEnv(port, dataDir, { APP_URL: `http://localhost:${port}`, DEMO_SEED: 'auto' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    stop = async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    };
    url = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        async () =>
          proc.exitCode !== null
            ? `exited: ${out}`
            : await fetch(`${url}/api/ready`).then(
                (r) => r.status,
                () => 0,
              ),
        { timeout: 90_000 },
      )
      .toBe(200);
  });
  test.afterAll(async () => stop());

  test('sign-in through the form works and the live connection comes up', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('bea@example.org', DEMO_PASSWORD);
    await page.waitForURL(`${url}/`);
    await new SiteHeader(page).expectSignedInAs('Bea');
    await waitForRealtime(page);
    await context.close();
  });
});
