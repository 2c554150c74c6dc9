// Prisma selects and mappers for question views. The audience mapper drops the author of anonymous questions
// here on the server, so no anonymous author ever reaches an audience socket or page. Staff badges are
// computed here too, from the discussion's staff list (RoomContext.badges) and the author's global role.
import type { QuestionView, ReplyView, StaffBadge } from '@/lib/live/views';
import type { Prisma } from '../db/client';
import type { RoomContext } from '../live/context';

const authorSelect = { select: { displayName: true, role: true } } as const satisfies Prisma.UserDefaultArgs;

export const questionSelect = {
  id: true,
  discussionId: true,
  body: true,
  anonymous: true,
  contentWarning: true,
  status: true,
  voteCount: true,
  answeredAt: true,
  editedAt: true,
  createdAt: true,
  authorId: true,
  author: authorSelect,
  replies: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, authorId: true, author: authorSelect } },
} as const satisfies Prisma.QuestionSelect;

/** A question as `questionSelect` reads it. */
export type QuestionRow = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>;
type Author = QuestionRow['author'];

/** Staff badges of one discussion by user id (hosts and facilitators whose global role still backs them). */
export type Badges = ReadonlyMap<string, StaffBadge>;

function badgeOf(userId: string, author: Author, badges: Badges): StaffBadge | null {
  return author.role === 'ADMIN' ? 'admin' : (badges.get(userId) ?? null);
}

export function replyView(r: QuestionRow['replies'][number], badges: Badges): ReplyView {
  return { id: r.id, body: r.body, authorName: r.author.displayName, authorBadge: badgeOf(r.authorId, r.author, badges), createdAt: r.createdAt.toISOString() };
}

function base(q: QuestionRow, badges: Badges): Omit<QuestionView, 'author'> {
  return {
    id: q.id,
    body: q.body,
    anonymous: q.anonymous,
    contentWarning: q.contentWarning,
    status: q.status,
    votes: q.voteCount,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    editedAt: q.editedAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
    replies: q.replies.map((r) => replyView(r, badges)),
  };
}

export function audienceView(q: QuestionRow, badges: Badges): QuestionView {
  return { ...base(q, badges), author: q.anonymous ? null : { name: q.author.displayName, badge: badgeOf(q.authorId, q.author, badges) } };
}

export function moderatorView(q: QuestionRow, badges: Badges): QuestionView {
  return { ...base(q, badges), author: { id: q.authorId, name: q.author.displayName, badge: badgeOf(q.authorId, q.author, badges) } };
}

/** Which questions the audience sees: visible ones (pending ones only their author and moderators). */
export const AUDIENCE_STATUSES = ['VISIBLE'] as const;
export const MODERATOR_STATUSES = ['VISIBLE', 'PENDING', 'HIDDEN'] as const;

/** A question as the person of `ctx` sees it: moderators see authors, the audience not those of anonymous ones. */
export function viewFor(ctx: Pick<RoomContext, 'isMod' | 'badges'>, row: QuestionRow): QuestionView {
  return ctx.isMod ? moderatorView(row, ctx.badges) : audienceView(row, ctx.badges);
}
