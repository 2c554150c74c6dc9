// The admins' edits of the community's moderation settings (/admin/moderation): the word list, the reject reason
// templates and the new-member tier. Each one: parse → admin check → write in a transaction (with its audit entry,
// recordAudit) → tell the word filter after commit. Reads: server/community/queries.ts.
import {
  addBlockedTermSchema,
  createReasonTemplateSchema,
  deleteReasonTemplateSchema,
  isDefaultTemplateId,
  NEW_MEMBER_HOLDS_KEY,
  removeBlockedTermSchema,
  reorderReasonTemplatesSchema,
  setNewMemberHoldsSchema,
  updateReasonTemplateSchema,
} from '@/lib/community/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { blockedTermsChanged } from '../moderation/holds';
import { isAdmin } from '../users/policy';
import { getNewMemberHolds, listReasonTemplates } from './queries';

const WORD_LIST = { type: 'community', id: 'word_list' } as const;
const TEMPLATES = { type: 'community', id: 'reason_templates' } as const;
/** Written by every template edit first: its row lock lines up two admins' edits (PostgreSQL; SQLite's write lock does already). */
const TEMPLATES_EDITED_KEY = 'reasonTemplatesEditedAt';

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only admins can change the community’s moderation settings.');
}

// ── The word list ─────────────────────────────────────────────────────────────────────────────────────

export async function addBlockedTerm(actor: Actor, raw: unknown): Promise<{ term: string }> {
  const { term } = addBlockedTermSchema.parse(raw);
  assertAdmin(actor);
  try {
    await db().$transaction(async (tx) => {
      await tx.blockedTerm.create({ data: { term } });
      await recordAudit(tx, actor, { action: 'community.term_added', target: WORD_LIST, detail: { term } });
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'term')) throw err;
    const message = `“${term}” is already on the list.`;
    throw new AppError('conflict', message, { term: message });
  }
  blockedTermsChanged();
  return { term };
}

export async function removeBlockedTerm(actor: Actor, raw: unknown): Promise<{ term: string }> {
  const { term } = removeBlockedTermSchema.parse(raw);
  assertAdmin(actor);
  await db().$transaction(async (tx) => {
    const { count } = await tx.blockedTerm.deleteMany({ where: { term } });
    // Another admin removed it a moment ago: the list is as this admin wanted, nothing to record.
    if (count > 0) await recordAudit(tx, actor, { action: 'community.term_removed', target: WORD_LIST, detail: { term } });
  });
  blockedTermsChanged();
  return { term };
}

// ── Reject reason templates ───────────────────────────────────────────────────────────────────────────

const changedMeanwhile = () =>
  new AppError('conflict', 'The reasons were changed by someone else a moment ago. The page now shows them as they are; please try again.');

/**
 * Runs a template edit on the community's own templates. While it has none, the page shows the kind defaults:
 * the first edit saves them as the community's own (in their order), then applies the edit, so adding, editing,
 * deleting or reordering one never makes the others vanish. `edit` gets the templates as rows, in order, and a
 * map from the ids the admin saw (default ids included) to row ids.
 */
async function editTemplates<T>(
  edit: (tx: Prisma.TransactionClient, rows: ReasonTemplateView[], idOf: (seen: string) => string | undefined) => Promise<T>,
): Promise<T> {
  // Read before the transaction: the defaults come from the queries module, which reads outside it.
  const shown = await listReasonTemplates();
  const showingDefaults = shown.length > 0 && shown.every((t) => isDefaultTemplateId(t.id));
  return db().$transaction(async (tx) => {
    await tx.communitySetting.upsert({
      where: { key: TEMPLATES_EDITED_KEY },
      create: { key: TEMPLATES_EDITED_KEY, value: new Date().toISOString() },
      update: { value: new Date().toISOString() },
    });
    let rows = await tx.reasonTemplate.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, label: true, body: true } });
    const idMap = new Map<string, string>();
    if (rows.length === 0) {
      // Every template was deleted since the page was read: the defaults are back, and the admin never saw them.
      if (!showingDefaults) throw changedMeanwhile();
      rows = [];
      for (const [position, t] of shown.entries()) {
        const row = await tx.reasonTemplate.create({ data: { label: t.label, body: t.body, position }, select: { id: true, label: true, body: true } });
        idMap.set(t.id, row.id);
        rows.push(row);
      }
    }
    return edit(tx, rows, (seen) => idMap.get(seen) ?? (rows.some((r) => r.id === seen) ? seen : undefined));
  });
}

export async function createReasonTemplate(actor: Actor, raw: unknown): Promise<ReasonTemplateView> {
  const input = createReasonTemplateSchema.parse(raw);
  assertAdmin(actor);
  return editTemplates(async (tx, rows) => {
    const row = await tx.reasonTemplate.create({ data: { ...input, position: rows.length }, select: { id: true, label: true, body: true } });
    await recordAudit(tx, actor, { action: 'community.template_created', target: TEMPLATES, detail: { label: row.label } });
    return row;
  });
}

export async function updateReasonTemplate(actor: Actor, raw: unknown): Promise<ReasonTemplateView> {
  const { id, ...fields } = updateReasonTemplateSchema.parse(raw);
  assertAdmin(actor);
  return editTemplates(async (tx, _rows, idOf) => {
    const rowId = idOf(id);
    if (!rowId) throw new AppError('not_found', 'That reason was deleted a moment ago. The page now shows the reasons as they are.');
    const row = await tx.reasonTemplate.update({ where: { id: rowId }, data: fields, select: { id: true, label: true, body: true } });
    await recordAudit(tx, actor, { action: 'community.template_updated', target: TEMPLATES, detail: { label: row.label } });
    return row;
  });
}

export async function deleteReasonTemplate(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const { id } = deleteReasonTemplateSchema.parse(raw);
  assertAdmin(actor);
  return editTemplates(async (tx, rows, idOf) => {
    const rowId = idOf(id);
    // Already gone: the list is as this admin wanted.
    if (!rowId) return { id };
    const label = rows.find((r) => r.id === rowId)?.label ?? '';
    await tx.reasonTemplate.delete({ where: { id: rowId } });
    await recordAudit(tx, actor, { action: 'community.template_deleted', target: TEMPLATES, detail: { label } });
    return { id };
  });
}

/** Puts the templates in the order of `ids`, which must name exactly the templates there are (as the admin saw them). */
export async function reorderReasonTemplates(actor: Actor, raw: unknown): Promise<{ ids: string[] }> {
  const { ids } = reorderReasonTemplatesSchema.parse(raw);
  assertAdmin(actor);
  return editTemplates(async (tx, rows, idOf) => {
    const rowIds = ids.map(idOf);
    const same = new Set(rowIds).size === rows.length && rowIds.length === rows.length && rowIds.every((r) => r !== undefined);
    if (!same) throw changedMeanwhile();
    for (const [position, rowId] of rowIds.entries()) await tx.reasonTemplate.update({ where: { id: rowId as string }, data: { position } });
    await recordAudit(tx, actor, { action: 'community.templates_reordered', target: TEMPLATES });
    return { ids: rowIds as string[] };
  });
}

// ── The new-member tier ───────────────────────────────────────────────────────────────────────────────

/** How many of a member's first questions in the community wait for review (0: none). */
export async function setNewMemberHolds(actor: Actor, raw: unknown): Promise<{ count: number }> {
  const { count } = setNewMemberHoldsSchema.parse(raw);
  assertAdmin(actor);
  const from = await getNewMemberHolds();
  await db().$transaction(async (tx) => {
    await tx.communitySetting.upsert({
      where: { key: NEW_MEMBER_HOLDS_KEY },
      create: { key: NEW_MEMBER_HOLDS_KEY, value: String(count) },
      update: { value: String(count) },
    });
    if (from !== count) {
      await recordAudit(tx, actor, {
        action: 'community.new_member_holds_set',
        target: { type: 'community', id: 'new_member_holds' },
        detail: { from, to: count },
      });
    }
  });
  return { count };
}
