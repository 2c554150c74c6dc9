'use server';
// The personal calendar feed URL: make a new secret (the old URL stops working) or switch the feed off.
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { regenerateCalendarToken, revokeCalendarToken } from '@/server/calendar/commands';
import { toResult } from '@/server/errors';

export async function regenerateCalendarFeedAction(): Promise<Result<{ url: string }>> {
  return toResult(async () => regenerateCalendarToken(await requireActor()));
}

export async function revokeCalendarFeedAction(): Promise<Result<{ url: null }>> {
  return toResult(async () => revokeCalendarToken(await requireActor()));
}
