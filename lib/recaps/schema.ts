// Input of the recap editor (/discussions/<id>/recap): remove or restore an item, the host's note, assign a
// follow-up and answer it, publish. Shared by the page and server/recaps/commands.ts. No Prisma.
import { z } from 'zod';
import { cleanMultiline } from '../text/clean';

export const RECAP_NOTE_MAX = 5000;
export const FOLLOW_UP_ANSWER_MAX = 2000;

const id = z.string().min(1).max(64);
const ref = { discussionId: id };

export const recapRefSchema = z.object(ref).strict();
export const setRecapItemRemovedSchema = z.object({ ...ref, itemId: id, removed: z.boolean() }).strict();
export const editRecapNoteSchema = z
  .object({
    ...ref,
    note: z
      .string()
      .max(RECAP_NOTE_MAX * 4, `Keep the note under ${RECAP_NOTE_MAX} characters.`)
      .transform((s) => cleanMultiline(s))
      .pipe(z.string().max(RECAP_NOTE_MAX, `Keep the note under ${RECAP_NOTE_MAX} characters.`)),
  })
  .strict();
/** `assigneeId: null` takes the assignment back. */
export const assignRecapItemSchema = z.object({ ...ref, itemId: id, assigneeId: id.nullable() }).strict();
export const answerFollowUpSchema = z
  .object({
    ...ref,
    itemId: id,
    answer: z
      .string({ error: 'Write the answer first.' })
      .max(FOLLOW_UP_ANSWER_MAX * 4, `Keep the answer under ${FOLLOW_UP_ANSWER_MAX} characters.`)
      .transform((s) => cleanMultiline(s))
      .pipe(z.string().min(1, 'Write the answer first.').max(FOLLOW_UP_ANSWER_MAX, `Keep the answer under ${FOLLOW_UP_ANSWER_MAX} characters.`)),
  })
  .strict();
