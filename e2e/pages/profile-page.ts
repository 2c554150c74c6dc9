import type { Locator, Page } from '@playwright/test';

export class ProfilePage {
  readonly role: Locator;
  readonly displayName: Locator;
  readonly timeZone: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly displayNameError: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly changePasswordButton: Locator;
  readonly signOutEverywhereButton: Locator;
  readonly securityDone: Locator;
  readonly securityError: Locator;
  readonly calendarFeed: Locator;

  constructor(readonly page: Page) {
    this.role = page.getByTestId('profile-role');
    this.displayName = page.getByLabel('Display name');
    this.timeZone = page.getByLabel('Time zone');
    this.save = page.getByRole('button', { name: 'Save profile' });
    this.status = page.getByTestId('profile-status');
    this.displayNameError = page.locator('#field-displayName-error');
    this.currentPassword = page.getByLabel('Current password');
    this.newPassword = page.getByLabel('New password');
    this.changePasswordButton = page.getByRole('button', { name: 'Change password' });
    this.signOutEverywhereButton = page.getByRole('button', { name: 'Sign out everywhere' });
    this.securityDone = page.getByTestId('account-security-done');
    this.securityError = page.getByTestId('account-security-error');
    this.calendarFeed = page.getByTestId('calendar-feed');
  }

  async goto() {
    await this.page.goto('/profile');
  }

  async update(input: { displayName: string; timeZone: string }) {
    await this.displayName.fill(input.displayName);
    await this.timeZone.selectOption(input.timeZone);
    await this.save.click();
  }

  async changePassword(current: string, next: string) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.changePasswordButton.click();
  }
}
