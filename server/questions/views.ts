// Prisma selects and mappers for question views, one per kind of reader (F27): the audience's, the author's own,
// and the moderators'. No view carries the author of an anonymous question — not the moderators' (they get a
// pseudonym per discussion instead), not the author's own (the author knows it through `mine`). Staff badges
// are computed here too, from the discussion's staff list (RoomContext.badges) and the author's global role.

import type { CareChoice } from '@/lib/care/schema';
import type { CareInfo, CareOutcome, CareSource } from '@/lib/care/views';
import type { QuestionView, ReplyView, StaffBadge } from '@/lib/live/views';
import { CLAIM_MS, type HoldReason } from '@/lib/moderation/schema';
import { REPORT_NOTE_MAX, REPORT_NOTES_SHOWN, type ReportCategory, type ReportSummary } from '@/lib/reports/schema';
import { now } from '../clock';
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
  version: true,
  heldFor: true,
  rejectReason: true,
  resubmitted: true,
  redactedAt: true,
  redactionNote: true,
  mergedIntoId: true,
  queuePosition: true,
  claimedById: true,
  claimedAt: true,
  claimedBy: { select: { displayName: true } },
  replies: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, authorId: true, author: authorSelect, private: true } },
  // Staff only (moderatorView): the care item, and open reports, newest first: category and note, never who reported.
  careItem: { select: { source: true, outcome: true, originalBody: true, createdAt: true, closedAt: true, askerChoice: true, askerChoiceAt: true } },
  reports: { where: { resolvedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { category: true, note: true } },
} as const satisfies Prisma.QuestionSelect;

/** A question as `questionSelect` reads it. */
export type QuestionRow = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>;
type Author = QuestionRow['author'];

/** Staff badges of one discussion by user id (hosts and facilitators whose global role still backs them). */
export type Badges = ReadonlyMap<string, StaffBadge>;
/** Pseudonyms of anonymous askers in one discussion by user id (server/moderation/pseudonyms.ts pseudonymsFor). */
export type Pseudonyms = ReadonlyMap<string, string>;

function badgeOf(userId: string, author: Author, badges: Badges): StaffBadge | null {
  return author.role === 'ADMIN' ? 'admin' : (badges.get(userId) ?? null);
}

export function replyView(r: QuestionRow['replies'][number], badges: Badges): ReplyView {
  return {
    id: r.id,
    body: r.body,
    authorName: r.author.displayName,
    authorBadge: badgeOf(r.authorId, r.author, badges),
    createdAt: r.createdAt.toISOString(),
    private: r.private,
  };
}

/** The row's comma-separated heldFor as a list. */
function parseHeldFor(value: string | null): HoldReason[] {
  return value ? (value.split(',').filter(Boolean) as HoldReason[]) : [];
}

/** What everyone may see; the author is filled in per reader. Private replies only for the asker and staff (F28). */
function base(q: QuestionRow, badges: Badges, withPrivateReplies: boolean): QuestionView {
  return {
    id: q.id,
    body: q.body,
    anonymous: q.anonymous,
    author: q.anonymous ? null : { name: q.author.displayName, badge: badgeOf(q.authorId, q.author, badges) },
    pseudonym: null,
    contentWarning: q.contentWarning,
    status: q.status,
    votes: q.voteCount,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    editedAt: q.editedAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
    replies: q.replies.filter((r) => withPrivateReplies || !r.private).map((r) => replyView(r, badges)),
    version: q.version,
    heldFor: [],
    rejectReason: null,
    redacted: q.redactedAt !== null,
    redactionNote: null,
    canResubmit: false,
    mergedIntoId: q.mergedIntoId,
    queuePosition: null,
    claim: null,
  };
}

export function audienceView(q: QuestionRow, badges: Badges): QuestionView {
  return base(q, badges, false);
}

/** The author's own view: why it waits or was rejected, and whether it may be resubmitted. */
export function ownView(q: QuestionRow, badges: Badges): QuestionView {
  return {
    ...base(q, badges, true),
    heldFor: q.status === 'PENDING' ? parseHeldFor(q.heldFor) : [],
    rejectReason: q.status === 'REJECTED' ? q.rejectReason : null,
    redactionNote: q.redactedAt ? q.redactionNote : null,
    canResubmit: q.status === 'REJECTED' && !q.resubmitted && q.answeredAt === null,
    // Their own answer while their care item is open (its other fields, e.g. a member's report, stay staff only).
    ...(q.status === 'CARE' && q.careItem && !q.careItem.closedAt ? { careChoice: (q.careItem.askerChoice as CareChoice | null) ?? null } : {}),
  };
}

/** Moderators: named authors with their id, anonymous ones by pseudonym only; holds, reasons, order and claims. */
export function moderatorView(q: QuestionRow, badges: Badges, pseudonyms: Pseudonyms): QuestionView {
  const v = base(q, badges, true);
  const claimUntil = q.claimedAt ? q.claimedAt.getTime() + CLAIM_MS : 0;
  return {
    ...v,
    author: q.anonymous ? null : { id: q.authorId, name: q.author.displayName, badge: badgeOf(q.authorId, q.author, badges) },
    pseudonym: q.anonymous ? (pseudonyms.get(q.authorId) ?? 'Anonymous') : null,
    heldFor: q.status === 'PENDING' ? parseHeldFor(q.heldFor) : [],
    rejectReason: q.status === 'REJECTED' ? q.rejectReason : null,
    redactionNote: q.redactedAt ? q.redactionNote : null,
    queuePosition: q.queuePosition,
    claim:
      q.claimedById && q.claimedBy && claimUntil > now().getTime()
        ? { byId: q.claimedById, byName: q.claimedBy.displayName, until: new Date(claimUntil).toISOString() }
        : null,
    care: careInfo(q.careItem),
    reports: reportSummary(q.reports),
  };
}

function careInfo(item: QuestionRow['careItem']): CareInfo | null {
  if (!item) return null;
  return {
    source: item.source as CareSource,
    outcome: (item.outcome as CareOutcome | null) ?? null,
    openedAt: item.createdAt.toISOString(),
    closedAt: item.closedAt?.toISOString() ?? null,
    originalBody: item.originalBody,
    askerChoice: (item.askerChoice as CareChoice | null) ?? null,
    askerChoiceAt: item.askerChoiceAt?.toISOString() ?? null,
  };
}

/** Counts per category and the newest notes (each within the schema's bound, also for rows older than it). */
function reportSummary(reports: QuestionRow['reports']): ReportSummary | null {
  if (!reports.length) return null;
  const summary: ReportSummary = { total: reports.length, notes: [] };
  for (const r of reports) {
    const c = r.category as ReportCategory;
    summary[c] = (summary[c] ?? 0) + 1;
    if (r.note && summary.notes.length < REPORT_NOTES_SHOWN) summary.notes.push({ category: c, text: r.note.slice(0, REPORT_NOTE_MAX) });
  }
  return summary;
}

/** Which questions the audience sees: visible ones (held and rejected ones only their author and moderators). */
export const AUDIENCE_STATUSES = ['VISIBLE'] as const;
/**
 * The author also sees their own held and rejected questions ("Awaiting review", the reason, resubmit) and their
 * own questions in the care lane (the support message, the facilitators' private replies).
 */
export const OWN_STATUSES = ['PENDING', 'REJECTED', 'CARE'] as const;
/** The console's tabs: the queue, live, hidden and rejected (restorable), merged duplicates; and the care lane. */
export const MODERATOR_STATUSES = ['VISIBLE', 'PENDING', 'HIDDEN', 'REJECTED', 'MERGED', 'CARE'] as const;

/** A question as the person of `ctx` sees it: moderators theirs, the author their own, everyone else the audience's. */
export function viewFor(ctx: Pick<RoomContext, 'isMod' | 'badges'>, actorId: string, row: QuestionRow, pseudonyms: Pseudonyms): QuestionView {
  if (ctx.isMod) return moderatorView(row, ctx.badges, pseudonyms);
  return row.authorId === actorId ? ownView(row, ctx.badges) : audienceView(row, ctx.badges);
}
