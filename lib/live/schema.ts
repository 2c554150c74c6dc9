// Payload schemas for the live room's own client→server events (join, leave, start, end). Strict: unknown fields
// (a spoofed authorId, userId, role) are rejected, identity only ever comes from the session (F09). Question
// events have theirs in lib/questions/schema.ts.
import { z } from 'zod';

/** A discussion id as the room events carry it. */
export const discussionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid id.');

export const discussionRefSchema = z.object({ discussionId: discussionIdSchema }).strict();
export const joinDiscussionSchema = z.object({ discussionId: discussionIdSchema, acceptAgreement: z.boolean().optional() }).strict();

export type JoinDiscussionInput = z.input<typeof joinDiscussionSchema>;
