'use server';
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { markNotificationsRead } from '@/server/notifications/commands';

export async function markNotificationsReadAction(input: unknown): Promise<Result<{ unreadCount: number }>> {
  return toResult(async () => markNotificationsRead(await requireActor(), input));
}
