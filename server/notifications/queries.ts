// Reads of a person's own notifications.
import type { NotificationView } from '@/lib/notifications/views';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { toView, unreadCount } from './commands';

export async function listNotifications(actor: Actor, take = 50): Promise<{ items: NotificationView[]; unread: number }> {
  const rows = await db().notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(take, 1), 200),
  });
  return { items: rows.map(toView), unread: await unreadCount(actor.id) };
}

export async function countUnread(actor: Actor): Promise<number> {
  return unreadCount(actor.id);
}
