// The care lane's actions (issue 10 item 1). The asker's own answer: may the facilitators ask the room a version
// without the details, or does it stay between them (stored on the care item, shown to staff live; only the asker
// can give it). The facilitators', on the moderation queue's machinery (version check, claims released, one audit
// entry per applied action, F26): publish a version without the risky detail, only after the asker's "yes" (the
// asker's words are kept on the care item, staff only), or keep it private. Claims and private replies are the
// queue's own (question:claim, question:reply with private). Audited without the text.
import { CARE_PUBLISHED_NOTE, chooseCareOutcomeSchema, keepCareItemPrivateSchema, publishCareItemSchema } from '@/lib/care/schema';
import type { QuestionView } from '@/lib/live/views';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { db } from '../db/client';
import { spendBudget } from '../live/budgets';
import { loadRoom } from '../live/context';
import { announce, apply, forModerator, type Loaded } from '../moderation/commands';
import { pseudonymsFor } from '../moderation/pseudonyms';
import { publishQuestion } from '../questions/broadcasts';
import { moderatorView, ownView, questionSelect } from '../questions/views';
import { publishToUser } from '../realtime/bus';

const CLOSED = 'This care item is already closed, so nothing was changed.';
const NO_CONSENT =
  'The person has not said yes to sharing a version of their question, so nothing was published. Ask them in a private reply: their answer shows here.';

/** A closed care item, or one whose asker has not said yes → `conflict` with the current moderator view; nothing written. */
async function assertMayPublish({ q, ctx }: Loaded): Promise<void> {
  const item = q.careItem;
  if (q.status !== 'CARE' || (item && item.askerChoice === 'share_safer' && !item.closedAt)) return; // apply() words other statuses
  const current = moderatorView(q, ctx.badges, await pseudonymsFor(db(), [q]));
  throw new AppError('conflict', !item || item.closedAt ? CLOSED : NO_CONSENT, undefined, { current });
}

/**
 * The facilitator's version goes to the room as a question of the asker's (post mode: visible at once; pre mode:
 * to the queue, where any facilitator approves it). The care item closes as 'published'; the asker's author edits
 * stay closed, as after a redaction, so the risky detail cannot come back unseen.
 */
export async function publishCareItem(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = publishCareItemSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  await assertMayPublish(loaded);
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
      // Still open and still "yes" inside the transaction: the asker may have changed their mind a moment ago. The
      // asker's first words are kept (an item opened again after a report keeps them).
      const closed = await tx.careItem.updateMany({
        where: { questionId: loaded.q.id, closedAt: null, askerChoice: 'share_safer' },
        data: { outcome: 'published', originalBody: loaded.q.careItem?.originalBody ?? loaded.q.body, closedAt: at },
      });
      if (closed.count === 0) throw new AppError('conflict', NO_CONSENT);
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
  const view = await announce(actor, loaded.ctx, loaded.q, row, 'care_kept_private');
  // The asker's answer is no longer asked for: their own view without it (it stays between them and the facilitators).
  if (!loaded.ctx.badges.has(row.authorId)) publishToUser(row.authorId, 'question:edited', ownView(row, loaded.ctx.badges));
  return view;
}

/**
 * The asker's answer on their own open care question: 'share_safer' (the facilitators may ask the room a version
 * without the details) or 'keep_private'. Only the asker (anyone else: not found, nothing learnt); they may change
 * it until the item closes. Not audited: an entry would tie the asker's name to a care item (the log never does);
 * the care item keeps the answer and its time. Published to the staff (the care lane, live) and the asker's tabs.
 */
export async function chooseCareOutcome(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = chooseCareOutcomeSchema.parse(raw);
  await spendBudget('careChoice', actor.id);
  const q = await db().question.findUnique({ where: { id: input.questionId }, select: questionSelect });
  if (!q || q.authorId !== actor.id || q.status === 'WITHDRAWN') throw new AppError('not_found', 'That question is no longer there.');
  const ctx = await loadRoom(actor, q.discussionId);
  if (q.status !== 'CARE' || !q.careItem || q.careItem.closedAt) {
    throw new AppError('conflict', 'The facilitators have already taken care of this question, so your answer was not needed. Thank you.', undefined, {
      current: ownView(q, ctx.badges),
    });
  }
  if (q.careItem.askerChoice === input.choice) return ownView(q, ctx.badges);
  const row = await db().$transaction(async (tx) => {
    const res = await tx.careItem.updateMany({
      where: { questionId: q.id, closedAt: null },
      data: { askerChoice: input.choice, askerChoiceAt: now() },
    });
    if (res.count === 0) return null;
    return tx.question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  });
  if (!row) throw new AppError('conflict', 'The facilitators have already taken care of this question, so your answer was not needed. Thank you.');
  // Status CARE: the moderators' view only (never the audience's), and the asker's own view to their other tabs.
  publishQuestion(row.discussionId, 'question:edited', row, ctx.badges, await pseudonymsFor(db(), [row]));
  if (!ctx.badges.has(row.authorId)) publishToUser(row.authorId, 'question:edited', ownView(row, ctx.badges));
  return ownView(row, ctx.badges);
}
