'use server';
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { updateProfile, type PublicUser } from '@/server/users/commands';

export async function updateProfileAction(input: unknown): Promise<Result<PublicUser>> {
  return toResult(async () => updateProfile(await requireActor(), input));
}
