import { expect, type Locator, type Page } from '@playwright/test';

/** The header on every page: main navigation and who is signed in. */
export class SiteHeader {
  readonly root: Locator;
  readonly mainNav: Locator;
  readonly profileLink: Locator;
  readonly signInLink: Locator;
  readonly joinLink: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('banner');
    this.mainNav = this.root.getByRole('navigation', { name: 'Main' });
    this.profileLink = page.getByTestId('nav-profile');
    this.signInLink = this.root.getByRole('link', { name: 'Sign in', exact: true });
    this.joinLink = this.root.getByRole('link', { name: 'Join', exact: true });
    this.signOutButton = this.root.getByRole('button', { name: 'Sign out' });
  }

  async expectSignedInAs(displayName: string, roleLabel?: string) {
    await expect(this.profileLink).toContainText(displayName);
    if (roleLabel) await expect(this.profileLink.getByTestId('role-badge')).toHaveText(roleLabel);
    await expect(this.signInLink).toHaveCount(0);
  }

  async expectSignedOut() {
    await expect(this.signInLink).toBeVisible();
    await expect(this.profileLink).toHaveCount(0);
  }

  async signOut() {
    await this.signOutButton.click();
    await this.page.waitForURL((url) => url.pathname === '/');
    await this.expectSignedOut();
  }
}
