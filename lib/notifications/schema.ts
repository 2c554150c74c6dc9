// In-app notification kinds and the mark-read input, shared by the server, the socket event and the bell.
// No Prisma, no Node APIs.
import { z } from 'zod';

const NOTIFICATION_TYPES = [
  'waitlist_promoted',
  'discussion_changed',
  'discussion_cancelled',
  'starts_soon',
  'author_revealed',
  'report_outcome',
  'private_reply',
  'recap_published',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

const id = z.string().min(1).max(64);
export const markNotificationsReadSchema = z.union([z.object({ ids: z.array(id).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]);
