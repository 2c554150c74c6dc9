// The care lane's inputs (issue 10 item 1): the asker says whether a version without the details may be asked (their
// consent, asked of them alone), a facilitator publishes such a version (only after that "yes") or keeps the item
// private. Strict: identity only ever comes from the session (F09). The reply templates are in ./templates.ts.
import { z } from 'zod';
import { QUESTION_MAX } from '../questions/limits';
import { cleanText } from '../text/clean';

const questionId = z.uuid({ error: 'Question ids are UUIDs.' });
const version = z.number().int().min(0).optional();

/** Publishes a facilitator's version of a care question to the room (pre mode: to the queue). */
export const publishCareItemSchema = z
  .object({
    questionId,
    body: z
      .string({ error: 'Write the version to publish first.' })
      .max(QUESTION_MAX * 4)
      .transform(cleanText)
      .pipe(z.string().min(1, 'Write the version to publish first.').max(QUESTION_MAX, `Keep it under ${QUESTION_MAX} characters.`)),
    version,
  })
  .strict();
/** Closes a care item without publishing anything: it stays between the asker and the facilitators. */
export const keepCareItemPrivateSchema = z.object({ questionId, version }).strict();

/** The asker's answers on their own care question (stored on the care item; staff see it in the care lane). */
const CARE_CHOICES = ['share_safer', 'keep_private'] as const;
export type CareChoice = (typeof CARE_CHOICES)[number];

/** The asker answers: the facilitators may ask the room a version without the details, or it stays between them. */
export const chooseCareOutcomeSchema = z
  .object({
    questionId,
    choice: z.enum(CARE_CHOICES, { error: 'Choose one of the two answers.' }),
  })
  .strict();

export type PublishCareItemInput = z.input<typeof publishCareItemSchema>;
export type KeepCareItemPrivateInput = z.input<typeof keepCareItemPrivateSchema>;
export type ChooseCareOutcomeInput = z.input<typeof chooseCareOutcomeSchema>;

/** What the asker reads on their question once a facilitator published another version of it (only after their "yes"). */
export const CARE_PUBLISHED_NOTE =
  'You said the facilitators could ask a version of your question without the personal details, and they have. Thank you for asking.';
