import { expect, type Locator, type Page } from '@playwright/test';
import type { RoleName } from '../../lib/users/roles';

/** /admin/users: find a person, change their role, ban or unban them. */
export class AdminUsersPage {
  constructor(readonly page: Page) {}

  async search(query: string) {
    await this.page.goto(`/admin/users?${new URLSearchParams({ q: query })}`);
  }

  row(email: string): Locator {
    return this.page.getByTestId(`user-row-${email}`);
  }

  status(email: string): Locator {
    return this.row(email).getByRole('status');
  }

  async changeRole(email: string, role: RoleName, label: string) {
    const row = this.row(email);
    await row.getByRole('combobox', { name: /^Role for / }).selectOption(role);
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(this.status(email)).toHaveText(`Role changed to ${label}.`);
  }

  async ban(email: string, reason: string) {
    const row = this.row(email);
    await row.getByRole('textbox', { name: /^Reason for banning / }).fill(reason);
    await row.getByRole('button', { name: 'Ban' }).click();
    await expect(this.status(email)).toHaveText('Banned.');
    await expect(row.getByText('Banned', { exact: true })).toBeVisible();
  }

  async unban(email: string) {
    const row = this.row(email);
    await row.getByRole('button', { name: 'Unban' }).click();
    await expect(this.status(email)).toHaveText('Ban lifted.');
    await expect(row.getByRole('button', { name: 'Ban' })).toBeVisible();
  }
}
