// Credentials check for next-auth's authorize(): throttled, and alike in answer and timing for unknown accounts.

import { AppError } from '@/lib/result';
import { signInSchema } from '@/lib/users/schema';
import { db } from '../db/client';
import { dummyHash, verifyPassword } from './password';
import { admitLogin, settleLogin } from './throttle';

export type SignedInUser = { id: string; sessionVersion: number };

/** Messages next-auth passes back to the sign-in form as `error`; the form maps codes to text. */
const SIGN_IN_ERRORS = {
  invalid: 'invalid_credentials',
  suspended: 'account_suspended',
  /** Followed by `:<seconds to wait>`. */
  rateLimited: 'rate_limited',
} as const;

export async function authenticate(raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_credentials', SIGN_IN_ERRORS.invalid);
  const { email, password } = parsed.data;

  const admission = await admitLogin(email, ip);
  if (!admission.ok) throw new AppError('rate_limited', `${SIGN_IN_ERRORS.rateLimited}:${admission.waitSeconds}`);

  let outcome: 'succeeded' | 'failed' | null = null;
  try {
    const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, sessionVersion: true, bannedAt: true } });
    // Verify against a real hash even when there is no such account, so timing does not tell them apart.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok) {
      outcome = 'failed';
      throw new AppError('invalid_credentials', SIGN_IN_ERRORS.invalid);
    }
    outcome = 'succeeded';
    if (user.bannedAt) throw new AppError('account_suspended', SIGN_IN_ERRORS.suspended);
    return { id: user.id, sessionVersion: user.sessionVersion };
  } finally {
    await settleLogin(email, ip, outcome);
  }
}
