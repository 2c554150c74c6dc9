import type { Locator, Page } from '@playwright/test';

/** /notifications and the header bell's toast that announces a new notification. */
export class NotificationsPage {
  readonly list: Locator;
  readonly items: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('notification-list');
    this.items = this.list.getByRole('listitem');
    this.toast = page.getByTestId('notification-toast');
  }

  async goto() {
    await this.page.goto('/notifications');
  }

  /** One notification, by a unique marker in its title or body. */
  item(marker: string): Locator {
    return this.items.filter({ hasText: marker });
  }
}
