import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/prisma/seed';
import { hashPassword, isCommonPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false);
  });

  it('a malformed stored hash is a failed verification, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });

  it.each(['password1234', 'PASSWORD', 'qwertyuiop', 'iloveyou', '123456789012', 'abcabcabcabc', 'letmein2024'])('%s is common', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it.each(['kettle orbit mango lantern', DEMO_PASSWORD, 'Fjord-Blanket-91-Sparrow'])('%s is not common', (p) => {
    expect(isCommonPassword(p)).toBe(false);
  });
});
