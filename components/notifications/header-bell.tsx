// Server side of the header bell: the signed-in person's unread count at render time.
import { getActor } from '@/server/auth/next-session';
import { countUnread } from '@/server/notifications/queries';
import { NotificationBell } from './notification-bell';

export async function HeaderBell() {
  const actor = await getActor();
  if (!actor) return null;
  return <NotificationBell initialUnread={await countUnread(actor)} />;
}
