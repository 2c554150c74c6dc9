// Discussion, series and RSVP input schemas shared by forms, server actions and tests. No Prisma, no Node APIs.
import { z } from 'zod';
import { cleanMultiline, cleanText } from '../text/clean';
import { FREQUENCIES } from '../time/recurrence';
import { isValidLocalDateTime, isValidTimeZone, LOCAL_DATE_TIME_PATTERN } from '../time/zoned';
import { isHttpUrl } from '../url';

const DISCUSSION_STATUSES = ['SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'] as const;
export type DiscussionStatus = (typeof DISCUSSION_STATUSES)[number];

const VISIBILITIES = ['PUBLIC', 'MEMBERS'] as const;
const MODERATION_MODES = ['PRE', 'POST'] as const;
export const RECURRENCES = ['NONE', ...FREQUENCIES] as const;
export type Recurrence = (typeof RECURRENCES)[number];

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 10_000;
const AGREEMENT_MAX = 2_000;
export const SERIES_COUNT_DEFAULT = 12;
const SERIES_COUNT_MAX = 52;

export const DEFAULT_AGREEMENT =
  'I will keep what others share in this room confidential, speak from my own experience, and treat everyone with care. ' +
  'This is peer support, not medical advice.';

const id = z.string().min(1).max(64);
const idList = (max: number, what: string) =>
  z
    .array(id, { error: `Choose ${what}.` })
    .max(max, `Choose at most ${max} ${what}.`)
    .transform((ids) => [...new Set(ids)]);

const tag = z
  .string()
  .transform((s) => cleanText(s.replace(/,/g, ' ')).toLowerCase())
  .pipe(z.string().min(1).max(30, 'Each content warning can have at most 30 characters.'));

/** Only http(s) links without credentials (lib/url.ts): `javascript:` and friends never reach a page (F13). */
const externalLinkSchema = z
  .string()
  .trim()
  .max(500, 'The link can have at most 500 characters.')
  .refine(isHttpUrl, 'Enter a full http:// or https:// link, or leave it empty.');

const discussionFields = {
  title: z
    .string({ error: 'Enter a title.' })
    .transform(cleanText)
    .pipe(z.string().min(3, 'The title needs at least 3 characters.').max(TITLE_MAX, `The title can have at most ${TITLE_MAX} characters.`)),
  description: z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().max(DESCRIPTION_MAX, `The description can have at most ${DESCRIPTION_MAX.toLocaleString('en')} characters.`)),
  hostIds: idList(4, 'hosts').pipe(z.array(id).min(1, 'Choose at least one host.')),
  facilitatorIds: idList(8, 'facilitators').default([]),
  modalityIds: idList(10, 'modalities').default([]),
  articleIds: idList(10, 'articles').default([]),
  localStart: z
    .string({ error: 'Choose a date and time.' })
    .regex(LOCAL_DATE_TIME_PATTERN, 'Choose a date and time.')
    .refine(isValidLocalDateTime, 'That date does not exist.'),
  timeZone: z.string().max(64).refine(isValidTimeZone, 'Choose a time zone from the list.'),
  durationMinutes: z.coerce
    .number({ error: 'Enter a duration in minutes.' })
    .int('Enter whole minutes.')
    .min(15, 'A discussion lasts at least 15 minutes.')
    .max(480, 'A discussion lasts at most 8 hours.'),
  capacity: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number({ error: 'Enter a number of seats, or leave it empty for no limit.' })
      .int('Enter a whole number of seats.')
      .min(1, 'Allow at least 1 seat, or leave it empty for no limit.')
      .max(10_000, 'At most 10,000 seats.')
      .nullable(),
  ),
  visibility: z.enum(VISIBILITIES).default('PUBLIC'),
  moderationMode: z.enum(MODERATION_MODES).default('POST'),
  anonymousDefault: z.boolean().default(false),
  agreementText: z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().min(10, 'The agreement needs at least 10 characters.').max(AGREEMENT_MAX, `The agreement can have at most ${AGREEMENT_MAX} characters.`)),
  contentWarnings: z
    .array(tag)
    .max(8, 'At most 8 content warnings.')
    .default([])
    .transform((t) => [...new Set(t)]),
  externalLink: z.union([z.literal('').transform(() => null), z.null(), externalLinkSchema]).default(null),
};

export const createDiscussionSchema = z
  .object({
    ...discussionFields,
    recurrence: z.enum(RECURRENCES).default('NONE'),
    occurrences: z.coerce
      .number()
      .int()
      .min(2, 'A series has at least 2 occurrences.')
      .max(SERIES_COUNT_MAX, `At most ${SERIES_COUNT_MAX} occurrences.`)
      .default(SERIES_COUNT_DEFAULT),
  })
  .strict()
  .refine((v) => v.recurrence !== 'MONTHLY' || Number(v.localStart.slice(8, 10)) <= 28, {
    message: 'A monthly series repeats on the same day of the month: choose a day from 1 to 28 so that every month has it.',
    path: ['localStart'],
  });
export type CreateDiscussion = z.output<typeof createDiscussionSchema>;

/** Edits one discussion (one occurrence of a series), never its siblings. */
export const updateDiscussionSchema = z.object({ id, ...discussionFields }).strict();

export const cancelDiscussionSchema = z
  .object({
    id,
    reason: z.string().transform(cleanText).pipe(z.string().max(500, 'Keep the reason under 500 characters.')).default(''),
  })
  .strict();

export const rsvpSchema = z.object({ discussionId: id }).strict();

export const listDiscussionsSchema = z.object({
  when: z.enum(['upcoming', 'past']).catch('upcoming'),
  modality: z.string().max(100).optional().catch(undefined),
  host: z.string().max(64).optional().catch(undefined),
});

export function splitWarnings(stored: string): string[] {
  return stored ? stored.split(',').filter(Boolean) : [];
}
