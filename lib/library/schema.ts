// Healing Library input schemas shared by the editor, server actions, commands and tests. No Prisma, no Node APIs.
import { z } from 'zod';
import { cleanMultiline, cleanText } from '../text/clean';
import { isHttpUrl } from '../url';

export const ARTICLE_LIMITS = {
  title: { min: 3, max: 140 },
  slug: { min: 3, max: 80 },
  summary: { min: 20, max: 600 },
  body: { min: 20, max: 40_000 },
  section: { min: 1, max: 10_000 },
  references: { max: 30 },
  referenceText: { min: 5, max: 500 },
  doi: { max: 200 },
  url: { max: 500 },
} as const;

/**
 * Markdown text as stored: multi-line text as lib/text/clean.ts keeps it (F13), and without the two private-use
 * characters the search highlighter uses as its markers.
 */
function cleanMarkdown(s: string): string {
  return cleanMultiline(s.replace(/[\ue000\ue001]/g, ''));
}

/** A DOI as registered: "10.<registrant>/<suffix>", without the https://doi.org/ prefix. */
export const DOI_PATTERN = /^10\.\d{4,9}\/[^\s"<>\\]+$/;

/** Accepts "https://doi.org/10.x/y", "doi:10.x/y" or "10.x/y" and keeps the bare DOI. */
export function normaliseDoi(raw: string): string {
  return raw
    .trim()
    .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    .trim();
}

export function doiUrl(doi: string): string {
  // encodeURI keeps the "/" separators and escapes anything odd; the DOI itself was validated on the way in.
  return `https://doi.org/${encodeURI(doi)}`;
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max));

const referenceSchema = z
  .object({
    text: z
      .string({ error: 'Give the citation text.' })
      .max(ARTICLE_LIMITS.referenceText.max * 2)
      .transform(cleanText)
      .pipe(
        z
          .string()
          .min(ARTICLE_LIMITS.referenceText.min, 'A reference needs its citation (authors, year, title, journal).')
          .max(ARTICLE_LIMITS.referenceText.max, `A citation can have at most ${ARTICLE_LIMITS.referenceText.max} characters.`),
      ),
    doi: optionalText(ARTICLE_LIMITS.doi.max)
      .transform(normaliseDoi)
      .refine((v) => v === '' || DOI_PATTERN.test(v), 'A DOI looks like 10.1038/s41591-021-01336-3.'),
    url: optionalText(ARTICLE_LIMITS.url.max).refine((v) => v === '' || isHttpUrl(v), 'Links must be http:// or https:// addresses.'),
  })
  .strict()
  .transform(({ text, doi, url }) => ({ text, ...(doi ? { doi } : {}), ...(url ? { url } : {}) }));
export type Reference = z.output<typeof referenceSchema>;

const referencesSchema = z
  .array(referenceSchema)
  .max(ARTICLE_LIMITS.references.max, `An article can list at most ${ARTICLE_LIMITS.references.max} references.`);

export const slugSchema = z
  .string({ error: 'Give the article an address (slug).' })
  .trim()
  .toLowerCase()
  .min(ARTICLE_LIMITS.slug.min, `The address needs at least ${ARTICLE_LIMITS.slug.min} characters.`)
  .max(ARTICLE_LIMITS.slug.max, `The address can have at most ${ARTICLE_LIMITS.slug.max} characters.`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, like mdma-assisted-therapy.')
  .refine((s) => s !== 'new', 'That address is reserved.');

/** A slug suggestion from a title: "MDMA-assisted therapy for PTSD" → "mdma-assisted-therapy-for-ptsd". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ARTICLE_LIMITS.slug.max)
    .replace(/-+$/g, '');
}

const markdown = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .max(max * 2, `${label} can have at most ${max.toLocaleString('en-US')} characters.`)
    .transform(cleanMarkdown)
    .pipe(
      z
        .string()
        .min(min, min > 1 ? `${label} needs at least ${min} characters.` : `${label} is required.`)
        .max(max, `${label} can have at most ${max.toLocaleString('en-US')} characters.`),
    );

const { section } = ARTICLE_LIMITS;

const articleFieldsSchema = z.object({
  title: z
    .string({ error: 'Give the article a title.' })
    .max(ARTICLE_LIMITS.title.max * 2)
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(ARTICLE_LIMITS.title.min, `The title needs at least ${ARTICLE_LIMITS.title.min} characters.`)
        .max(ARTICLE_LIMITS.title.max, `The title can have at most ${ARTICLE_LIMITS.title.max} characters.`),
    ),
  slug: slugSchema,
  modalityId: z.string({ error: 'Choose a modality.' }).min(1, 'Choose a modality.').max(64),
  summary: markdown('The summary', ARTICLE_LIMITS.summary.min, ARTICLE_LIMITS.summary.max),
  body: markdown('The article text', ARTICLE_LIMITS.body.min, ARTICLE_LIMITS.body.max),
  benefits: markdown('Benefits', section.min, section.max),
  risks: markdown('Risks', section.min, section.max),
  contraindications: markdown('Contraindications', section.min, section.max),
  legalStatus: markdown('Legal status', section.min, section.max),
  references: referencesSchema,
  /** An elder or admin saving the article vouches that it was reviewed today. */
  markReviewed: z.boolean().default(true),
});

export const createArticleSchema = articleFieldsSchema.strict();

export const updateArticleSchema = articleFieldsSchema
  .extend({
    id: z.string().min(1).max(64),
    /** The version the editor loaded: a save over someone else's newer save is refused, not silently lost. */
    expectedUpdatedAt: z.iso.datetime().optional(),
  })
  .strict();

export const createModalitySchema = z
  .object({
    name: z
      .string({ error: 'Give the modality a name.' })
      .max(160)
      .transform(cleanText)
      .pipe(z.string().min(3, 'The name needs at least 3 characters.').max(80, 'The name can have at most 80 characters.')),
    slug: slugSchema,
    summary: z
      .string({ error: 'Give a one-line summary.' })
      .max(800)
      .transform(cleanText)
      .pipe(z.string().min(10, 'The summary needs at least 10 characters.').max(400, 'The summary can have at most 400 characters.')),
  })
  .strict();

/** References as stored (a JSON column): anything that fails validation is dropped rather than shown. */
export function parseStoredReferences(json: string): Reference[] {
  try {
    const raw: unknown = JSON.parse(json);
    if (!Array.isArray(raw)) return [];
    return raw.slice(0, ARTICLE_LIMITS.references.max).flatMap((item) => {
      const parsed = referenceSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}
