// The audit log pages: 100 entries a page, newest first, "Older" and "Newer" between pages, filters kept across
// pages; a discussion's hosts read its moderation log, filtered; nobody else does (issue 9 item 7).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordAudit } from '../server/audit/commands';
import { horizontalOverflow, seriousAxeViolations } from './a11y';
import { createRoomDiscussion, expect, test, uniqueName } from './fixtures';
import { AuditPage } from './pages/audit-page';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');

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
  // This admin's entries only: exact counts hold while other specs write entries at the same time.
  await audit.goto({ actorId: admin.id });
  await expect(audit.filters.getByLabel('Person')).toHaveValue(admin.id);
  await expect(audit.total).toHaveText('101 entries match these filters');
  await expect(audit.entries).toHaveCount(100);
  await expect(audit.about(member.displayName)).toHaveCount(100);
  await expect(audit.about(member.displayName).first()).toContainText(`${admin.displayName} lifted the ban on ${member.displayName}`);
  await expect(page.getByText('The oldest entry')).toHaveCount(0);

  await expect(audit.pages.getByRole('link', { name: 'Newer' })).toHaveCount(0);
  await audit.pages.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(`/admin/audit?actorId=${admin.id}&page=2`);
  await expect(audit.pages).toContainText('Page 2 of 2');
  await expect(audit.entries).toHaveCount(1);
  const oldest = audit.about(member.displayName).filter({ hasText: 'Reason: The oldest entry' });
  await expect(oldest).toHaveCount(1);
  await expect(oldest).toContainText(`${admin.displayName} banned ${member.displayName}`);
  await audit.pages.getByRole('link', { name: 'Newer' }).click();
  await expect(page).toHaveURL(`/admin/audit?actorId=${admin.id}&page=1`);
  await expect(audit.entries).toHaveCount(100);

  // The action filter, by its humane name, on top of the person.
  await audit.filter({ action: 'Banned' });
  await expect(page).toHaveURL(new RegExp(`actorId=${admin.id}.*action=user.banned`));
  await expect(audit.entries).toHaveCount(1);
  await expect(audit.entries.first()).toContainText('Reason: The oldest entry');
  // A date range that ended before today: nothing. An impossible one: a clear message.
  await audit.filter({ to: '2020-01-01' });
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await audit.goto({ actorId: admin.id, from: '2026-03-05', to: '2026-03-01' });
  await expect(page.getByTestId('audit-filter-error')).toHaveText('The end date is before the start date.');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/admin/audit');
  await expect(audit.entries.first()).toBeVisible();
});

test("a host reads their discussion's moderation log with filters; anonymous askers by pseudonym only; others are refused", async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const host = await makeUser({ role: 'ELDER', displayName: uniqueName('Host') });
  const facilitator = await makeUser({ role: 'FACILITATOR', displayName: uniqueName('Facilitator') });
  const member = await makeUser({ role: 'MEMBER', displayName: uniqueName('Member') });
  const asker = await makeUser({ role: 'MEMBER', displayName: uniqueName('Hidden asker') });
  const discussionId = await createRoomDiscussion(db, host, facilitator, { title: uniqueName('Circle with a log') });
  const otherId = await createRoomDiscussion(db, host, facilitator, { title: uniqueName('Another circle') });
  const named = randomUUID();
  const anonymous = randomUUID();
  const elsewhere = randomUUID();
  await db.question.createMany({
    data: [
      { id: named, discussionId, authorId: member.id, body: 'What helps most in the first week after a ceremony?' },
      { id: anonymous, discussionId, authorId: asker.id, body: 'How do I tell my family about it?', anonymous: true },
      { id: elsewhere, discussionId: otherId, authorId: member.id, body: 'A question in the other circle' },
    ],
  });
  await db.pseudonym.create({ data: { discussionId, userId: asker.id, name: 'Anonymous heron' } });
  await db.$transaction(async (tx) => {
    await recordAudit(tx, facilitator, { action: 'question.approved', target: { type: 'question', id: named } }, discussionId);
    await recordAudit(
      tx,
      facilitator,
      { action: 'question.rejected', target: { type: 'question', id: anonymous }, reason: 'Please rephrase kindly' },
      discussionId,
    );
    await recordAudit(
      tx,
      host,
      {
        action: 'participant.muted',
        target: { type: 'question', id: anonymous },
        reason: 'Heated words',
        detail: { minutes: 15, pseudonym: 'Anonymous heron' },
      },
      discussionId,
    );
    await recordAudit(
      tx,
      host,
      { action: 'question.author_revealed', target: { type: 'question', id: anonymous }, reason: 'A safety concern', detail: { pseudonym: 'Anonymous heron' } },
      discussionId,
    );
    await recordAudit(tx, facilitator, { action: 'question.hidden', target: { type: 'question', id: elsewhere } }, otherId);
  });

  const { page } = await signedInPage(host, { viewport: { width: 1280, height: 800 } });
  const audit = new AuditPage(page);
  await audit.gotoDiscussion(discussionId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation log');
  await expect(audit.total).toHaveText('4 entries');
  await expect(audit.entries.nth(0)).toContainText(`${host.displayName} revealed the asker of “How do I tell my family about it?” (Anonymous heron)`);
  await expect(audit.entries.nth(0)).toContainText('Reason: A safety concern');
  await expect(audit.entries.nth(1)).toContainText(`${host.displayName} muted the asker of “How do I tell my family about it?” (15 minutes · Anonymous heron)`);
  await expect(audit.entries.nth(2)).toContainText(`${facilitator.displayName} rejected the question “How do I tell my family about it?”`);
  await expect(audit.entries.nth(2)).toContainText('Reason: Please rephrase kindly');
  await expect(audit.entries.nth(3)).toContainText(`${facilitator.displayName} approved the question “What helps most in the first week after a ceremony?”`);
  await expect(page.getByText('A question in the other circle')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(asker.displayName);
  await page.screenshot({ path: path.join(SHOTS, 'discussion-audit-desktop.png'), fullPage: true });
  expect(await seriousAxeViolations(page), 'serious or critical axe violations').toEqual([]);

  // Filters: a person, then an action on top; a past date range; the discussion filter does not exist here.
  await expect(audit.filters.getByLabel('Discussion')).toHaveCount(0);
  await audit.filter({ person: facilitator.displayName });
  await expect(audit.total).toHaveText('2 entries match these filters');
  await audit.filter({ action: 'Rejected the question' });
  await expect(audit.entries).toHaveCount(1);
  await expect(audit.entries.first()).toContainText('Reason: Please rephrase kindly');
  await audit.gotoDiscussion(discussionId, { to: '2020-12-31' });
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  // A hand-made filter for another discussion changes nothing: this page is this discussion's log.
  await audit.gotoDiscussion(discussionId, { discussionId: otherId });
  await expect(audit.total).toHaveText('4 entries');

  await page.setViewportSize({ width: 390, height: 844 });
  await audit.gotoDiscussion(discussionId);
  await expect(audit.entries).toHaveCount(4);
  expect(await horizontalOverflow(page), 'page is wider than the screen').toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, 'discussion-audit-phone.png'), fullPage: true });
  expect(await seriousAxeViolations(page), 'serious or critical axe violations').toEqual([]);

  // The facilitator (not a host) and a member are refused, and see none of the log.
  for (const who of [facilitator, member]) {
    const { page: other } = await signedInPage(who);
    await other.goto(`/discussions/${discussionId}/audit`);
    await expect(other.getByTestId('audit-forbidden')).toContainText('Hosts and admins only');
    await expect(other.getByText('Please rephrase kindly')).toHaveCount(0);
    await expect(other.getByTestId('audit-log')).toHaveCount(0);
  }
});
