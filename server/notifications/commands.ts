// In-app notifications: stored first (inside the caller's transaction when there is one), then delivered
// live to every tab of the person over the `user:<id>` room. The stored row is the source of truth.
import { markNotificationsReadSchema, type NotificationType } from '@/lib/notifications/schema';
import type { NotificationView } from '@/lib/notifications/views';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { publishToUser } from '../realtime/bus';

export type NewNotification = {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  link?: string | null;
  /** Makes the notification idempotent: a second insert with the same key is skipped (two nodes, retries). */
  dedupeKey?: string | null;
};

type Row = { id: string; userId: string; type: string; title: string; body: string; link: string | null; readAt: Date | null; createdAt: Date };

export function toView(n: Row): NotificationView {
  const m = n.link?.match(/^\/discussions\/([^/?#]+)/);
  return {
    id: n.id,
    type: n.type as NotificationType,
    title: n.title,
    body: n.body,
    link: n.link,
    discussionId: m ? m[1] : null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Inside a transaction: store notifications. Returns the rows to publish once the transaction commits. */
export async function storeNotifications(tx: Prisma.TransactionClient, items: NewNotification[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const item of items) {
    rows.push(await tx.notification.create({ data: { ...item, link: item.link ?? null, dedupeKey: item.dedupeKey ?? null } }));
  }
  return rows;
}

/**
 * Outside a transaction: store each notification unless its dedupe key exists already. Only the node that
 * wins the insert publishes, so a notification is never sent twice.
 */
export async function notifyOnce(items: NewNotification[]): Promise<Row[]> {
  const created: Row[] = [];
  for (const item of items) {
    try {
      created.push(await db().notification.create({ data: { ...item, link: item.link ?? null, dedupeKey: item.dedupeKey ?? null } }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  await publishNotifications(created);
  return created;
}

export async function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** After commit: deliver each stored notification live, with the person's new unread count. */
export async function publishNotifications(rows: Row[]) {
  for (const row of rows) {
    const count = await unreadCount(row.userId).catch(() => null);
    if (count === null) continue;
    publishToUser(row.userId, 'notification:created', { notification: toView(row), unreadCount: count });
  }
}

export async function markNotificationsRead(actor: Actor, raw: unknown): Promise<{ unreadCount: number }> {
  const input = markNotificationsReadSchema.parse(raw);
  // userId in the filter: nobody marks someone else's notifications.
  await db().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...('ids' in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { unreadCount: await unreadCount(actor.id) };
}
