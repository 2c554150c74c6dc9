// The admins' edits of the community's moderation settings (/admin/moderation: the word list, the reject reason
// templates, the new-member tier) and care settings (/admin/care: the care word list, the crisis resources, the
// report threshold). Each one: parse → admin check → write in a transaction (with its audit entry,
// recordAudit) → tell the word filter after commit. Reads: server/community/queries.ts.
import type { CareResourceView } from '@/lib/care/views';
import {
  addBlockedTermSchema,
  addCareTermSchema,
  createCareResourceSchema,
  createReasonTemplateSchema,
  deleteCareResourceSchema,
  deleteReasonTemplateSchema,
  isDefaultResourceId,
  isDefaultTemplateId,
  NEW_MEMBER_HOLDS_KEY,
  RESOURCES_MAX,
  removeBlockedTermSchema,
  removeCareTermSchema,
  reorderCareResourcesSchema,
  reorderReasonTemplatesSchema,
  setNewMemberHoldsSchema,
  setReportThresholdSchema,
  updateCareResourceSchema,
  updateReasonTemplateSchema,
} from '@/lib/community/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { careTermsChanged } from '../care/lane';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { blockedTermsChanged } from '../moderation/holds';
import { isAdmin } from '../users/policy';
import {
  CARE_RESOURCES_SAVED_KEY,
  CARE_TERMS_SAVED_KEY,
  DEFAULT_CARE_RESOURCES,
  DEFAULT_CARE_TERMS,
  getNewMemberHolds,
  getReportHideThreshold,
  listReasonTemplates,
  REPORT_HIDE_THRESHOLD_KEY,
} from './queries';

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

// ── Care settings: the care word list, the crisis resources, the report threshold ──────────────────────

const CARE_TERMS = { type: 'community', id: 'care_terms' } as const;
const CARE_RESOURCES = { type: 'community', id: 'care_resources' } as const;
const resourceSelect = { id: true, name: true, contact: true, region: true, description: true } as const;

/**
 * Runs a care-list edit inside a transaction. While the shipped defaults are in force (no saved marker), the edit
 * first saves them as the community's own, with the marker, so removing one default never makes the others vanish
 * and an empty list never brings the defaults back. The marker is created first: two admins' first edits at once
 * collide on it (the loser's transaction rolls back whole), and the loser runs again on the saved list.
 */
async function editCareList<D, T>(
  key: string,
  saveDefaults: (tx: Prisma.TransactionClient) => Promise<D>,
  edit: (tx: Prisma.TransactionClient, saved: D | null) => Promise<T>,
): Promise<T> {
  const attempt = () =>
    db().$transaction(async (tx) => {
      let saved: D | null = null;
      if (!(await tx.communitySetting.findUnique({ where: { key }, select: { key: true } }))) {
        await tx.communitySetting.create({ data: { key, value: '1' } });
        saved = await saveDefaults(tx);
      }
      return edit(tx, saved);
    });
  try {
    return await attempt();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return attempt();
  }
}

async function saveDefaultCareTerms(tx: Prisma.TransactionClient) {
  // Rows left from before the marker are not in force (getCareTerms reads the defaults): the defaults replace them.
  await tx.careTerm.deleteMany({});
  for (const term of new Set(DEFAULT_CARE_TERMS)) await tx.careTerm.create({ data: { term } });
}

/** Adds a phrase to the care word list (the defaults become the community's own first). The next question is matched against it. */
export async function addCareTerm(actor: Actor, raw: unknown): Promise<{ term: string }> {
  const { term } = addCareTermSchema.parse(raw);
  assertAdmin(actor);
  await editCareList(CARE_TERMS_SAVED_KEY, saveDefaultCareTerms, async (tx) => {
    if (await tx.careTerm.findUnique({ where: { term }, select: { id: true } })) {
      const message = `“${term}” is already on the care list.`;
      throw new AppError('conflict', message, { term: message });
    }
    await tx.careTerm.create({ data: { term } });
    await recordAudit(tx, actor, { action: 'community.care_term_added', target: CARE_TERMS, detail: { term } });
  });
  careTermsChanged();
  return { term };
}

export async function removeCareTerm(actor: Actor, raw: unknown): Promise<{ term: string }> {
  const { term } = removeCareTermSchema.parse(raw);
  assertAdmin(actor);
  await editCareList(CARE_TERMS_SAVED_KEY, saveDefaultCareTerms, async (tx) => {
    const { count } = await tx.careTerm.deleteMany({ where: { term } });
    // Already gone (another admin a moment ago): the list is as this admin wanted, nothing to record.
    if (count > 0) await recordAudit(tx, actor, { action: 'community.care_term_removed', target: CARE_TERMS, detail: { term } });
  });
  careTermsChanged();
  return { term };
}

/** The shipped resources as the community's own rows, in their order; returns shipped id → row id. */
async function saveDefaultResources(tx: Prisma.TransactionClient): Promise<Map<string, string>> {
  await tx.careResource.deleteMany({});
  const ids = new Map<string, string>();
  for (const [position, r] of DEFAULT_CARE_RESOURCES.entries()) {
    const row = await tx.careResource.create({
      data: { name: r.name, contact: r.contact, region: r.region, description: r.description, position },
      select: { id: true },
    });
    ids.set(r.id, row.id);
  }
  return ids;
}

/**
 * A resource edit: `edit` gets the community's rows in order and a map from the id the admin saw (a shipped
 * default's id while the defaults were shown) to the row's id.
 */
function editResources<T>(
  edit: (tx: Prisma.TransactionClient, rows: CareResourceView[], idOf: (seen: string) => string | undefined) => Promise<T>,
): Promise<T> {
  return editCareList(CARE_RESOURCES_SAVED_KEY, saveDefaultResources, async (tx, saved) => {
    const rows = await tx.careResource.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: resourceSelect });
    const idOf = (seen: string) => saved?.get(seen) ?? (!isDefaultResourceId(seen) && rows.some((r) => r.id === seen) ? seen : undefined);
    return edit(tx, rows, idOf);
  });
}

const resourceGone = () => new AppError('not_found', 'That resource was removed a moment ago. The page now shows the list as it is.');

export async function createCareResource(actor: Actor, raw: unknown): Promise<CareResourceView> {
  const input = createCareResourceSchema.parse(raw);
  assertAdmin(actor);
  return editResources(async (tx, rows) => {
    if (rows.length >= RESOURCES_MAX) throw new AppError('conflict', `The list holds at most ${RESOURCES_MAX} resources; remove one first.`);
    const last = rows.length ? await tx.careResource.aggregate({ _max: { position: true } }) : null;
    const row = await tx.careResource.create({ data: { ...input, position: (last?._max.position ?? -1) + 1 }, select: resourceSelect });
    await recordAudit(tx, actor, { action: 'community.care_resource_created', target: CARE_RESOURCES, detail: { name: row.name } });
    return row;
  });
}

export async function updateCareResource(actor: Actor, raw: unknown): Promise<CareResourceView> {
  const { id, ...fields } = updateCareResourceSchema.parse(raw);
  assertAdmin(actor);
  return editResources(async (tx, _rows, idOf) => {
    const rowId = idOf(id);
    if (!rowId) throw resourceGone();
    const row = await tx.careResource.update({ where: { id: rowId }, data: fields, select: resourceSelect });
    await recordAudit(tx, actor, { action: 'community.care_resource_updated', target: CARE_RESOURCES, detail: { name: row.name } });
    return row;
  });
}

export async function deleteCareResource(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const { id } = deleteCareResourceSchema.parse(raw);
  assertAdmin(actor);
  return editResources(async (tx, rows, idOf) => {
    const rowId = idOf(id);
    // Already gone: the list is as this admin wanted.
    if (!rowId) return { id };
    const name = rows.find((r) => r.id === rowId)?.name ?? '';
    await tx.careResource.delete({ where: { id: rowId } });
    await recordAudit(tx, actor, { action: 'community.care_resource_deleted', target: CARE_RESOURCES, detail: { name } });
    return { id };
  });
}

/** Puts the resources in the order of `ids`, which must name exactly the resources there are (as the admin saw them). */
export async function reorderCareResources(actor: Actor, raw: unknown): Promise<{ ids: string[] }> {
  const { ids } = reorderCareResourcesSchema.parse(raw);
  assertAdmin(actor);
  return editResources(async (tx, rows, idOf) => {
    const rowIds = ids.map(idOf);
    const same = rowIds.length === rows.length && new Set(rowIds).size === rows.length && rowIds.every((r) => r !== undefined);
    if (!same)
      throw new AppError('conflict', 'The resources were changed by someone else a moment ago. The page now shows them as they are; please try again.');
    for (const [position, rowId] of rowIds.entries()) await tx.careResource.update({ where: { id: rowId as string }, data: { position } });
    await recordAudit(tx, actor, { action: 'community.care_resources_reordered', target: CARE_RESOURCES });
    return { ids: rowIds as string[] };
  });
}

/** How many distinct reporters hide a question pending review (1–20). */
export async function setReportHideThreshold(actor: Actor, raw: unknown): Promise<{ count: number }> {
  const { count } = setReportThresholdSchema.parse(raw);
  assertAdmin(actor);
  const from = await getReportHideThreshold();
  await db().$transaction(async (tx) => {
    await tx.communitySetting.upsert({
      where: { key: REPORT_HIDE_THRESHOLD_KEY },
      create: { key: REPORT_HIDE_THRESHOLD_KEY, value: String(count) },
      update: { value: String(count) },
    });
    if (from !== count) {
      await recordAudit(tx, actor, {
        action: 'community.report_threshold_set',
        target: { type: 'community', id: 'report_threshold' },
        detail: { from, to: count },
      });
    }
  });
  return { count };
}
