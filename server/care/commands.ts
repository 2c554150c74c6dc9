// The care lane's facilitator actions (issue 10 item 1), on the moderation queue's machinery (version check,
// claims released, one audit entry per applied action, F26): publish a version without the risky detail when the
// asker wants it asked (the asker's words are kept on the care item, staff only), or keep it private. Claims and
// private replies are the queue's own (question:claim, question:reply with private). Audited without the text.
import { CARE_PUBLISHED_NOTE, keepCareItemPrivateSchema, publishCareItemSchema } from '@/lib/care/schema';
import type { QuestionView } from '@/lib/live/views';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { announce, apply, forModerator } from '../moderation/commands';

/**
 * The facilitator's version goes to the room as a question of the asker's (post mode: visible at once; pre mode:
 * to the queue, where any facilitator approves it). The care item closes as 'published'; the asker's author edits
 * stay closed, as after a redaction, so the risky detail cannot come back unseen.
 */
export async function publishCareItem(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = publishCareItemSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const pre = loaded.ctx.discussion.moderationMode === 'PRE';
  const at = now();
  const row = await apply(actor, loaded, input.version, {
    from: ['CARE'],
    data: {
      body: input.body,
      status: pre ? 'PENDING' : 'VISIBLE',
      heldFor: pre ? 'pre_moderation' : null,
      redactedAt: at,
      redactionNote: CARE_PUBLISHED_NOTE,
    },
    audit: { action: 'care.published', target: { type: 'question', id: loaded.q.id } },
    also: async (tx) => {
      await tx.careItem.updateMany({
        where: { questionId: loaded.q.id },
        data: { outcome: 'published', originalBody: loaded.q.body, closedAt: at },
      });
    },
    reports: 'cared_for',
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'care_published', { review: { action: 'care_published', message: CARE_PUBLISHED_NOTE } });
}

/** Closes the care item: the question stays between the asker and the facilitators (status CARE), for good. */
export async function keepCareItemPrivate(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = keepCareItemPrivateSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const row = await apply(actor, loaded, input.version, {
    from: ['CARE'],
    data: {},
    audit: { action: 'care.kept_private', target: { type: 'question', id: loaded.q.id } },
    also: async (tx) => {
      const closed = await tx.careItem.updateMany({ where: { questionId: loaded.q.id, closedAt: null }, data: { outcome: 'kept_private', closedAt: now() } });
      if (closed.count === 0) throw new AppError('conflict', 'This care item is already closed.');
    },
    reports: 'cared_for',
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'care_kept_private');
}
