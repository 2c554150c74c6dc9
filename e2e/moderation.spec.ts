// The moderation queue in Chromium, with two facilitators, a host and two members (issue 9): pre moderation
// (seen only by its author and the console, then by all once approved), rejection with a kind reason and one
// resubmission, redaction, merge (every voter once), two facilitators on one item (one wins, the other is told).
// Every test makes its own discussion and people, so the specs can run in parallel workers.
import { randomBytes } from 'node:crypto';
import { expect, type TestFixtures, type TestUser, test, type WorkerFixtures } from './fixtures';
import { ConsolePage, createLiveDiscussion, openRoom } from './moderation-fixtures';

const marker = (what: string) => `${what} ${randomBytes(3).toString('hex')}`;

type Fx = Pick<TestFixtures & WorkerFixtures, 'db' | 'makeUser' | 'signedInPage'>;

async function cast({ db, makeUser }: Fx, mode: 'PRE' | 'POST' = 'PRE') {
  const host = await makeUser({ role: 'ELDER', displayName: `Host ${randomBytes(2).toString('hex')}` });
  const fac1 = await makeUser({ role: 'FACILITATOR', displayName: `Sam ${randomBytes(2).toString('hex')}` });
  const fac2 = await makeUser({ role: 'FACILITATOR', displayName: `Jordan ${randomBytes(2).toString('hex')}` });
  const m1 = await makeUser({ role: 'MEMBER', displayName: `Juniper ${randomBytes(2).toString('hex')}` });
  const m2 = await makeUser({ role: 'MEMBER', displayName: `Alder ${randomBytes(2).toString('hex')}` });
  const id = await createLiveDiscussion(db, { host, facilitators: [fac1, fac2], members: [m1, m2] }, { mode });
  return { id, host, fac1, fac2, m1, m2 };
}

async function openConsole(fx: Fx, user: TestUser, id: string) {
  const { page } = await fx.signedInPage(user);
  const c = new ConsolePage(page);
  await c.goto(id);
  return c;
}

async function room(fx: Fx, user: TestUser, id: string) {
  const { page } = await fx.signedInPage(user);
  return openRoom(page, id);
}

test('pre moderation: a question is seen by its author ("Awaiting review") and the console only, then by everyone once approved', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, host, fac1, m1, m2 } = await cast(fx);
  const r1 = await room(fx, m1, id);
  const r2 = await room(fx, m2, id);
  const hostRoom = await room(fx, host, id);
  const c = await openConsole(fx, fac1, id);
  await expect(r1.page.getByTestId('pre-moderation-notice')).toHaveText('Questions are reviewed by the facilitators before they appear.');

  const text = marker('How do I carry the insights into ordinary weeks?');
  await r1.ask(text, { anonymous: false });
  await expect(r1.question(text).getByTestId('awaiting-review')).toHaveText('Awaiting review');
  const item = c.item(text);
  await expect(item).toBeVisible();
  await expect(item.getByTestId('held-for')).toContainText(['Pre-moderated']);
  await expect(item.getByTestId('console-author')).toHaveText(m1.displayName);
  // The console has it, so the broadcast went out: the other member still does not see it.
  await expect(r2.question(text)).toHaveCount(0);
  await expect(r2.page.getByTestId('live-room')).not.toContainText(text);

  await c.approve(text);
  await c.openTab('Live');
  await expect(c.item(text)).toBeVisible();
  await expect(r2.question(text)).toBeVisible();
  await expect(hostRoom.question(text)).toBeVisible();
  await expect(r1.question(text).getByTestId('awaiting-review')).toHaveCount(0);
  await expect(r1.page.getByTestId('review-notice')).toContainText('Your question was approved');
});

test('a rejection with a template reaches its author alone, who edits and resubmits once', async ({ db, makeUser, signedInPage }) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, fac1, m1, m2 } = await cast(fx);
  const r1 = await room(fx, m1, id);
  const r2 = await room(fx, m2, id);
  const c = await openConsole(fx, fac1, id);

  const text = marker('Is it true that my neighbour Dana took too much last week?');
  await r1.ask(text, { anonymous: false });
  await expect(c.item(text)).toBeVisible();
  const reason = await c.rejectWithTemplate(text);
  expect(reason.length).toBeGreaterThan(10);

  const mine = r1.question(text);
  await expect(mine.getByTestId('reject-reason')).toContainText(reason);
  await expect(r1.page.getByTestId('review-notice')).toContainText('did not put your question to the room');
  await expect(r2.page.getByTestId('live-room')).not.toContainText(reason);
  await expect(r2.question(text)).toHaveCount(0);
  await c.openTab('Hidden/Rejected');
  await expect(c.item(text)).toContainText(`Reason given: ${reason}`);

  // Edit and resubmit: back in the queue, awaiting review; the offer is used up.
  const edited = `${text.replace('my neighbour Dana', 'someone')} (edited)`;
  await mine.getByRole('button', { name: 'Edit and resubmit' }).click();
  await mine.getByLabel('Your question, edited').fill(edited);
  await mine.getByRole('button', { name: 'Resubmit for review' }).click();
  const resubmitted = r1.question('(edited)');
  await expect(resubmitted.getByTestId('awaiting-review')).toBeVisible();
  await expect(resubmitted.getByRole('button', { name: 'Edit and resubmit' })).toHaveCount(0);
  await c.openTab('Queue');
  await expect(c.item('(edited)')).toBeVisible();
  await expect(r2.question('(edited)')).toHaveCount(0);
});

test('redaction: the room reads the edited question, marked as edited; the author reads the note', async ({ db, makeUser, signedInPage }) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, fac1, m1, m2 } = await cast(fx);
  const r1 = await room(fx, m1, id);
  const r2 = await room(fx, m2, id);
  const c = await openConsole(fx, fac1, id);

  const secret = `555-01${randomBytes(1).toString('hex')}`;
  const text = marker(`Can someone call me on ${secret} after tonight?`);
  await r1.ask(text, { anonymous: false });
  await expect(c.item(text)).toBeVisible();
  await c.action(text, 'Edit…');
  const dialog = c.page.getByTestId('redact-dialog');
  const redacted = text.replace(` on ${secret}`, '');
  await dialog.getByLabel('The question as the room will read it').fill(redacted);
  await dialog.getByLabel('A note for the author').fill('We took out your phone number to keep you safe.');
  await dialog.getByRole('button', { name: 'Save the edit' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(c.item(redacted)).toContainText('edited by a facilitator');
  await c.approve(redacted);

  const seen = r2.question(redacted);
  await expect(seen).toBeVisible();
  await expect(seen.getByTestId('redacted')).toHaveText('Edited by a facilitator');
  await expect(r2.page.getByTestId('live-room')).not.toContainText(secret);
  await expect(r1.question(redacted).getByTestId('redaction-note')).toContainText('We took out your phone number to keep you safe.');
  // After a reload the author still reads the note (their own view carries it); the room never does.
  await r1.page.reload();
  await r1.expectJoined();
  await expect(r1.question(redacted).getByTestId('redaction-note')).toContainText('We took out your phone number to keep you safe.');
  await r2.page.reload();
  await r2.expectJoined();
  await expect(r2.question(redacted)).toBeVisible();
  await expect(r2.page.getByTestId('live-room')).not.toContainText('We took out your phone number');
  // The original text is kept in the audit entry only.
  const q = await db.question.findFirstOrThrow({ where: { discussionId: id }, select: { body: true } });
  expect(q.body).not.toContain(secret);
});

test('merge: the duplicate leaves, the question it joined counts every voter once', async ({ db, makeUser, signedInPage }) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, host, fac1, m1, m2 } = await cast(fx, 'POST');
  const r1 = await room(fx, m1, id);
  const r2 = await room(fx, m2, id);
  const rh = await room(fx, host, id);
  const c = await openConsole(fx, fac1, id);

  const a = marker('How do we integrate grief that surfaces?');
  const b = marker('What to do with grief that comes up afterwards?');
  await r1.ask(a, { anonymous: false });
  await r2.ask(b, { anonymous: false });
  // New members' first questions wait for review even in post mode: approve the held ones.
  for (const [r, t] of [
    [r1, a],
    [r2, b],
  ] as const) {
    await expect(r.question(t)).toBeVisible();
    if ((await r.question(t).getByTestId('awaiting-review').count()) > 0) await c.approve(t);
  }
  for (const [r, t] of [
    [r2, a],
    [r1, b],
    [rh, a],
    [rh, b],
  ] as const) {
    await expect(r.question(t)).toBeVisible();
    await r
      .question(t)
      .getByRole('button', { name: /Upvote this question/ })
      .click();
    await expect(r.question(t).getByRole('button', { name: /Remove your upvote/ })).toBeVisible();
  }
  await expect(r1.question(a).getByTestId('vote-count')).toHaveText('2');
  await expect(r1.question(b).getByTestId('vote-count')).toHaveText('2');

  await c.openTab('Live');
  await c.action(b, 'Merge…');
  const dialog = c.page.getByTestId('merge-dialog');
  await dialog.getByLabel('Find the question it duplicates').fill(a.slice(-6));
  await dialog.getByRole('radio').first().check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toHaveCount(0);

  // m2 (voted a), m1 (voted b), the host (voted both): three people, each once.
  for (const r of [r1, r2, rh]) {
    await expect(r.question(b)).toHaveCount(r === r2 ? 1 : 0); // the author of b still sees what became of it
    await expect(r.question(a).getByTestId('vote-count')).toHaveText('3');
  }
  await expect(r2.question(b).getByTestId('merged-note')).toBeVisible();
  await expect(c.item(a)).toContainText('3 votes');
});

test('two facilitators act on one item: one wins, the other is told kindly and sees it as it is', async ({ db, makeUser, signedInPage }) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, fac1, fac2, m1 } = await cast(fx);
  const r1 = await room(fx, m1, id);
  const c1 = await openConsole(fx, fac1, id);
  const c2 = await openConsole(fx, fac2, id);

  const text = marker('Is microdosing safe with my medication?');
  await r1.ask(text, { anonymous: false });
  await expect(c1.item(text)).toBeVisible();
  await expect(c2.item(text)).toBeVisible();
  // Jordan starts rejecting (the dialog holds the version they saw) while Sam approves.
  await c2.action(text, 'Reject…');
  await expect(c2.page.getByTestId('reject-dialog')).toBeVisible();
  await c1.approve(text);
  await c2.page.getByTestId('reject-dialog').getByRole('button', { name: 'Reject and tell the author' }).click();

  await expect(c2.message).toContainText(fac1.displayName);
  await expect(c2.message).toContainText('approved');
  // Jordan's console shows the question as it is now (approved), and keeps working.
  await expect(c2.page.getByTestId('reject-dialog')).toHaveCount(0);
  await c2.openTab('Live');
  await expect(c2.item(text)).toBeVisible();
  await expect(r1.question(text).getByTestId('awaiting-review')).toHaveCount(0);
  await expect(r1.question(text).getByTestId('reject-reason')).toHaveCount(0);
  // Sam's action is in Jordan's feed.
  await expect(c2.feed).toContainText(`${fac1.displayName} approved`);
});

test('the moderation log: a host follows the link from the discussion page and from the console; a facilitator gets none', async ({
  db,
  makeUser,
  signedInPage,
}) => {
  const fx: Fx = { db, makeUser, signedInPage };
  const { id, host, fac1, m1 } = await cast(fx);
  const r1 = await room(fx, m1, id);
  const text = marker('A question the log will mention');
  await r1.ask(text, { anonymous: false });
  const c = await openConsole(fx, fac1, id);
  await c.approve(text);

  const { page } = await signedInPage(host);
  await page.goto(`/discussions/${id}`);
  await page.getByTestId('audit-link').click();
  await expect(page).toHaveURL(new RegExp(`/discussions/${id}/audit$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation log');
  await expect(page.getByTestId('audit-total')).toHaveText(/^[1-9]\d* entr/);

  const hostConsole = new ConsolePage(page);
  await hostConsole.goto(id);
  await hostConsole.page.getByTestId('console-audit-link').click();
  await expect(page).toHaveURL(new RegExp(`/discussions/${id}/audit$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation log');

  // Facilitators follow each other in the console's feed; the log is the hosts' (and admins').
  await c.page.goto(`/discussions/${id}`);
  await expect(c.page.getByTestId('console-link')).toBeVisible();
  await expect(c.page.getByTestId('audit-link')).toHaveCount(0);
  await c.goto(id);
  await expect(c.page.getByTestId('console-audit-link')).toHaveCount(0);
});
