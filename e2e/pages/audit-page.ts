import type { Locator, Page } from '@playwright/test';

/** /admin/audit: the newest admin actions first. */
export class AuditPage {
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.entries = page.getByTestId('audit-log').getByRole('listitem');
  }

  async goto() {
    await this.page.goto('/admin/audit');
  }

  /** Entries about one person (by display name). */
  about(displayName: string): Locator {
    return this.entries.filter({ hasText: displayName });
  }
}
