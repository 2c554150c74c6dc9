// Exports (issue 10 item 7): a discussion's questions as CSV or Markdown for its hosts and admins, and the admin
// audit log as CSV. Anonymous askers appear by their pseudonym in the discussion, never by name; care items (the
// care lane, and questions with a care item that was not published) only as a count; a published safer version is
// a row with its published words, counted once as care too, as in the recap; private replies and the staff
// backchannel never. Withdrawn questions are left out too: their askers took them back.
import { auditActionWords } from '@/lib/audit/log';
import { AppError } from '@/lib/result';
import { listAllAuditEntries } from '../audit/queries';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { canHost } from '../live/policy';
import { pseudonymsFor } from '../moderation/pseudonyms';
import { notPrivateCare, wentToCare } from '../recaps/queries';
import { toCsv } from './csv';
import { escapeMarkdown } from './markdown';

export type ExportFile = { fileName: string; contentType: string; body: string };

const QUESTION_COLUMNS = ['question id', 'status', 'votes', 'asked at', 'asker', 'question', 'content warning', 'answered at', 'public replies'] as const;

type ExportQuestion = {
  id: string;
  status: string;
  votes: number;
  askedAt: Date;
  asker: string;
  body: string;
  contentWarning: string | null;
  answeredAt: Date | null;
  replies: { author: string; body: string }[];
};
type DiscussionExport = { discussion: { id: string; title: string; startsAt: Date }; questions: ExportQuestion[]; careCount: number };

/** Questions that may be exported: none in the care lane or kept private (the rule recaps use), none withdrawn. */
const exportable = { status: { notIn: ['CARE', 'WITHDRAWN'] }, ...notPrivateCare } satisfies Prisma.QuestionWhereInput;

/** The discussion's questions for an export; `unauthenticated` signed out, `forbidden` for all but its hosts and admins. */
async function readDiscussionExport(actor: Actor | null, discussionId: string): Promise<DiscussionExport> {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in to download an export.');
  if (typeof discussionId !== 'string' || discussionId.length > 64) throw new AppError('not_found', 'That discussion does not exist.');
  const [discussion, staff] = await Promise.all([
    db().discussion.findUnique({ where: { id: discussionId }, select: { id: true, title: true, startsAt: true } }),
    db().discussionStaff.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } }, select: { role: true } }),
  ]);
  if (!discussion) throw new AppError('not_found', 'That discussion does not exist.');
  if (!canHost(actor, staff?.role ?? null)) throw new AppError('forbidden', 'Only this discussion’s hosts and admins can download its questions.');
  const [rows, careCount] = await Promise.all([
    db().question.findMany({
      where: { discussionId, ...exportable },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        discussionId: true,
        status: true,
        voteCount: true,
        createdAt: true,
        anonymous: true,
        authorId: true,
        author: { select: { displayName: true } },
        body: true,
        contentWarning: true,
        answeredAt: true,
        replies: { where: { private: false }, orderBy: { createdAt: 'asc' }, select: { body: true, author: { select: { displayName: true } } } },
      },
    }),
    db().question.count({ where: { discussionId, ...wentToCare } }),
  ]);
  const pseudonyms = await pseudonymsFor(db(), rows);
  const questions = rows.map((q) => ({
    id: q.id,
    status: q.status,
    votes: q.voteCount,
    askedAt: q.createdAt,
    // The author's name is read for named questions only; an anonymous one shows its pseudonym.
    asker: q.anonymous ? (pseudonyms.get(q.authorId) ?? 'Anonymous asker') : q.author.displayName,
    body: q.body,
    contentWarning: q.contentWarning,
    answeredAt: q.answeredAt,
    replies: q.replies.map((r) => ({ author: r.author.displayName, body: r.body })),
  }));
  return { discussion, questions, careCount };
}

const slug = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'discussion';
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function discussionCsv(actor: Actor | null, discussionId: string): Promise<ExportFile> {
  const { discussion, questions } = await readDiscussionExport(actor, discussionId);
  const body = toCsv(
    QUESTION_COLUMNS,
    questions.map((q) => [
      q.id,
      q.status,
      q.votes,
      q.askedAt,
      q.asker,
      q.body,
      q.contentWarning,
      q.answeredAt,
      q.replies.map((r) => `${r.author}: ${r.body}`).join('\n'),
    ]),
  );
  return { fileName: `${slug(discussion.title)}-${day(discussion.startsAt)}-questions.csv`, contentType: 'text/csv; charset=utf-8', body };
}

export async function discussionMarkdown(actor: Actor | null, discussionId: string): Promise<ExportFile> {
  const { discussion, questions, careCount } = await readDiscussionExport(actor, discussionId);
  const lines = [
    `# ${escapeMarkdown(discussion.title)}`,
    '',
    `Questions of the discussion on ${day(discussion.startsAt)}. Anonymous askers appear by their pseudonym; private replies are not included.`,
    '',
    `- Questions: ${questions.length}`,
    `- Care conversations: ${careCount} (private ones are not listed)`,
    '',
  ];
  for (const q of questions) {
    lines.push(`## ${escapeMarkdown(q.asker)} · ${q.status.toLowerCase()} · ${q.votes} ${q.votes === 1 ? 'vote' : 'votes'}`, '');
    if (q.contentWarning) lines.push(`Content warning: ${escapeMarkdown(q.contentWarning)}`, '');
    lines.push(escapeMarkdown(q.body), '');
    lines.push(`Asked ${q.askedAt.toISOString()}${q.answeredAt ? ` · answered ${q.answeredAt.toISOString()}` : ''} · id ${q.id}`, '');
    for (const r of q.replies) lines.push(`- ${escapeMarkdown(r.author)}: ${escapeMarkdown(r.body)}`);
    if (q.replies.length) lines.push('');
  }
  return {
    fileName: `${slug(discussion.title)}-${day(discussion.startsAt)}-questions.md`,
    contentType: 'text/markdown; charset=utf-8',
    body: `${lines.join('\n').trimEnd()}\n`,
  };
}

const AUDIT_COLUMNS = ['at', 'actor', 'action', 'what', 'target type', 'target id', 'target', 'discussion', 'reason', 'detail'] as const;

/** The admin audit log with the filters of /admin/audit (no paging: the newest entries up to the export limit). */
export async function auditCsv(actor: Actor | null, filters: unknown): Promise<ExportFile> {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in to download the audit log.');
  const entries = await listAllAuditEntries(actor, filters);
  const body = toCsv(
    AUDIT_COLUMNS,
    entries.map((e) => [
      e.at,
      e.actorName ?? 'System',
      e.action,
      auditActionWords(e.action, e.target.type),
      e.target.type,
      e.target.id,
      e.target.name,
      e.discussion?.title ?? e.discussion?.id ?? null,
      e.reason,
      e.detail,
    ]),
  );
  return { fileName: `audit-log-${day(new Date())}.csv`, contentType: 'text/csv; charset=utf-8', body };
}
