// Input of the admins' community moderation settings (/admin/moderation): the word list, the reject reason
// templates and the new-member tier. Shared by the admin page and server/community/commands.ts. No Prisma.
import { z } from 'zod';
import { cleanText } from '../text/clean';

export const TERM_MAX = 60;
export const TEMPLATE_LABEL_MAX = 60;
export const TEMPLATE_BODY_MAX = 500;
export const NEW_MEMBER_HOLDS_MAX = 20;
/** The CommunitySetting key of the new-member tier (server/community/queries.ts reads it). */
export const NEW_MEMBER_HOLDS_KEY = 'newMemberHolds';
/** Ids of the kind default templates shown while the community has none of its own (never a database id). */
const DEFAULT_TEMPLATE_ID_PREFIX = 'default-';
export const isDefaultTemplateId = (id: string) => id.startsWith(DEFAULT_TEMPLATE_ID_PREFIX);

const text = (max: number, what: string) =>
  z
    .string({ error: `Write ${what} first.` })
    .max(max * 4, `Keep ${what} under ${max} characters.`)
    .transform(cleanText)
    .pipe(z.string().min(1, `Write ${what} first.`).max(max, `Keep ${what} under ${max} characters.`));

/**
 * A word or phrase of the community's list, cleaned (invisible characters, extra spaces) and lower-cased: the filter
 * matches without regard to case, so "Miracle cure" and "miracle cure" are one entry.
 */
const blockedTermSchema = text(TERM_MAX, 'a word or phrase')
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/[\p{L}\p{N}]/u, 'A word or phrase needs at least one letter or number.'));

export const addBlockedTermSchema = z.object({ term: blockedTermSchema }).strict();
export const removeBlockedTermSchema = z
  .object({
    term: z
      .string()
      .min(1)
      .max(TERM_MAX * 4),
  })
  .strict();

const templateId = z.string().min(1).max(64);
const templateFields = { label: text(TEMPLATE_LABEL_MAX, 'a label'), body: text(TEMPLATE_BODY_MAX, 'the reason') };
export const createReasonTemplateSchema = z.object(templateFields).strict();
/** Edits a template; a default one's id saves the defaults as the community's own first, with this edit. */
export const updateReasonTemplateSchema = z.object({ id: templateId, ...templateFields }).strict();
export const deleteReasonTemplateSchema = z.object({ id: templateId }).strict();
/** Every template's id in the new order (the list as the admin saw it: a changed list is a conflict). */
export const reorderReasonTemplatesSchema = z.object({ ids: z.array(templateId).min(1).max(100) }).strict();

export const setNewMemberHoldsSchema = z
  .object({
    // A form sends text: a number or digits only. Coercing would read '' and null as 0 (holding nobody by accident).
    count: z.preprocess(
      (v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
      z
        .number({ error: `Enter a number from 0 to ${NEW_MEMBER_HOLDS_MAX}.` })
        .int(`Enter a whole number from 0 to ${NEW_MEMBER_HOLDS_MAX}.`)
        .min(0, `Enter a number from 0 to ${NEW_MEMBER_HOLDS_MAX} (0 holds nobody for being new).`)
        .max(NEW_MEMBER_HOLDS_MAX, `Hold at most ${NEW_MEMBER_HOLDS_MAX} first questions.`),
    ),
  })
  .strict();

// ── Care settings (issue 10): the care word list, the crisis resources, the report threshold ──────────

export const CARE_TERM_MAX = 60;
export const RESOURCE_NAME_MAX = 80;
export const RESOURCE_CONTACT_MAX = 120;
export const RESOURCE_REGION_MAX = 60;
export const RESOURCE_DESCRIPTION_MAX = 300;
/** More than this many crisis resources would bury the ones that matter. */
export const RESOURCES_MAX = 30;
export const REPORT_THRESHOLD_MIN = 1;
export const REPORT_THRESHOLD_MAX = 20;
/** Ids of the shipped crisis resources (server/community/queries.ts DEFAULT_CARE_RESOURCES), never a database id. */
export const isDefaultResourceId = (id: string) => id.startsWith(DEFAULT_TEMPLATE_ID_PREFIX);

/**
 * A phrase of the care word list, cleaned and lower-cased. The care matcher folds case, spacing, punctuation and
 * common misspellings itself, so each phrase is written once, plainly; it needs a letter (digits alone match
 * phone numbers and times, never distress).
 */
const careTermSchema = text(CARE_TERM_MAX, 'a word or phrase')
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/\p{L}/u, 'A word or phrase needs at least one letter.'));

export const addCareTermSchema = z.object({ term: careTermSchema }).strict();
export const removeCareTermSchema = z
  .object({
    term: z
      .string()
      .min(1)
      .max(CARE_TERM_MAX * 4),
  })
  .strict();

/** Optional text: cleaned, may be empty. */
const optionalText = (max: number, what: string) =>
  z
    .string({ error: `Write ${what} as text.` })
    .max(max * 4, `Keep ${what} under ${max} characters.`)
    .transform(cleanText)
    .pipe(z.string().max(max, `Keep ${what} under ${max} characters.`));

const resourceId = z.string().min(1).max(64);
const resourceFields = {
  name: text(RESOURCE_NAME_MAX, 'a name'),
  contact: text(RESOURCE_CONTACT_MAX, 'how to reach them'),
  region: optionalText(RESOURCE_REGION_MAX, 'the region').default(''),
  description: optionalText(RESOURCE_DESCRIPTION_MAX, 'the description').default(''),
};
export const createCareResourceSchema = z.object(resourceFields).strict();
/** Edits a resource; a shipped default's id saves the defaults as the community's own first, with this edit. */
export const updateCareResourceSchema = z.object({ id: resourceId, ...resourceFields }).strict();
export const deleteCareResourceSchema = z.object({ id: resourceId }).strict();
/** Every resource's id in the new order (the list as the admin saw it: a changed list is a conflict). */
export const reorderCareResourcesSchema = z
  .object({
    ids: z
      .array(resourceId)
      .min(1)
      .max(RESOURCES_MAX + 10),
  })
  .strict();

export const setReportThresholdSchema = z
  .object({
    count: z.preprocess(
      (v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
      z
        .number({ error: `Enter a number from ${REPORT_THRESHOLD_MIN} to ${REPORT_THRESHOLD_MAX}.` })
        .int(`Enter a whole number from ${REPORT_THRESHOLD_MIN} to ${REPORT_THRESHOLD_MAX}.`)
        .min(REPORT_THRESHOLD_MIN, `Enter a number from ${REPORT_THRESHOLD_MIN} to ${REPORT_THRESHOLD_MAX} (1 hides a question at its first report).`)
        .max(REPORT_THRESHOLD_MAX, `Enter a number from ${REPORT_THRESHOLD_MIN} to ${REPORT_THRESHOLD_MAX}.`),
    ),
  })
  .strict();
