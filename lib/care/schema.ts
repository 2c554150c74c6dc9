// The care lane's inputs (issue 10 item 1): the asker says whether a version without the details may be asked (their
// consent, asked of them alone), a facilitator publishes such a version (only after that "yes") or keeps the item
// private. Strict: identity only ever comes from the session (F09). And the
// kind reply templates facilitators start from (Samaritans: templates written with experts give consistency).
import { z } from 'zod';
import { QUESTION_MAX } from '../questions/schema';
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

/**
 * Supportive starting points for a private reply: warm, no method details, hopeful and help-seeking, never asking
 * for identifying details (#chatsafe, Action Alliance safe messaging). Facilitators edit them before sending.
 */
export const CARE_REPLY_TEMPLATES: readonly { id: string; label: string; body: string }[] = [
  {
    id: 'seen',
    label: 'We see you',
    body: 'Thank you for telling us. We read what you wrote and we are glad you reached out. You are not alone in this, and we are here with you.',
  },
  {
    id: 'support-now',
    label: 'Support right now',
    body: 'What you are feeling matters. If you feel you might act on these thoughts, please contact your local emergency number or one of the support lines shown with your question. They are there for exactly this, any time.',
  },
  {
    id: 'ask-together',
    label: 'Ask it together',
    body: 'Would you like us to ask the room a version of your question, without the personal details? Only if you want to. Under your question you can choose "Yes, ask a version without the details" or "Keep it between us". Either answer is okay, and you can change your mind until we have asked it.',
  },
  {
    id: 'after',
    label: 'After the discussion',
    body: 'Difficult experiences can take time to settle, and that is okay. Please be gentle with yourself tonight. If it helps, reach out to someone you trust or one of the lines listed with your question.',
  },
];
