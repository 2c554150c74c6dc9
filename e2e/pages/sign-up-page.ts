import type { Locator, Page } from '@playwright/test';

export class SignUpPage {
  readonly email: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly passwordError: Locator;
  readonly displayNameError: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.displayName = page.getByLabel('Display name');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Create account' });
    this.error = page.getByTestId('signup-error');
    this.passwordError = page.locator('#field-password-error');
    this.displayNameError = page.locator('#field-displayName-error');
  }

  async goto() {
    await this.page.goto('/signup');
  }

  async signUp(input: { email: string; displayName: string; password: string }) {
    await this.email.fill(input.email);
    await this.displayName.fill(input.displayName);
    await this.password.fill(input.password);
    await this.submit.click();
  }
}
