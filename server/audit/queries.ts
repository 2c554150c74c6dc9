// Reading the audit log: newest first, filtered and paged, each entry with its actor's and target's current name.
// Admins read all of it (/admin/audit); a discussion's hosts read that discussion's part (/discussions/<id>/audit).
import { AUDIT_PAGE_SIZE, type AuditEntryView, type AuditFilterOptions, type AuditPage, listAuditEntriesSchema } from '@/lib/audit/log';
import { AUDIT_ACTIONS, type AuditTargetType } from '@/lib/audit/schema';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { canReadAuditLog, canReadDiscussionAudit } from './policy';

const QUESTION_EXCERPT = 80;
const excerpt = (s: string) => (s.length > QUESTION_EXCERPT ? `${s.slice(0, QUESTION_EXCERPT - 1)}…` : s);
const DAY_MS = 86_400_000;
/** How many people and discussions a filter's list offers. */
const OPTIONS_MAX = 200;

/**
 * How to name each kind of target, by id. A `Record` over every target type: a new type does not compile until
 * it says how it is named here. A question has no name: the start of its text says which one, and its author is
 * never read here (F27: an anonymous asker stays anonymous in the log too).
 */
const NAMERS: Record<AuditTargetType, (ids: string[]) => Promise<[string, string][]>> & Record<string, (ids: string[]) => Promise<[string, string][]>> = {
  user: async (ids) => (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  discussion: async (ids) => (await db().discussion.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((d) => [d.id, d.title]),
  // A question that went to the care lane is never named by its words, in the log or its CSV export (issue 10: care
  // items are counts only outside the care lane itself).
  question: async (ids) =>
    (await db().question.findMany({ where: { id: { in: ids } }, select: { id: true, body: true, careItem: { select: { id: true } } } })).map((q) => [
      q.id,
      q.careItem ? 'a care item' : excerpt(q.body),
    ]),
  article: async (ids) => (await db().article.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]),
  modality: async (ids) => (await db().modality.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
  // The community's settings (admins edit them at /admin/moderation): one fixed name per setting.
  community: async (ids) => ids.flatMap((id): [string, string][] => (Object.hasOwn(COMMUNITY_NAMES, id) ? [[id, COMMUNITY_NAMES[id]]] : [])),
};
const COMMUNITY_NAMES: Record<string, string> = {
  word_list: 'the community word list',
  reason_templates: 'the reject reasons',
  new_member_holds: 'the new-member tier',
  care_terms: 'the care word list',
  care_resources: 'the crisis resources',
  report_threshold: 'the report threshold',
};
const isTargetType = (t: string): t is AuditTargetType => Object.hasOwn(NAMERS, t);
/** What an entry about a care item shows instead of its detail. */
const CARE_DETAIL = 'Not shown: this question is a care item';
/** How server/audit/commands.ts words a merge's detail. */
const MERGED_INTO = /^Merged into question ([0-9a-f-]{36})$/;

type Scope = { discussionId?: string };

/** The whole log, for admins, with every filter. */
export async function listAuditEntries(actor: Actor, raw: unknown = {}): Promise<AuditPage> {
  if (!canReadAuditLog(actor)) throw new AppError('forbidden', 'Only admins can read the audit log.');
  return readLog(listAuditEntriesSchema.parse(raw), {});
}

/** How many entries an audit CSV holds at most: the newest ones matching its filters. */
const AUDIT_EXPORT_MAX = 20_000;

/**
 * The whole log matching the filters of /admin/audit (any `page` ignored), newest first, up to AUDIT_EXPORT_MAX
 * entries, for the CSV export: read page by page, so each entry is named as the log page names it.
 */
export async function listAllAuditEntries(actor: Actor, raw: unknown = {}): Promise<AuditEntryView[]> {
  if (!canReadAuditLog(actor)) throw new AppError('forbidden', 'Only admins can read the audit log.');
  const { page: _ignored, ...filters } = listAuditEntriesSchema.parse({ ...(raw as object), page: 1 });
  const entries: AuditEntryView[] = [];
  for (let page = 1; entries.length < AUDIT_EXPORT_MAX; page++) {
    const log = await readLog({ ...filters, page }, {});
    entries.push(...log.entries);
    if (page >= log.pages) break;
  }
  return entries.slice(0, AUDIT_EXPORT_MAX);
}

export type DiscussionAudit = { discussion: { id: string; title: string }; log: AuditPage; options: AuditFilterOptions };

/**
 * One discussion's part of the log (the entries its moderation actions wrote), for its hosts and admins, with
 * the filters actor, action and date. A discussion that does not exist is `not_found`; anyone else `forbidden`.
 */
export async function listDiscussionAuditEntries(actor: Actor, discussionId: string, raw: unknown = {}): Promise<DiscussionAudit> {
  const discussion = await loadDiscussion(actor, discussionId);
  const { discussionId: _ignored, ...filters } = listAuditEntriesSchema.parse(raw);
  const scope = { discussionId: discussion.id };
  const [log, options] = await Promise.all([readLog(filters, scope), discussionFilterOptions(discussion.id)]);
  return { discussion, log, options };
}

/** Whether `actor` may read this discussion's log, as the page needs to know before parsing any filter. */
async function loadDiscussion(actor: Actor, discussionId: string): Promise<{ id: string; title: string }> {
  const [discussion, staff] =
    discussionId.length > 64
      ? [null, null]
      : await Promise.all([
          db().discussion.findUnique({ where: { id: discussionId }, select: { id: true, title: true } }),
          db().discussionStaff.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } }, select: { role: true } }),
        ]);
  if (!discussion) throw new AppError('not_found', 'That discussion does not exist.');
  if (!canReadDiscussionAudit(actor, staff?.role ?? null)) {
    throw new AppError('forbidden', 'Only the hosts of this discussion and admins can read its moderation log.');
  }
  return discussion;
}

type Filters = ReturnType<typeof listAuditEntriesSchema.parse>;

async function readLog({ page, ...filters }: Filters, scope: Scope): Promise<AuditPage> {
  const discussionId = scope.discussionId ?? filters.discussionId;
  const where: Prisma.AuditEntryWhereInput = {
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(discussionId ? { discussionId } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
  };
  // Filtering by a person must not tell which anonymous questions are theirs: entries an anonymous asker wrote
  // about their own question (a resubmission, say) show their pseudonym, so a filter by that person leaves them out.
  if (filters.actorId) {
    const theirs = await db().question.findMany({
      where: { authorId: filters.actorId, anonymous: true, ...(discussionId ? { discussionId } : {}) },
      select: { id: true },
    });
    if (theirs.length) where.NOT = { targetType: 'question', targetId: { in: theirs.map((q) => q.id) } };
  }
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({
      where,
      // The id breaks ties between entries of the same millisecond, so pages neither repeat nor skip one.
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        reason: true,
        detail: true,
        at: true,
        discussionId: true,
        actorId: true,
        actor: { select: { displayName: true } },
      },
    }),
    db().auditEntry.count({ where }),
  ]);

  const idsByType = new Map<AuditTargetType, Set<string>>();
  for (const r of rows) {
    if (!isTargetType(r.targetType)) continue;
    const ids = idsByType.get(r.targetType) ?? new Set<string>();
    idsByType.set(r.targetType, ids.add(r.targetId));
  }
  // A merge records the question it went into by id: named like a target, by the start of its text.
  const mergedInto = (r: { action: string; detail: string | null }) => (r.action === 'question.merged' ? MERGED_INTO.exec(r.detail ?? '')?.[1] : undefined);
  for (const r of rows) {
    const into = mergedInto(r);
    if (into) idsByType.set('question', (idsByType.get('question') ?? new Set<string>()).add(into));
  }
  const discussionIds = [...new Set(rows.flatMap((r) => (r.discussionId ? [r.discussionId] : [])))];
  const names = new Map<string, string>();
  const questionTargets = [...(idsByType.get('question') ?? [])];
  const [titles, masks, careTargets] = await Promise.all([
    discussionIds.length
      ? db()
          .discussion.findMany({ where: { id: { in: discussionIds } }, select: { id: true, title: true } })
          .then((ds) => new Map(ds.map((d) => [d.id, d.title])))
      : new Map<string, string>(),
    anonymousSelfActions(rows),
    questionTargets.length
      ? db()
          .careItem.findMany({ where: { questionId: { in: questionTargets } }, select: { questionId: true } })
          .then((items) => new Set(items.map((i) => i.questionId)))
      : new Set<string>(),
    ...[...idsByType].map(async ([type, ids]) => {
      for (const [id, name] of await NAMERS[type]([...ids])) names.set(`${type}:${id}`, name);
    }),
  ]);

  const detailOf = (r: { action: string; targetType: string; targetId: string; detail: string | null }) => {
    // About a question that is (or was) in the care lane: its words never show next to "a care item" (a redaction's
    // before and after, say); the care lane's own entries carry no text.
    if (r.targetType === 'question' && careTargets.has(r.targetId) && !r.action.startsWith('care.')) return r.detail === null ? null : CARE_DETAIL;
    const into = mergedInto(r);
    const name = into && names.get(`question:${into}`);
    return name ? `Merged into “${name}”` : r.detail;
  };
  const entries: AuditEntryView[] = rows.map((r) => ({
    id: r.id,
    action: r.action,
    target: { type: r.targetType, id: r.targetId, name: names.get(`${r.targetType}:${r.targetId}`) ?? null },
    actorName: masks.get(r.id) ?? r.actor?.displayName ?? null,
    discussion: r.discussionId ? { id: r.discussionId, title: titles.get(r.discussionId) ?? null } : null,
    reason: r.reason,
    detail: detailOf(r),
    at: r.at,
  }));
  return { entries, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/**
 * Entries where an anonymous asker acted on their own question, by entry id, with the pseudonym to show instead
 * of their name (F27). The author is read only to compare with the entry's actor; it never leaves this function.
 */
async function anonymousSelfActions(rows: { id: string; targetType: string; targetId: string; actorId: string | null }[]): Promise<Map<string, string>> {
  const byQuestion = rows.filter((r) => r.targetType === 'question' && r.actorId);
  if (byQuestion.length === 0) return new Map();
  const anonymous = await db().question.findMany({
    where: { id: { in: [...new Set(byQuestion.map((r) => r.targetId))] }, anonymous: true },
    select: { id: true, authorId: true, discussionId: true },
  });
  const questions = new Map(anonymous.map((q) => [q.id, q]));
  const own = byQuestion.flatMap((r) => {
    const q = questions.get(r.targetId);
    return q && q.authorId === r.actorId ? [{ entryId: r.id, q }] : [];
  });
  if (own.length === 0) return new Map();
  const pseudonyms = await db().pseudonym.findMany({
    where: { OR: own.map(({ q }) => ({ discussionId: q.discussionId, userId: q.authorId })) },
    select: { discussionId: true, userId: true, name: true },
  });
  const nameOf = new Map(pseudonyms.map((p) => [`${p.discussionId}:${p.userId}`, p.name]));
  return new Map(own.map(({ entryId, q }) => [entryId, nameOf.get(`${q.discussionId}:${q.authorId}`) ?? 'The anonymous asker']));
}

/**
 * The admin log's filter lists: people who can take audited actions (facilitators and up, as they are now) and
 * the discussions that have started, newest first; plus whatever is selected, so the form shows the filter in use.
 */
export async function auditFilterOptions(
  actor: Actor,
  selected: { actorId?: string; discussionId?: string } = {},
  now = new Date(),
): Promise<AuditFilterOptions> {
  if (!canReadAuditLog(actor)) throw new AppError('forbidden', 'Only admins can read the audit log.');
  const actorId = selected.actorId?.slice(0, 64);
  const discussionId = selected.discussionId?.slice(0, 64);
  const [staff, discussions, person, chosen] = await Promise.all([
    db().user.findMany({
      where: { role: { in: ['FACILITATOR', 'ELDER', 'ADMIN'] } },
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: OPTIONS_MAX,
      select: { id: true, displayName: true },
    }),
    db().discussion.findMany({
      where: { OR: [{ startsAt: { lte: now } }, { status: { in: ['LIVE', 'ENDED'] } }] },
      orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
      take: OPTIONS_MAX,
      select: { id: true, title: true },
    }),
    actorId ? db().user.findUnique({ where: { id: actorId }, select: { id: true, displayName: true } }) : null,
    discussionId ? db().discussion.findUnique({ where: { id: discussionId }, select: { id: true, title: true } }) : null,
  ]);
  const actors = staff.map((u) => ({ id: u.id, name: u.displayName }));
  if (person && !actors.some((a) => a.id === person.id)) actors.unshift({ id: person.id, name: person.displayName });
  if (chosen && !discussions.some((d) => d.id === chosen.id)) discussions.unshift(chosen);
  return { actors, discussions, actions: [...AUDIT_ACTIONS] };
}

/**
 * A discussion log's filter lists: the actions recorded in it, and the people who acted in it as its staff or as
 * admins (an asker who resubmitted a question is no filter choice: picking them would say which entries are theirs).
 */
async function discussionFilterOptions(discussionId: string): Promise<AuditFilterOptions> {
  const [actions, actors] = await Promise.all([
    db().auditEntry.groupBy({ by: ['action'], where: { discussionId }, orderBy: { action: 'asc' } }),
    db().auditEntry.groupBy({ by: ['actorId'], where: { discussionId, actorId: { not: null } }, orderBy: { actorId: 'asc' }, take: OPTIONS_MAX }),
  ]);
  const ids = actors.flatMap((a) => (a.actorId ? [a.actorId] : []));
  const people = ids.length
    ? await db().user.findMany({
        where: { id: { in: ids }, OR: [{ role: 'ADMIN' }, { staffRoles: { some: { discussionId } } }] },
        orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
        select: { id: true, displayName: true },
      })
    : [];
  return { actors: people.map((p) => ({ id: p.id, name: p.displayName })), discussions: [], actions: actions.map((a) => a.action) };
}
