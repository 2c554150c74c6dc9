// Accounts through the UI: sign up, sign out, sign in, edit the profile; and the errors people can cause.
import { apiSignIn, BASE_URL, expect, strongPassword, test, uniqueEmail, uniqueName } from './fixtures';
import { ProfilePage } from './pages/profile-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { SiteHeader } from './pages/site-header';

// The sign-up form records the browser's time zone: a non-UTC one proves it is the browser's, not a default.
test.use({ timezoneId: 'Pacific/Auckland' });

test('sign up, sign out, sign in, edit profile, sign out', async ({ page, db }) => {
  const email = uniqueEmail('signup');
  const displayName = uniqueName('Juniper');
  const password = strongPassword();
  const header = new SiteHeader(page);

  const signUp = new SignUpPage(page);
  await signUp.goto();
  await header.expectSignedOut();
  await signUp.signUp({ email, displayName, password });

  await page.waitForURL('/profile?welcome=1');
  await header.expectSignedInAs(displayName, 'Member');
  await expect(page.getByText('Welcome to Fireside!')).toBeVisible();
  const profile = new ProfilePage(page);
  await expect(profile.timeZone).toHaveValue('Pacific/Auckland');
  const created = await db.user.findUniqueOrThrow({ where: { email } });
  expect(created).toMatchObject({ displayName, role: 'MEMBER', timeZone: 'Pacific/Auckland', bannedAt: null });
  expect(created.passwordHash).toMatch(/^\$argon2id\$/);

  await header.signOut();

  const signIn = new SignInPage(page);
  await header.signInLink.click();
  await page.waitForURL('/signin');
  await signIn.signIn(email, password);
  await page.waitForURL('/');
  await header.expectSignedInAs(displayName, 'Member');

  await header.profileLink.click();
  await page.waitForURL('/profile');
  const newName = uniqueName('Juniper Ash');
  await profile.update({ displayName: newName, timeZone: 'Asia/Tokyo' });
  await expect(profile.status).toHaveText('Profile saved.');
  // The header is server-rendered: it shows the new name once the page has refreshed itself.
  await header.expectSignedInAs(newName, 'Member');

  await page.reload();
  await expect(profile.displayName).toHaveValue(newName);
  await expect(profile.timeZone).toHaveValue('Asia/Tokyo');
  await header.expectSignedInAs(newName);
  expect(await db.user.findUniqueOrThrow({ where: { email }, select: { displayName: true, timeZone: true } })).toEqual({
    displayName: newName,
    timeZone: 'Asia/Tokyo',
  });

  await header.signOut();
  await page.goto('/profile');
  await page.waitForURL('/signin?callbackUrl=%2Fprofile');
});

test('a common or short password is refused with a clear message and creates no account', async ({ page, db }) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();

  const commonEmail = uniqueEmail('common-password');
  await signUp.signUp({ email: commonEmail, displayName: uniqueName('Common'), password: 'password1234' });
  await expect(signUp.error).toHaveText(/That password is too common/);
  await expect(signUp.passwordError).toHaveText(/too common/);
  await expect(signUp.password).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL('/signup');

  const shortEmail = uniqueEmail('short-password');
  await signUp.signUp({ email: shortEmail, displayName: uniqueName('Short'), password: 'tiny-pass' });
  await expect(signUp.passwordError).toHaveText('Use at least 12 characters.');
  await expect(page).toHaveURL('/signup');

  await new SiteHeader(page).expectSignedOut();
  expect(await db.user.count({ where: { email: { in: [commonEmail, shortEmail] } } })).toBe(0);
});

test('a wrong password says "do not match" without revealing whether the account exists', async ({ page, makeUser }) => {
  const user = await makeUser();
  const signIn = new SignInPage(page);
  await signIn.goto();

  await signIn.signIn(user.email, 'not-the-right-password-9');
  await expect(signIn.error).toHaveText('That email and password do not match an account.');
  const forExisting = await signIn.error.textContent();

  // The first error is still on screen: wait for the second answer before reading the message again.
  const answered = page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials'));
  await signIn.signIn(uniqueEmail('nobody'), 'not-the-right-password-9');
  await answered;
  await expect(signIn.error).toHaveText('That email and password do not match an account.');
  expect(await signIn.error.textContent()).toBe(forExisting);

  await expect(page).toHaveURL('/signin');
  await new SiteHeader(page).expectSignedOut();

  // The API answers alike, too: the same error code for an existing account and a missing one.
  const existing = await apiSignIn(page.request, { email: user.email, password: 'not-the-right-password-9' });
  const missing = await apiSignIn(page.request, { email: uniqueEmail('nobody'), password: 'not-the-right-password-9' });
  expect(existing).toEqual({ ok: false, error: 'invalid_credentials' });
  expect(missing).toEqual(existing);
});

test('a refused or failed sign-in shows a clear message instead of hanging on "Signing in…"', async ({ page, makeUser }) => {
  const user = await makeUser();
  const signIn = new SignInPage(page);
  await signIn.goto();
  const credentials = '**/api/auth/callback/credentials';

  // The real origin guard: the POST arrives with a foreign Origin and the server answers 403.
  // (Chromium will not let a route rewrite Origin, so the request is replayed with it and the answer passed back.)
  await page.route(credentials, async (route) => {
    const response = await route.fetch({ headers: { ...route.request().headers(), origin: 'http://lan-name.example:3000' } });
    await route.fulfill({ response });
  });
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error).toContainText('The server refused this sign-in');
  await expect(signIn.error).toContainText(`${new URL(BASE_URL).origin}/signin`);
  await signIn.expectReady();
  await page.unrouteAll();

  // The network drops the request.
  await page.route(credentials, (route) => route.abort('connectionreset'));
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error).toHaveText('Could not reach the server. Check your connection and try again.');
  await signIn.expectReady();
  await page.unrouteAll();

  // A proxy in front answers 502 with an HTML page, the server itself a 500.
  for (const status of [502, 500]) {
    await page.route(credentials, (route) => route.fulfill({ status, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
    await signIn.signIn(user.email, user.password);
    await expect(signIn.error).toHaveText(`Sign-in failed because of a problem on the server (error ${status}). Please try again in a moment.`);
    await signIn.expectReady();
    await page.unrouteAll();
  }

  await new SiteHeader(page).expectSignedOut();
  // And with nothing in the way, the same form signs in.
  await signIn.signIn(user.email, user.password);
  await page.waitForURL('/');
  await new SiteHeader(page).expectSignedInAs(user.displayName);
});

test('a rate-limited sign-in says how long to wait, with the real throttle', async ({ page, makeUser }) => {
  const user = await makeUser();
  const wrong = { email: user.email, password: 'not-the-right-password-9' };
  // Past the 5 free failures (issue 7), into the progressive delay, until the wait is a few seconds long.
  let outcome = await apiSignIn(page.request, wrong);
  for (let i = 0; i < 20; i++) {
    const wait = Number(/^rate_limited:(\d+)$/.exec(outcome.error ?? '')?.[1] ?? 0);
    if (wait >= 4) break;
    if (wait) await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    outcome = await apiSignIn(page.request, wrong);
  }
  expect(outcome.error).toMatch(/^rate_limited:\d+$/);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await expect(signIn.error).toHaveText(/^Too many sign-in attempts\. Please wait \d+ seconds? and try again\.$/);
  await signIn.expectReady();
  await new SiteHeader(page).expectSignedOut();
});

test("a leftover callback cookie from an earlier sign-out (e.g. a suspension's) does not turn a good sign-in into an error", async ({ page, makeUser }) => {
  const user = await makeUser();
  // What next-auth leaves behind after `signOut({ callbackUrl: '/signin?error=suspended' })`.
  await page.context().addCookies([{ name: 'next-auth.callback-url', value: encodeURIComponent(`${BASE_URL}/signin?error=suspended`), url: BASE_URL }]);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, user.password);
  await page.waitForURL('/');
  await new SiteHeader(page).expectSignedInAs(user.displayName);
});
