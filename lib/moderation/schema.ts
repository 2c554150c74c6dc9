// Payload schemas of the moderation queue's client→server events (lib/realtime/events.ts). Strict: identity only
// ever comes from the session (F09). `version` is the question's version the facilitator saw: a stale action gets
// `conflict` with the current state (F26); without it the action applies to whatever is current.
import { z } from 'zod';
import { discussionIdSchema } from '../live/schema';
import { QUESTION_MAX } from '../questions/limits';
import { cleanText } from '../text/clean';
import { REASON_MAX, REDACTION_NOTE_MAX } from './limits';
/** How long a facilitator's claim on a queue item lasts without an action. */
export const CLAIM_MS = 2 * 60_000;
/** How long "mark answered" can be undone. */
export const UNANSWER_MS = 10_000;
/** Default of the "new member" tier: a member's first questions in the community wait for review. */
export const DEFAULT_NEW_MEMBER_HOLDS = 3;

const HOLD_REASONS = ['pre_moderation', 'new_member', 'word_filter'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

const questionId = z.uuid({ error: 'Question ids are UUIDs.' });
const version = z.number().int().min(0).optional();
const text = (max: number, what: string) =>
  z
    .string({ error: `Write ${what} first.` })
    .max(max * 4)
    .transform(cleanText)
    .pipe(z.string().min(1, `Write ${what} first.`).max(max, `Keep ${what} under ${max} characters.`));

/** A person in a discussion, named by their id or by one of their questions (an anonymous asker). */
const target = z.union([z.object({ userId: z.string().min(1).max(64) }).strict(), z.object({ questionId }).strict()]);

export const approveQuestionSchema = z.object({ questionId, version }).strict();
export const rejectQuestionSchema = z.object({ questionId, reason: text(REASON_MAX, 'a reason'), version }).strict();
export const hideQuestionSchema = z.object({ questionId, version }).strict();
export const restoreQuestionSchema = z.object({ questionId, version }).strict();
export const redactQuestionSchema = z
  .object({ questionId, body: text(QUESTION_MAX, 'the question'), note: text(REDACTION_NOTE_MAX, 'a note for the author'), version })
  .strict();
export const mergeQuestionSchema = z.object({ questionId, intoId: questionId, version }).strict();
/** Puts an approved question "up next" at `position` (0 = first), or takes it out of the order (null). */
export const queueQuestionSchema = z.object({ questionId, position: z.number().int().min(0).max(10_000).nullable(), version }).strict();
/** Claims a queue item for two minutes ("Sam is on it"), or releases it. */
export const claimQuestionSchema = z.object({ questionId, release: z.boolean().optional() }).strict();
export const unanswerQuestionSchema = z.object({ questionId }).strict();
/** The author edits a rejected question and sends it for review again (once). */
export const resubmitQuestionSchema = z.object({ questionId, body: text(QUESTION_MAX, 'your question') }).strict();
export const revealAuthorSchema = z.object({ questionId, reason: text(REASON_MAX, 'a reason') }).strict();

export const muteParticipantSchema = z
  .object({
    discussionId: discussionIdSchema,
    target,
    minutes: z.union([z.literal(5), z.literal(15), z.literal(60)]).nullable(),
    reason: text(REASON_MAX, 'a reason'),
  })
  .strict();
export const unmuteParticipantSchema = z.object({ discussionId: discussionIdSchema, target }).strict();
export const removeParticipantSchema = z.object({ discussionId: discussionIdSchema, target, reason: text(REASON_MAX, 'a reason') }).strict();
/** A community ban from the console (admins only): the existing ban, reached through a person or a question. */
export const banParticipantSchema = z.object({ discussionId: discussionIdSchema, target, reason: text(REASON_MAX, 'a reason') }).strict();
export const moderationStateSchema = z.object({ discussionId: discussionIdSchema }).strict();

export type ParticipantTarget = z.input<typeof target>;
export type ApproveQuestionInput = z.input<typeof approveQuestionSchema>;
export type RejectQuestionInput = z.input<typeof rejectQuestionSchema>;
export type HideQuestionInput = z.input<typeof hideQuestionSchema>;
export type RestoreQuestionInput = z.input<typeof restoreQuestionSchema>;
export type RedactQuestionInput = z.input<typeof redactQuestionSchema>;
export type MergeQuestionInput = z.input<typeof mergeQuestionSchema>;
export type QueueQuestionInput = z.input<typeof queueQuestionSchema>;
export type ClaimQuestionInput = z.input<typeof claimQuestionSchema>;
export type UnanswerQuestionInput = z.input<typeof unanswerQuestionSchema>;
export type ResubmitQuestionInput = z.input<typeof resubmitQuestionSchema>;
export type RevealAuthorInput = z.input<typeof revealAuthorSchema>;
export type MuteParticipantInput = z.input<typeof muteParticipantSchema>;
export type UnmuteParticipantInput = z.input<typeof unmuteParticipantSchema>;
export type RemoveParticipantInput = z.input<typeof removeParticipantSchema>;
export type BanParticipantInput = z.input<typeof banParticipantSchema>;
