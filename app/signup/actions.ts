'use server';
import type { Result } from '@/lib/result';
import { toResult } from '@/server/errors';
import { signUp, type PublicUser } from '@/server/users/commands';

export async function signUpAction(input: unknown): Promise<Result<PublicUser>> {
  return toResult(() => signUp(input));
}
