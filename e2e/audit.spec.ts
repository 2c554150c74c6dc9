// The audit log pages: 100 entries a page, newest first, "Older" and "Newer" between pages.
import { recordAudit } from '../server/audit/commands';
import { expect, test } from './fixtures';
import { AuditPage } from './pages/audit-page';

test('the audit log shows the newest 100 entries and pages to older ones', async ({ db, makeUser, signedInPage }) => {
  const admin = await makeUser({ role: 'ADMIN' });
  const member = await makeUser({ role: 'MEMBER' });
  // 101 entries about one member, the oldest with a reason of its own; the newest 100 fill the first page.
  await db.$transaction(async (tx) => {
    await recordAudit(tx, admin, { action: 'user.banned', target: { type: 'user', id: member.id }, reason: 'The oldest entry' });
    for (let i = 0; i < 100; i++) await recordAudit(tx, admin, { action: 'user.unbanned', target: { type: 'user', id: member.id } });
  });

  const { page } = await signedInPage(admin);
  const audit = new AuditPage(page);
  await audit.goto();
  await expect(audit.entries).toHaveCount(100);
  await expect(audit.about(member.displayName)).toHaveCount(100);
  await expect(audit.about(member.displayName).first()).toContainText(`${admin.displayName} lifted the ban on ${member.displayName}`);
  await expect(page.getByText('The oldest entry')).toHaveCount(0);

  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByRole('link', { name: 'Newer' })).toHaveCount(0);
  await pages.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL('/admin/audit?page=2');
  await expect(pages).toContainText('Page 2 of');
  const oldest = audit.about(member.displayName).filter({ hasText: 'Reason: The oldest entry' });
  await expect(oldest).toHaveCount(1);
  await expect(oldest).toContainText(`${admin.displayName} banned ${member.displayName}`);
  await pages.getByRole('link', { name: 'Newer' }).click();
  await expect(page).toHaveURL('/admin/audit?page=1');
  await expect(audit.entries).toHaveCount(100);
});
