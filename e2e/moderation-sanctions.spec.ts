// Sanctions and anonymity from the console: an anonymous asker muted through their question (by pseudonym, never
// by name) → their next question is refused, then accepted once the mute ran out by the server's clock (F12,
// moved by the test clock, no sleep); a reveal writes an audit entry and tells the author privately.
import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';
import { advanceServerClock, ConsolePage, createLiveDiscussion, openRoom } from './moderation-fixtures';

test('mute through an anonymous question: refused while muted, accepted after expiry by the server clock', async ({ db, makeUser, signedInPage }) => {
  const host = await makeUser({ role: 'ELDER' });
  const fac = await makeUser({ role: 'FACILITATOR' });
  const m1 = await makeUser({ role: 'MEMBER', displayName: `Quiet Person ${randomBytes(2).toString('hex')}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac], members: [m1] });
  const tag = randomBytes(3).toString('hex');

  const member = await signedInPage(m1);
  const r1 = await openRoom(member.page, id);
  const first = `First anonymous question ${tag}`;
  await r1.ask(first, { anonymous: true });
  await expect(r1.question(first)).toBeVisible();

  const c = new ConsolePage((await signedInPage(fac)).page);
  await c.goto(id);
  const item = c.item(first);
  await expect(item.getByTestId('console-author')).toHaveText(/^Anonymous /);
  const pseudonym = (await item.getByTestId('console-author').textContent()) ?? '';
  await expect(item).not.toContainText(m1.displayName);

  await c.action(first, 'Mute…');
  const dialog = c.page.getByTestId('sanction-dialog');
  await expect(dialog.getByRole('radio', { name: '5 min', exact: true })).toBeChecked();
  await dialog.getByLabel('The reason they will read').fill('Please give others room for a few minutes.');
  await dialog.getByRole('button', { name: 'Mute' }).click();
  await expect(dialog).toHaveCount(0);
  // Staff see the sanction by pseudonym only.
  await expect(c.sanctions.getByTestId('sanction')).toContainText(pseudonym);
  await expect(c.sanctions).not.toContainText(m1.displayName);

  // The member is told at once: composer closed, time left, the reason.
  const blocked = r1.page.getByTestId('composer-blocked');
  await expect(blocked).toContainText(/you can ask again in [45] min/);
  await expect(blocked).toContainText('Please give others room for a few minutes.');
  await expect(r1.questionInput).toBeDisabled();

  // A reload: the join state says muted, with the time left and the reason, before anything is asked.
  await r1.page.reload();
  await r1.expectJoined();
  await expect(blocked).toContainText(/you can ask again in [45] min/);
  await expect(blocked).toContainText('Please give others room for a few minutes.');
  await expect(r1.questionInput).toBeDisabled();
  const second = `Second question while muted ${tag}`;

  // Five minutes later by the server's clock: accepted.
  await advanceServerClock(member.context.request, 5 * 60_000 + 5_000);
  await r1.page.reload();
  await r1.expectJoined();
  await r1.ask(second, { anonymous: true });
  await expect(r1.question(second).getByTestId('awaiting-review')).toBeVisible();
  expect(await db.question.count({ where: { discussionId: id, body: second } })).toBe(1);
});

test('reveal: asks for a reason, shows the name to this facilitator alone, is audited, and the author is told', async ({ db, makeUser, signedInPage }) => {
  const host = await makeUser({ role: 'ELDER' });
  const fac = await makeUser({ role: 'FACILITATOR' });
  const fac2 = await makeUser({ role: 'FACILITATOR' });
  const m1 = await makeUser({ role: 'MEMBER' });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac, fac2], members: [m1] });
  const text = `I am not sure I am safe at home tonight ${randomBytes(3).toString('hex')}`;

  const r1 = await openRoom((await signedInPage(m1)).page, id);
  await r1.ask(text, { anonymous: true });
  await expect(r1.question(text)).toBeVisible();

  const c = new ConsolePage((await signedInPage(fac)).page);
  await c.goto(id);
  const other = new ConsolePage((await signedInPage(fac2)).page);
  await other.goto(id);
  await expect(c.item(text)).toBeVisible();
  await c.action(text, 'Reveal…');
  const dialog = c.page.getByTestId('reveal-dialog');
  await expect(dialog).toContainText('This is recorded, and the author is told.');
  const reason = 'They may be in danger; we want to reach out privately.';
  await dialog.getByLabel('Why you need to know').fill(reason);
  await dialog.getByRole('button', { name: 'Reveal to me' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(c.item(text).getByTestId('revealed-name')).toContainText(m1.displayName);
  // The other facilitator still sees the pseudonym only.
  await expect(other.item(text).getByTestId('console-author')).toHaveText(/^Anonymous /);
  await expect(other.item(text)).not.toContainText(m1.displayName);

  await expect(r1.page.getByTestId('review-notice')).toContainText('A facilitator looked at who asked your anonymous question.');
  await expect(r1.page.getByTestId('review-notice')).toContainText(reason);
  const entries = await db.auditEntry.findMany({ where: { discussionId: id, action: 'question.author_revealed' } });
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actorId: fac.id, reason });
});

test('remove from the people panel: the member is told at once, the room closes for them, and stays closed after a reload', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const host = await makeUser({ role: 'ELDER' });
  const fac = await makeUser({ role: 'FACILITATOR' });
  const m1 = await makeUser({ role: 'MEMBER', displayName: `Restless ${randomBytes(2).toString('hex')}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac], members: [m1] });
  const r1 = await openRoom((await signedInPage(m1)).page, id);

  const c = new ConsolePage((await signedInPage(fac)).page);
  await c.goto(id);
  const person = c.page.getByTestId('console-attendees').locator('li', { hasText: m1.displayName });
  await person.locator('summary').click();
  await person.getByRole('button', { name: /^Remove…/ }).click();
  const dialog = c.page.getByTestId('sanction-dialog');
  await dialog.getByLabel('The reason they will read').fill('Repeated personal attacks after a warning.');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(c.sanctions.getByTestId('sanction')).toContainText(m1.displayName);

  const removed = r1.page.getByTestId('room-removed');
  await expect(removed).toContainText('You can no longer take part in this discussion');
  await expect(removed).toContainText('Repeated personal attacks after a warning.');
  await expect(r1.questionInput).toHaveCount(0);
  await r1.page.reload();
  await expect(r1.page.getByTestId('room-removed')).toBeVisible();
  await expect(r1.questionInput).toHaveCount(0);
});
