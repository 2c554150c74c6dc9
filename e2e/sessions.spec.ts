// Issue 7 in the browser: sign-out ends a copied session too; the profile's password change and "sign out
// everywhere"; display names that copy a member or claim a role; the calendar feed address shown once.
import type { Page, Route } from '@playwright/test';
import { BASE_URL, expect, strongPassword, test, uniqueEmail, uniqueName, waitForRealtime } from './fixtures';
import { ProfilePage } from './pages/profile-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { SiteHeader } from './pages/site-header';

test('a cookie copied before sign-out no longer works afterwards (page and live connection)', async ({ makeUser, signedInPage, browser }) => {
  const member = await makeUser({ displayName: uniqueName('Copied Cleo') });
  const owner = await signedInPage(member);
  await owner.page.goto('/profile');
  await new SiteHeader(owner.page).expectSignedInAs(member.displayName);

  // Someone copies the session cookie into another browser: it works there, live connection included.
  const thief = await browser.newContext({ baseURL: BASE_URL });
  await thief.addCookies(await owner.context.cookies());
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/profile');
  await expect(thiefPage).toHaveURL(/\/profile$/);
  await waitForRealtime(thiefPage);

  await new SiteHeader(owner.page).signOut();

  // The copy is cut off at once (its socket is dropped) and cannot load a signed-in page again.
  await expect(thiefPage.getByTestId('realtime')).not.toHaveAttribute('data-connected', 'yes');
  await thiefPage.goto('/profile');
  await expect(thiefPage).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/);
  await thief.close();
});

test('a sign-out the server could not record says so and keeps the person signed in', async ({ makeUser, signedInPage }) => {
  const member = await makeUser({ displayName: uniqueName('Steady Sol') });
  const { page } = await signedInPage(member);
  await page.goto('/profile');
  const header = new SiteHeader(page);
  await header.expectSignedInAs(member.displayName);
  // The revocation fails (a busy database): the server answers 503 and clears nothing.
  await page.route('**/api/auth/signout', (route: Route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'The server is busy. You are still signed in; please try again.' } }),
    }),
  );
  await header.signOutButton.click();
  await expect(page.getByTestId('sign-out-error')).toContainText('still signed in');
  await expect(page).toHaveURL(/\/profile$/);
  await page.unroute('**/api/auth/signout');
  await header.signOut();
});

test('password change on the profile: wrong current password is refused; then every session ends and the new password works', async ({
  makeUser,
  signedInPage,
}) => {
  const member = await makeUser({ displayName: uniqueName('Pass Pema') });
  const other = await signedInPage(member); // another device
  const { page } = await signedInPage(member);
  const profile = new ProfilePage(page);
  await profile.goto();

  await profile.changePassword('not the password at all', strongPassword());
  await expect(page.locator('#field-currentPassword-error')).toHaveText('That is not your current password.');

  const next = strongPassword();
  await profile.changePassword(member.password, next);
  await expect(profile.securityDone).toContainText('Password changed');
  await other.page.goto('/profile');
  await expect(other.page).toHaveURL(/\/signin/);

  await page.getByRole('link', { name: 'Sign in again' }).click();
  const signIn = new SignInPage(page);
  await signIn.signIn(member.email, next);
  await page.waitForURL('/profile');
  await new SiteHeader(page).expectSignedInAs(member.displayName);
});

test('"Sign out everywhere" ends this and every other session', async ({ makeUser, signedInPage }) => {
  const member = await makeUser({ displayName: uniqueName('Everywhere Eun') });
  const other = await signedInPage(member);
  const { page } = await signedInPage(member);
  const profile = new ProfilePage(page);
  await profile.goto();
  await profile.signOutEverywhereButton.click();
  await expect(profile.securityDone).toContainText('signed out everywhere');
  for (const p of [page, other.page]) {
    await p.goto('/profile');
    await expect(p).toHaveURL(/\/signin/);
  }
});

test('a sign-up or profile security action that fails on the way (413, offline, 502) shows a clear message and gives the buttons back', async ({
  page,
  makeUser,
  signedInPage,
}) => {
  const failed = 'Could not reach the server, or it did not answer properly. Check your connection and try again.';
  // Server actions POST to the page's own address; the page itself (GET) loads as usual.
  const failPosts = (target: Page, path: string, answer: (route: Route) => Promise<void>) =>
    target.route(`**${path}`, (route) => (route.request().method() === 'POST' ? answer(route) : route.fallback()));

  // Sign-up: the body is refused as too large by something in front of the app.
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await failPosts(page, '/signup', (route) => route.fulfill({ status: 413, contentType: 'text/html', body: '<h1>Payload Too Large</h1>' }));
  await signUp.signUp({ email: uniqueEmail('stuck'), displayName: uniqueName('Stuck Sol'), password: strongPassword() });
  await expect(signUp.error).toHaveText(failed);
  await expect(signUp.submit).toBeEnabled();
  await page.unrouteAll();

  // Profile: the password change is cut off by the network, "sign out everywhere" meets a proxy's 502.
  const member = await makeUser({ displayName: uniqueName('Offline Oona') });
  const { page: mine } = await signedInPage(member);
  const profile = new ProfilePage(mine);
  await profile.goto();
  await failPosts(mine, '/profile', (route) => route.abort('internetdisconnected'));
  await profile.changePassword(member.password, strongPassword());
  await expect(profile.securityError).toHaveText(failed);
  await expect(profile.changePasswordButton).toBeEnabled();
  await mine.unrouteAll();
  await failPosts(mine, '/profile', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
  await profile.signOutEverywhereButton.click();
  await expect(profile.securityError).toHaveText(failed);
  await expect(profile.signOutEverywhereButton).toBeEnabled();
  await mine.unrouteAll();

  // Nothing happened on the server: still signed in with the old password.
  await profile.goto();
  await new SiteHeader(mine).expectSignedInAs(member.displayName);
});

test("display names: a look-alike of a member's name or a role word gets a field error on sign-up and on the profile", async ({
  page,
  makeUser,
  signedInPage,
  db,
}) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  // "Rowan Greywater" is a demo elder: 0 for O and different case do not make a new name.
  const email = uniqueEmail('lookalike');
  await signUp.signUp({ email, displayName: 'R0WAN GREYWATER', password: strongPassword() });
  await expect(signUp.displayNameError).toContainText('already has that display name');
  await signUp.displayName.fill('Admin Alder');
  await signUp.submit.click();
  await expect(signUp.displayNameError).toContainText('role words');
  expect(await db.user.findUnique({ where: { email } })).toBeNull();

  const member = await makeUser({ displayName: uniqueName('Plain Pia') });
  const { page: mine } = await signedInPage(member);
  const profile = new ProfilePage(mine);
  await profile.goto();
  await profile.update({ displayName: 'Pia the Host', timeZone: 'UTC' });
  await expect(profile.displayNameError).toContainText('role words');
  expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).displayName).toBe(member.displayName);
});

test('the calendar feed address is shown once; later the profile only says the feed is on; the stored value is not the token', async ({
  makeUser,
  signedInPage,
  db,
}) => {
  const member = await makeUser({ displayName: uniqueName('Feed Farah') });
  const { page, context } = await signedInPage(member);
  await page.goto('/profile');
  const feed = new ProfilePage(page).calendarFeed;
  await feed.getByRole('button', { name: 'Create my feed address' }).click();
  const address = feed.getByLabel('Your feed address');
  await expect(address).toHaveValue(/\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
  const url = await address.inputValue();
  const token = url.split('/').pop()!;
  const row = await db.user.findUniqueOrThrow({ where: { id: member.id } });
  expect(JSON.stringify(row)).not.toContain(token);

  await page.reload();
  await expect(feed.getByTestId('calendar-feed-on')).toBeVisible();
  await expect(feed.getByLabel('Your feed address')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  expect((await context.request.get(url)).status()).toBe(200);
});
