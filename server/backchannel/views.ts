// The Prisma select and mapper of a staff message (the backchannel's one view: staff only ever read it).
import type { StaffMessageView } from '@/lib/backchannel/views';
import type { Prisma } from '../db/client';
import type { RoomContext } from '../live/context';

export const staffMessageSelect = {
  id: true,
  discussionId: true,
  body: true,
  createdAt: true,
  authorId: true,
  author: { select: { displayName: true, role: true } },
} as const satisfies Prisma.StaffMessageSelect;

type StaffMessageRow = Prisma.StaffMessageGetPayload<{ select: typeof staffMessageSelect }>;

/** The author's badge is their rights in the discussion now (RoomContext.badges), as next to names in the room. */
export function staffMessageView(row: StaffMessageRow, badges: RoomContext['badges']): StaffMessageView {
  return {
    id: row.id,
    discussionId: row.discussionId,
    body: row.body,
    author: { id: row.authorId, name: row.author.displayName, badge: row.author.role === 'ADMIN' ? 'admin' : (badges.get(row.authorId) ?? null) },
    createdAt: row.createdAt.toISOString(),
  };
}
