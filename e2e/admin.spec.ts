// An admin's actions reach the affected person's open page at once: a promotion re-renders it, a ban cuts it off.
import { expect, test, waitForRealtime } from './fixtures';
import { AdminUsersPage } from './pages/admin-users-page';
import { AuditPage } from './pages/audit-page';
import { ProfilePage } from './pages/profile-page';
import { SignInPage } from './pages/sign-in-page';
import { SiteHeader } from './pages/site-header';

test('promote live, audit it, ban cuts the member off, unban lets them back in', async ({ makeUser, signedInPage }) => {
  const admin = await makeUser({ role: 'ADMIN' });
  const member = await makeUser({ role: 'MEMBER' });
  const { page: adminPage } = await signedInPage(admin);
  const { page: memberPage } = await signedInPage(member);

  // Everything the server pushes down the member's socket, to prove the cut-off came from the server.
  const frames: string[] = [];
  memberPage.on('websocket', (ws) => {
    if (ws.url().includes('/socket.io/')) ws.on('framereceived', (f) => frames.push(String(f.payload)));
  });

  const memberProfile = new ProfilePage(memberPage);
  const memberHeader = new SiteHeader(memberPage);
  await memberProfile.goto();
  await waitForRealtime(memberPage);
  await expect(memberProfile.role).toHaveText('Member');
  await memberHeader.expectSignedInAs(member.displayName, 'Member');
  // A marker on the window survives a client-side refresh but not a reload or navigation.
  await memberPage.evaluate(() => ((window as unknown as { __e2eMarker: string }).__e2eMarker = 'still-here'));

  // --- promotion, seen live
  const people = new AdminUsersPage(adminPage);
  await people.search(member.email);
  await expect(people.row(member.email)).toHaveCount(1);
  await people.changeRole(member.email, 'FACILITATOR', 'Facilitator');

  await expect(memberProfile.role).toHaveText('Facilitator');
  await memberHeader.expectSignedInAs(member.displayName, 'Facilitator');
  expect(await memberPage.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker)).toBe('still-here');
  await expect(memberPage).toHaveURL('/profile');
  await waitForRealtime(memberPage);

  const audit = new AuditPage(adminPage);
  await audit.goto();
  await expect(audit.about(member.displayName)).toHaveCount(1);
  await expect(audit.about(member.displayName)).toContainText(`${admin.displayName} changed the role of ${member.displayName} (MEMBER → FACILITATOR)`);

  // --- ban: the open page is cut off
  const reason = `Repeated harassment in the live room ${Date.now()}`;
  await people.search(member.email);
  await people.ban(member.email, reason);

  await memberPage.waitForURL('/signin?error=suspended');
  const memberSignIn = new SignInPage(memberPage);
  await expect(memberSignIn.error).toContainText('This account is suspended');
  await memberHeader.expectSignedOut();
  // socket.io frames: 42 = event (with a connection-state-recovery offset last), 41 = server-side disconnect.
  expect(frames.some((f) => f.startsWith('42["account:suspended",{}'))).toBe(true);
  expect(frames, 'the server disconnects the socket (socket.io DISCONNECT packet)').toContain('41');
  await expect(memberPage.getByTestId('realtime')).toHaveAttribute('data-connected', 'no');
  // The old session is gone for good: a protected page sends them to sign in.
  await memberPage.goto('/profile');
  await memberPage.waitForURL('/signin?callbackUrl=%2Fprofile');

  // --- signing in again is refused while banned
  await memberSignIn.goto();
  await memberSignIn.signIn(member.email, member.password);
  await expect(memberSignIn.error).toHaveText('This account is suspended by the community admins. If you think this is a mistake, please contact them.');
  await expect(memberPage).toHaveURL('/signin');
  await memberHeader.expectSignedOut();

  // --- unban: they can sign in again, with the role they had
  await people.search(member.email);
  await people.unban(member.email);

  await memberSignIn.signIn(member.email, member.password);
  await memberPage.waitForURL('/');
  await memberHeader.expectSignedInAs(member.displayName, 'Facilitator');
  await waitForRealtime(memberPage);

  await audit.goto();
  const entries = audit.about(member.displayName);
  await expect(entries).toHaveCount(3);
  // Newest first.
  await expect(entries.nth(0)).toContainText(`${admin.displayName} lifted the ban on ${member.displayName}`);
  await expect(entries.nth(1)).toContainText(`${admin.displayName} banned ${member.displayName}`);
  await expect(entries.nth(1)).toContainText(`Reason: ${reason}`);
  await expect(entries.nth(2)).toContainText('changed the role of');
});
