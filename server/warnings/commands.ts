// Content warnings after the fact (issue 10 item 3): the author or the discussion's staff set or clear a question's
// warning. The tag is one the discussion offers: the warnings members choose from when asking (CONTENT_WARNINGS)
// or one of the discussion's own (Discussion.contentWarnings). Version-checked like the moderation actions (a
// stale change answers `conflict` with the current state, F26), audited in the change's transaction, and published
// after commit in the views each reader may see (server/questions/broadcasts.ts).
import { splitWarnings } from '@/lib/discussions/schema';
import type { QuestionView } from '@/lib/live/views';
import { CONTENT_WARNINGS } from '@/lib/questions/schema';
import { AppError } from '@/lib/result';
import { setContentWarningSchema } from '@/lib/warnings/schema';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { spendBudget } from '../live/budgets';
import { assertNotRemoved, assertOpenForQuestions, loadRoom, type RoomContext } from '../live/context';
import { pseudonymsFor } from '../moderation/pseudonyms';
import { publishQuestion } from '../questions/broadcasts';
import { ownView, type QuestionRow, questionSelect, viewFor } from '../questions/views';
import { publishToUser } from '../realtime/bus';

/** Staff may warn questions they still act on; the author their own open ones. */
const STAFF_STATUSES: readonly QuestionRow['status'][] = ['PENDING', 'VISIBLE', 'HIDDEN'];
const AUTHOR_STATUSES: readonly QuestionRow['status'][] = ['PENDING', 'VISIBLE'];

const GONE = () => new AppError('not_found', 'That question is no longer there.');

/** The tags a question in this discussion may carry. */
async function offeredWarnings(discussionId: string): Promise<string[]> {
  const d = await db().discussion.findUniqueOrThrow({ where: { id: discussionId }, select: { contentWarnings: true } });
  return [...new Set<string>([...CONTENT_WARNINGS, ...splitWarnings(d.contentWarnings)])];
}

async function seen(actor: Actor, ctx: RoomContext, row: QuestionRow): Promise<QuestionView> {
  return viewFor(ctx, actor.id, row, await pseudonymsFor(db(), [row]));
}

export async function setContentWarning(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = setContentWarningSchema.parse(raw);
  await spendBudget('contentWarning', actor.id);
  const q = await db().question.findUnique({ where: { id: input.questionId }, select: questionSelect });
  if (!q) throw GONE();
  const ctx = await loadRoom(actor, q.discussionId);
  if (ctx.isMod) {
    if (!STAFF_STATUSES.includes(q.status)) throw GONE();
  } else {
    if (q.authorId === actor.id && q.status === 'CARE') {
      throw new AppError(
        'conflict',
        'Only you and the facilitators can see this question, so it needs no content warning. The facilitators will reply to you here.',
      );
    }
    if (q.authorId !== actor.id || !AUTHOR_STATUSES.includes(q.status)) {
      throw new AppError('forbidden', 'Only the person who asked and the facilitators can change a question’s content warning.');
    }
    assertOpenForQuestions(ctx);
    await assertNotRemoved(actor, ctx);
    if (q.answeredAt) throw new AppError('conflict', 'This question has been answered and can no longer be changed.');
  }
  const to = input.contentWarning;
  if (to !== null) {
    const offered = await offeredWarnings(q.discussionId);
    if (!offered.includes(to)) {
      const message = `“${to}” is not a content warning of this discussion. Choose one of: ${offered.join(', ')}.`;
      throw new AppError('validation_error', message, { contentWarning: message });
    }
  }
  if (input.version !== undefined && input.version !== q.version) throw await conflict(actor, ctx, q.id);
  if (q.contentWarning === to) return seen(actor, ctx, q);

  const row = await db().$transaction(async (tx) => {
    const res = await tx.question.updateMany({
      where: { id: q.id, version: q.version, status: q.status },
      data: { contentWarning: to, version: { increment: 1 } },
    });
    if (res.count === 0) return null;
    await recordAudit(
      tx,
      actor,
      { action: 'question.content_warning_set', target: { type: 'question', id: q.id }, detail: { from: q.contentWarning, to } },
      q.discussionId,
    );
    return tx.question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  });
  if (!row) throw await conflict(actor, ctx, q.id);

  const pseudonyms = await pseudonymsFor(db(), [row]);
  // The audience hears it when the question is in the room, the moderators always (their own view); the author of a
  // question the audience cannot see (waiting for review) hears it on their own view.
  publishQuestion(row.discussionId, 'question:edited', row, ctx.badges, pseudonyms);
  if (row.status !== 'VISIBLE' && !ctx.badges.has(row.authorId)) publishToUser(row.authorId, 'question:edited', ownView(row, ctx.badges));
  return viewFor(ctx, actor.id, row, pseudonyms);
}

async function conflict(actor: Actor, ctx: RoomContext, questionId: string): Promise<AppError> {
  const row = await db().question.findUnique({ where: { id: questionId }, select: questionSelect });
  const current = row ? await seen(actor, ctx, row) : undefined;
  return new AppError('conflict', 'This question changed a moment ago. Here it is as it stands now.', undefined, { current });
}
