import { describe, expect, it } from 'vitest';
import { changePasswordSchema, signUpSchema, updateProfileSchema } from './schema';

describe('account schemas', () => {
  it('normalises email and display name', () => {
    const r = signUpSchema.parse({ email: '  Ada@Example.ORG ', displayName: '  Ada \u202eevil\u200b ', password: 'x'.repeat(12), timeZone: 'Europe/Berlin' });
    expect(r.email).toBe('ada@example.org');
    expect(r.displayName).toBe('Ada evil');
  });

  it('F03 rejects wrong types and extra fields with field messages', () => {
    for (const bad of [
      { email: { $ne: null }, displayName: 'Ada', password: 'x'.repeat(12) },
      { email: 'a@b.org', displayName: ['Ada'], password: 'x'.repeat(12) },
      { email: 'a@b.org', displayName: 'Ada', password: 'short' },
      { email: 'a@b.org', displayName: 'Ada', password: 'x'.repeat(257) },
      { email: 'a@b.org', displayName: 'Ada', password: 'x'.repeat(12), role: 'ADMIN' },
      { email: 'a@b.org', displayName: 'A', password: 'x'.repeat(12) },
    ]) {
      expect(signUpSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('an unknown time zone at sign-up falls back to UTC; on the profile it is an error', () => {
    expect(signUpSchema.parse({ email: 'a@b.org', displayName: 'Ada', password: 'x'.repeat(12), timeZone: 'Mars/Olympus' }).timeZone).toBe('UTC');
    expect(updateProfileSchema.safeParse({ displayName: 'Ada', timeZone: 'Mars/Olympus' }).success).toBe(false);
  });

  it('display names with role words get a field error on sign-up and profile', () => {
    const signUp = signUpSchema.safeParse({ email: 'a@b.org', displayName: 'Ada (admin)', password: 'x'.repeat(12) });
    expect(signUp.success).toBe(false);
    expect(signUp.error!.issues[0]).toMatchObject({ path: ['displayName'], message: expect.stringMatching(/role words like “admin”/) });
    const profile = updateProfileSchema.safeParse({ displayName: 'Sam the Facilitator', timeZone: 'UTC' });
    expect(profile.error!.issues[0]).toMatchObject({ path: ['displayName'], message: expect.stringMatching(/“facilitator”/) });
    expect(updateProfileSchema.safeParse({ displayName: '!!', timeZone: 'UTC' }).error!.issues[0].message).toMatch(/at least one letter/);
  });

  it('display names mixing Latin with Cyrillic or Greek letters get the one-alphabet field error; single alphabets pass', () => {
    for (const name of ['Мaya Okafor', 'Jοrdan']) {
      expect(updateProfileSchema.safeParse({ displayName: name, timeZone: 'UTC' }).error!.issues[0], name).toMatchObject({
        path: ['displayName'],
        message: expect.stringMatching(/Use one alphabet for your name/),
      });
    }
    for (const name of ['Ольга', 'Σοφία', 'Åsa Lindqvist', 'Li Na 李娜'])
      expect(updateProfileSchema.safeParse({ displayName: name, timeZone: 'UTC' }).success, name).toBe(true);
  });

  it('a password change needs the current password and a new one under the sign-up rules', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: 'old password here', newPassword: 'new password here' }).success).toBe(true);
    for (const bad of [
      { currentPassword: '', newPassword: 'new password here' },
      { currentPassword: 'old password here', newPassword: 'x'.repeat(11) },
      { currentPassword: 'old password here', newPassword: 'x'.repeat(257) },
      { currentPassword: 'same password 1', newPassword: 'same password 1' },
      { currentPassword: 'old password here', newPassword: 'new password here', userId: 'someone-else' },
    ]) {
      expect(changePasswordSchema.safeParse(bad).success).toBe(false);
    }
  });
});
