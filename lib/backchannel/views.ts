// What the staff backchannel sends: to the discussion's moderators' room only, never to the audience (F28).
import type { StaffBadge } from '../live/views';

export type StaffMessageView = {
  id: string;
  discussionId: string;
  body: string;
  /** Staff names are not secret to staff; the badge is the author's rights in this discussion now. */
  author: { id: string; name: string; badge: StaffBadge | null };
  createdAt: string;
};
