// In-app notification shapes shared by the server, the socket event and the bell. No Prisma, no Node APIs.
export const NOTIFICATION_TYPES = ['waitlist_promoted', 'discussion_changed', 'discussion_cancelled', 'starts_soon'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

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
