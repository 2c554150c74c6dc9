// Payload schemas of the staff backchannel (issue 10 item 5): a chat for a discussion's hosts, facilitators and
// the admins moderating it. Strict: the author only ever comes from the session (F09).
import { z } from 'zod';
import { discussionIdSchema } from '../live/schema';
import { cleanMultiline } from '../text/clean';
import { STAFF_MESSAGE_MAX } from './limits';

export const postStaffMessageSchema = z
  .object({
    discussionId: discussionIdSchema,
    body: z
      .string({ error: 'Write a message first.' })
      .max(STAFF_MESSAGE_MAX * 4)
      .transform(cleanMultiline)
      .pipe(z.string().min(1, 'Write a message first.').max(STAFF_MESSAGE_MAX, `Keep a message under ${STAFF_MESSAGE_MAX} characters.`)),
  })
  .strict();
export const listStaffMessagesSchema = z.object({ discussionId: discussionIdSchema }).strict();

export type PostStaffMessageInput = z.input<typeof postStaffMessageSchema>;
export type ListStaffMessagesInput = z.input<typeof listStaffMessagesSchema>;
