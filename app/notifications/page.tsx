import type { Metadata } from 'next';
import { NotificationList } from '@/components/notifications/notification-list';
import { requirePageActor } from '@/server/auth/next-session';
import { listNotifications } from '@/server/notifications/queries';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const actor = await requirePageActor('/notifications');
  const { items } = await listNotifications(actor);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Notifications</h1>
      <NotificationList initial={items} zone={actor.timeZone} />
    </div>
  );
}
