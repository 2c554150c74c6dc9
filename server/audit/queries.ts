// Reading the audit log: newest first, filtered and paged, each entry with its actor's and target's current name.
import { AUDIT_PAGE_SIZE, type AuditEntryView, type AuditPage, listAuditEntriesSchema } from '@/lib/audit/log';
import type { AuditTargetType } from '@/lib/audit/schema';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { canReadAuditLog } from './policy';

const QUESTION_EXCERPT = 80;
const excerpt = (s: string) => (s.length > QUESTION_EXCERPT ? `${s.slice(0, QUESTION_EXCERPT - 1)}…` : s);

/**
 * How to name each kind of target, by id. A `Record` over every target type: a new type does not compile until
 * it says how it is named here.
 */
const NAMERS: Record<AuditTargetType, (ids: string[]) => Promise<[string, string][]>> = {
  user: async (ids) => (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  discussion: async (ids) => (await db().discussion.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((d) => [d.id, d.title]),
  // A question has no name: the start of its text says which one (never its author: F27).
  question: async (ids) => (await db().question.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } })).map((q) => [q.id, excerpt(q.body)]),
  article: async (ids) => (await db().article.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]),
  modality: async (ids) => (await db().modality.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
};
const isTargetType = (t: string): t is AuditTargetType => Object.hasOwn(NAMERS, t);

export async function listAuditEntries(actor: Actor, raw: unknown = {}): Promise<AuditPage> {
  if (!canReadAuditLog(actor)) throw new AppError('forbidden', 'Only admins can read the audit log.');
  const { page, ...filters } = listAuditEntriesSchema.parse(raw);
  const where = {
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
  };
  const [rows, total] = await Promise.all([
    db().auditEntry.findMany({
      where,
      // The id breaks ties between entries of the same millisecond, so pages neither repeat nor skip one.
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, action: true, targetType: true, targetId: true, reason: true, detail: true, at: true, actor: { select: { displayName: true } } },
    }),
    db().auditEntry.count({ where }),
  ]);

  const idsByType = new Map<AuditTargetType, Set<string>>();
  for (const r of rows) {
    if (!isTargetType(r.targetType)) continue;
    const ids = idsByType.get(r.targetType) ?? new Set<string>();
    idsByType.set(r.targetType, ids.add(r.targetId));
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const [id, name] of await NAMERS[type]([...ids])) names.set(`${type}:${id}`, name);
    }),
  );

  const entries: AuditEntryView[] = rows.map((r) => ({
    id: r.id,
    action: r.action,
    target: { type: r.targetType, id: r.targetId, name: names.get(`${r.targetType}:${r.targetId}`) ?? null },
    actorName: r.actor?.displayName ?? null,
    reason: r.reason,
    detail: r.detail,
    at: r.at,
  }));
  return { entries, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
