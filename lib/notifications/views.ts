// What the bell and the notifications page show, and what `notification:created` carries.
import type { NotificationType } from './schema';

export type NotificationView = {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  /** The discussion it is about, so an open page can refresh itself. */
  discussionId: string | null;
  readAt: string | null;
  createdAt: string;
};

/** Payload of `notification:created` on the `user:<id>` room. */
export type NotificationCreatedPayload = { notification: NotificationView; unreadCount: number };
