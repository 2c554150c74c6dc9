import type { Locator, Page } from '@playwright/test';

export class ProfilePage {
  readonly role: Locator;
  readonly displayName: Locator;
  readonly timeZone: Locator;
  readonly save: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.role = page.getByTestId('profile-role');
    this.displayName = page.getByLabel('Display name');
    this.timeZone = page.getByLabel('Time zone');
    this.save = page.getByRole('button', { name: 'Save profile' });
    this.status = page.getByTestId('profile-status');
  }

  async goto() {
    await this.page.goto('/profile');
  }

  async update(input: { displayName: string; timeZone: string }) {
    await this.displayName.fill(input.displayName);
    await this.timeZone.selectOption(input.timeZone);
    await this.save.click();
  }
}
