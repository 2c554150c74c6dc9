import { expect, type Locator, type Page } from '@playwright/test';

/** /discussions/<id>/live: the room as members and staff use it (agreement, composer, question cards). */
export class LiveRoomPage {
  readonly room: Locator;
  readonly title: Locator;
  readonly agreement: Locator;
  readonly phase: Locator;
  readonly banner: Locator;
  readonly questionInput: Locator;
  readonly anonymous: Locator;
  readonly attendees: Locator;

  constructor(readonly page: Page) {
    this.room = page.getByTestId('live-room');
    this.title = this.room.getByRole('heading', { level: 1 });
    this.agreement = page.getByTestId('agreement-text');
    this.phase = page.getByTestId('room-phase');
    this.banner = page.getByTestId('highlight-banner');
    this.questionInput = page.getByLabel('Your question');
    this.anonymous = page.getByLabel(/Ask anonymously/);
    this.attendees = page.getByTestId('attendee-list');
  }

  async goto(discussionId: string) {
    await this.page.goto(`/discussions/${discussionId}/live`);
  }

  /** Members accept the discussion's agreement before they are let in; staff are let in directly. */
  async acceptAgreement() {
    await this.page.getByLabel('I have read this agreement and will keep it.').check();
    await this.page.getByRole('button', { name: 'Enter the room' }).click();
    await this.expectJoined();
  }

  async expectJoined() {
    await expect(this.room).toHaveAttribute('data-join-status', 'joined');
  }

  async start() {
    await this.page.getByRole('button', { name: 'Start the discussion' }).click();
    await expect(this.phase).toHaveAttribute('data-phase', 'live');
  }

  async ask(body: string, opts: { anonymous: boolean }) {
    await this.questionInput.fill(body);
    await this.anonymous.setChecked(opts.anonymous);
    await this.page.getByRole('button', { name: 'Ask', exact: true }).click();
  }

  /** The card of one question, found by a unique marker in its text. */
  question(marker: string): Locator {
    return this.page.getByTestId('question').filter({ hasText: marker });
  }

  body(marker: string): Locator {
    return this.question(marker).getByTestId('question-body');
  }

  async reply(marker: string, body: string) {
    const card = this.question(marker);
    await card.getByRole('button', { name: 'Reply', exact: true }).click();
    await card.getByRole('textbox', { name: 'Reply to this question' }).fill(body);
    await card.getByRole('button', { name: 'Send reply' }).click();
  }

  async highlight(marker: string) {
    await this.question(marker).getByRole('button', { name: 'Answering now' }).click();
  }

  async openAttendees() {
    await this.page.locator('summary', { hasText: /^Attendees/ }).click();
    await expect(this.attendees).toBeVisible();
  }
}
