// The recap (issue 10 item 6) and the exports (item 7) in the browser: the host ends a live discussion, opens the
// draft from the discussion page, removes an item, writes a note and publishes; an attendee gets the notification
// and reads the recap (no removed item, no care text, an anonymous asker unnamed); a signed-out visitor reads it with
// no asker's name at all ("A member asked"). The exports answer the host,
// and refuse a member (403) and a visitor (401). Screenshots of the editor and the published recap, looked at.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { horizontalOverflow, MIN_TAP_PX, seriousAxeViolations, smallTapTargets } from './a11y';
import { expect, test, uniqueName, waitForRealtime } from './fixtures';
import { createLiveDiscussion, openRoom } from './moderation-fixtures';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.screenshots');
const CARE_TEXT = 'words for the care lane only';

test('the host ends the discussion, edits and publishes the recap; an attendee is notified and reads it', async ({
  db,
  makeUser,
  signedInPage,
  anonymousPage,
}) => {
  test.setTimeout(90_000);
  const host = await makeUser({ role: 'ELDER', displayName: uniqueName('Host') });
  const attendee = await makeUser({ displayName: uniqueName('Attendee') });
  const asker = await makeUser({ displayName: uniqueName('Asker') });
  const hidden = await makeUser({ displayName: uniqueName('Hidden Person') });
  const discussionId = await createLiveDiscussion(
    db,
    { host, facilitators: [], members: [attendee, asker, hidden] },
    { mode: 'POST', title: uniqueName('Recap circle') },
  );
  const q = async (body: string, data: Record<string, unknown> = {}) =>
    (await db.question.create({ data: { id: randomUUID(), discussionId, authorId: asker.id, body, status: 'VISIBLE', ...data } })).id;
  const answered = await q('How do you integrate a hard session?', { answeredAt: new Date(), voteCount: 3 });
  await db.reply.create({ data: { questionId: answered, authorId: host.id, body: 'Slowly, with people you trust.' } });
  await q('A question the host removes from the recap', { answeredAt: new Date() });
  await q('What about microdosing and SSRIs?', { voteCount: 5, authorId: hidden.id, anonymous: true });
  const care = await q(CARE_TEXT, { status: 'CARE' });
  await db.careItem.create({ data: { discussionId, questionId: care, source: 'care_terms' } });

  // The attendee waits on the discussion page, connected for live notifications.
  const member = (await signedInPage(attendee)).page;
  await member.goto(`/discussions/${discussionId}`);
  await waitForRealtime(member);

  // The host ends the discussion in the room, then finds the draft on the discussion page.
  const { page } = await signedInPage(host);
  const room = await openRoom(page, discussionId);
  await page.getByRole('button', { name: 'End the discussion' }).click();
  await expect(room.phase).toHaveAttribute('data-phase', 'ended');
  // The ended room points the host to the draft; so does the discussion page.
  await expect(page.getByTestId('recap-draft-link')).toHaveAttribute('href', `/discussions/${discussionId}/recap`);
  await page.goto(`/discussions/${discussionId}`);
  await page.getByTestId('recap-link').getByRole('link', { name: 'Open the draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Recap:');
  await expect(page.getByTestId('recap-draft-note')).toBeVisible();
  await expect(page.getByTestId('recap-counts')).toContainText('Questions asked4');
  await expect(page.getByTestId('recap-counts')).toContainText('Answered privately (care)1');
  await expect(page.getByText(CARE_TEXT)).toHaveCount(0);
  // Before the draft is published, the attendee has no recap to read.
  expect((await member.request.get(`/discussions/${discussionId}/recap`)).status()).toBe(404);

  const removable = page.getByTestId('recap-item').filter({ hasText: 'A question the host removes' });
  await removable.getByRole('button', { name: /^Remove from recap: “A question the host removes/ }).click();
  await expect(removable.getByTestId('recap-item-removed-note')).toBeVisible();
  await page.getByTestId('recap-note-input').fill('Thank you for a warm evening. **Next circle** in May.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved.')).toBeVisible();
  await expect(page.getByTestId('recap-follow-up').getByText('Asked anonymously')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'recap-editor-desktop.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Exports: the host downloads; a member gets 403, a visitor 401.
  const csv = await page.request.get(`/api/discussions/${discussionId}/export.csv`);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain('How do you integrate a hard session?');
  expect(csvText).not.toContain(CARE_TEXT);
  expect(csvText).not.toContain(hidden.displayName);
  expect((await page.request.get(`/api/discussions/${discussionId}/export.md`)).status()).toBe(200);
  expect((await member.request.get(`/api/discussions/${discussionId}/export.csv`)).status()).toBe(403);
  expect((await member.request.get(`/api/discussions/${discussionId}/export.md`)).status()).toBe(403);
  const visitor = (await anonymousPage()).page;
  expect((await visitor.request.get(`/api/discussions/${discussionId}/export.csv`)).status()).toBe(401);

  await page.getByTestId('recap-publish').click();
  await expect(page.getByTestId('recap-publish-status')).toHaveText(/^Published\. \d+ people were told\.$/);
  await expect(page.getByTestId('recap')).toHaveAttribute('data-status', 'PUBLISHED');
  // The page now shows the published recap; the host can still read what publishing did.
  await expect(page.getByTestId('recap-publish-status')).toHaveText(/^Published\. \d+ people were told\.$/);
  await expect(page.getByTestId('recap-publish')).toHaveCount(0);

  // The attendee is told live, and follows the notification to the recap.
  const toast = member.getByTestId('notification-toast');
  await expect(toast).toContainText('A recap is ready');
  await toast.getByRole('link').click();
  await expect(member).toHaveURL(new RegExp(`/discussions/${discussionId}/recap$`));
  const recap = member.getByTestId('recap');
  await expect(recap).toHaveAttribute('data-status', 'PUBLISHED');
  await expect(recap.getByText('How do you integrate a hard session?')).toBeVisible();
  await expect(recap.getByText('Slowly, with people you trust.')).toBeVisible();
  await expect(recap.getByText(`Asked by ${asker.displayName}`).first()).toBeVisible();
  await expect(recap.getByText('Next circle')).toBeVisible();
  await expect(recap.getByText('A question the host removes')).toHaveCount(0);
  await expect(recap.getByText(CARE_TEXT)).toHaveCount(0);
  await expect(recap.getByText(hidden.displayName)).toHaveCount(0);
  await expect(recap.getByRole('button')).toHaveCount(0);
  await member.screenshot({ path: path.join(SHOTS, 'recap-published-desktop.png'), fullPage: true });
  expect(await seriousAxeViolations(member)).toEqual([]);
  // A signed-out visitor of the public recap reads it without any asker's name.
  await visitor.goto(`/discussions/${discussionId}/recap`);
  const publicRecap = visitor.getByTestId('recap');
  await expect(publicRecap.getByText('How do you integrate a hard session?')).toBeVisible();
  await expect(publicRecap.getByText('A member asked')).toHaveCount(2);
  await expect(visitor.getByText(asker.displayName)).toHaveCount(0);
  await expect(visitor.getByText('Asked anonymously')).toHaveCount(0);
  await visitor.screenshot({ path: path.join(SHOTS, 'recap-published-visitor.png'), fullPage: true });
  // The discussion page links to it.
  await member.goto(`/discussions/${discussionId}`);
  await expect(member.getByTestId('recap-link').getByRole('link', { name: 'Read the recap' })).toBeVisible();

  // On a phone: the published recap and the host's editor.
  for (const [who, user, shot] of [
    ['attendee', attendee, 'recap-published-phone'],
    ['host', host, 'recap-editor-phone'],
  ] as const) {
    const phone = (await signedInPage(user, { viewport: { width: 375, height: 800 } })).page;
    await phone.goto(`/discussions/${discussionId}/recap`);
    await expect(phone.getByTestId('recap')).toBeVisible();
    await phone.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
    expect(await horizontalOverflow(phone), who).toBeLessThanOrEqual(0);
    expect(await smallTapTargets(phone, MIN_TAP_PX), who).toEqual([]);
    expect(await seriousAxeViolations(phone), who).toEqual([]);
  }
});
