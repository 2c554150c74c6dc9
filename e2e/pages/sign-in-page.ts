import { expect, type Locator, type Page } from '@playwright/test';

export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    // Matches both "Sign in" and "Signing in…".
    this.submit = page.getByRole('button', { name: /^Sign(ing)? in/ });
    this.error = page.getByTestId('signin-error');
  }

  /** `query` is used verbatim (e.g. a hostile, hand-encoded callbackUrl), as a link in the wild would be. */
  async goto(query = '') {
    await this.page.goto(`/signin${query}`);
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** The form is usable again: not stuck on "Signing in…". */
  async expectReady() {
    await expect(this.submit).toHaveText('Sign in');
    await expect(this.submit).toBeEnabled();
  }
}
