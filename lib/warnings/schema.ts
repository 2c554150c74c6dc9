// Setting or clearing a question's content warning after it was asked (issue 10 item 3): by its author or by the
// discussion's staff. The tag is checked against what the discussion offers on the server
// (server/warnings/commands.ts); here only its shape.
import { z } from 'zod';
import { cleanText } from '../text/clean';

/** A warning tag as discussions store theirs (lib/discussions/schema.ts): lower case, no commas, 1–30 characters. */
const tag = z
  .string()
  .max(120)
  .transform((s) => cleanText(s.replace(/,/g, ' ')).toLowerCase())
  .pipe(z.string().min(1, 'Choose a content warning.').max(30, 'A content warning has at most 30 characters.'));

export const setContentWarningSchema = z
  .object({
    questionId: z.uuid({ error: 'Question ids are UUIDs.' }),
    /** null clears the warning. */
    contentWarning: tag.nullable(),
    /** The question's version the person saw: a stale change answers `conflict` (F26); without it, the current one. */
    version: z.number().int().min(0).optional(),
  })
  .strict();

export type SetContentWarningInput = z.input<typeof setContentWarningSchema>;
