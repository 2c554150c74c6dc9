'use server';
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { changePassword, type PublicUser, setShowWarnedContent, signOutEverywhere, updateProfile } from '@/server/users/commands';

export async function updateProfileAction(input: unknown): Promise<Result<PublicUser>> {
  return toResult(async () => updateProfile(await requireActor(), input));
}

export async function changePasswordAction(input: unknown): Promise<Result<{ signedOut: true }>> {
  return toResult(async () => changePassword(await requireActor(), input));
}

export async function signOutEverywhereAction(): Promise<Result<{ signedOut: true }>> {
  return toResult(async () => signOutEverywhere(await requireActor()));
}

export async function setShowWarnedContentAction(input: unknown): Promise<Result<{ showWarnedContent: boolean }>> {
  return toResult(async () => setShowWarnedContent(await requireActor(), input));
}
