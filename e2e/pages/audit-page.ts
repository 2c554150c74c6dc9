import type { Locator, Page } from '@playwright/test';

type Filters = Partial<Record<'discussionId' | 'actorId' | 'action' | 'from' | 'to' | 'page', string>>;

/** /admin/audit (every entry, admins) and /discussions/<id>/audit (one discussion's, its hosts): newest first, filtered. */
export class AuditPage {
  readonly entries: Locator;
  readonly total: Locator;
  readonly filters: Locator;
  readonly pages: Locator;

  constructor(readonly page: Page) {
    this.entries = page.getByTestId('audit-log').getByRole('listitem');
    this.total = page.getByTestId('audit-total');
    this.filters = page.getByRole('search').getByRole('form', { name: 'Filter the log' });
    this.pages = page.getByRole('navigation', { name: 'Pages' });
  }

  /** The admin log, optionally already filtered through the query string. */
  async goto(filters: Filters = {}) {
    const query = new URLSearchParams(filters).toString();
    await this.page.goto(`/admin/audit${query ? `?${query}` : ''}`);
  }

  /** One discussion's moderation log. */
  async gotoDiscussion(discussionId: string, filters: Filters = {}) {
    const query = new URLSearchParams(filters).toString();
    await this.page.goto(`/discussions/${discussionId}/audit${query ? `?${query}` : ''}`);
  }

  /** Sets the filter form's fields (labels as shown: Discussion, Person, Action; dates as YYYY-MM-DD) and submits it. */
  async filter(by: { discussion?: string; person?: string; action?: string; from?: string; to?: string }) {
    if (by.discussion !== undefined) await this.filters.getByLabel('Discussion').selectOption({ label: by.discussion });
    if (by.person !== undefined) await this.filters.getByLabel('Person').selectOption({ label: by.person });
    if (by.action !== undefined) await this.filters.getByLabel('Action').selectOption({ label: by.action });
    if (by.from !== undefined) await this.filters.getByLabel('From (UTC day)').fill(by.from);
    if (by.to !== undefined) await this.filters.getByLabel('To (UTC day)').fill(by.to);
    await this.filters.getByRole('button', { name: 'Filter' }).click();
  }

  /** Entries about one person (by display name). */
  about(displayName: string): Locator {
    return this.entries.filter({ hasText: displayName });
  }
}
