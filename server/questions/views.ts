// Prisma selects and mappers for question views. The audience mapper drops the author of anonymous questions
// here on the server, so no anonymous author ever reaches an audience socket or page.
import type { QuestionView, ReplyView } from '@/lib/live/views';

export const questionSelect = {
  id: true,
  body: true,
  anonymous: true,
  contentWarning: true,
  status: true,
  voteCount: true,
  answeredAt: true,
  editedAt: true,
  createdAt: true,
  authorId: true,
  author: { select: { displayName: true } },
  replies: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { displayName: true } } } },
} as const;

export type QuestionRow = {
  id: string;
  body: string;
  anonymous: boolean;
  contentWarning: string | null;
  status: QuestionView['status'];
  voteCount: number;
  answeredAt: Date | null;
  editedAt: Date | null;
  createdAt: Date;
  authorId: string;
  author: { displayName: string };
  replies: { id: string; body: string; createdAt: Date; author: { displayName: string } }[];
};

export function replyView(r: QuestionRow['replies'][number]): ReplyView {
  return { id: r.id, body: r.body, authorName: r.author.displayName, createdAt: r.createdAt.toISOString() };
}

function base(q: QuestionRow): Omit<QuestionView, 'author'> {
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
    replies: q.replies.map(replyView),
  };
}

export function audienceView(q: QuestionRow): QuestionView {
  return { ...base(q), author: q.anonymous ? null : { name: q.author.displayName } };
}

export function moderatorView(q: QuestionRow): QuestionView {
  return { ...base(q), author: { id: q.authorId, name: q.author.displayName } };
}

/** Which questions the audience sees: visible ones (pending ones only their author and moderators). */
export const AUDIENCE_STATUSES = ['VISIBLE'] as const;
export const MODERATOR_STATUSES = ['VISIBLE', 'PENDING', 'HIDDEN'] as const;
