// Member reports (issue 10 item 2): a member reports someone else's visible question with a category, once.
// "Someone may be at risk" sends it to the care lane at once (it leaves the room); after N distinct reporters
// (admins set N, default 3) it is hidden pending review, as the system's action. Reports are anonymous to staff
// too: the console shows counts per category and the newest notes (server/questions/views.ts), never who
// reported. Reporters are told the outcome once it is reviewed or withdrawn (server/reports/outcomes.ts).
import { type ReportReceipt, reportQuestionSchema } from '@/lib/reports/schema';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { openCareItem } from '../care/lane';
import { getReportHideThreshold } from '../community/queries';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { spendBudget } from '../live/budgets';
import { assertAgreed, assertNotRemoved, assertOpenForQuestions, loadRoom } from '../live/context';
import { publishModerationAction, publishReviewed } from '../moderation/broadcasts';
import { pseudonymsFor } from '../moderation/pseudonyms';
import { moderatorView, ownView, questionSelect } from '../questions/views';
import { publishToAudience, publishToModerators, publishToRoom } from '../realtime/bus';

const GONE = () => new AppError('not_found', 'That question is no longer in the room.');

export async function reportQuestion(actor: Actor, raw: unknown): Promise<ReportReceipt> {
  const input = reportQuestionSchema.parse(raw);
  await spendBudget('report', actor.id);
  const q = await db().question.findUnique({ where: { id: input.questionId }, select: questionSelect });
  if (q?.status !== 'VISIBLE') throw GONE();
  const ctx = await loadRoom(actor, q.discussionId);
  if (ctx.isMod) throw new AppError('forbidden', 'As staff of this discussion you can act on the question directly in the console.');
  if (q.authorId === actor.id) throw new AppError('validation_error', 'This is your own question: you can edit or withdraw it instead.');
  assertOpenForQuestions(ctx);
  await assertAgreed(actor, ctx);
  await assertNotRemoved(actor, ctx);
  const threshold = await getReportHideThreshold();
  const atRisk = input.category === 'at_risk';

  let outcome: 'care' | 'hidden' | 'counted';
  let unhighlighted = false;
  try {
    outcome = await db().$transaction(async (tx) => {
      // The question's row first, held until the commit: reports of one question land one after another, so each
      // count below sees every report before it (PostgreSQL, READ COMMITTED: three at once would each count 2
      // and the threshold of 3 would be missed). It must still be in the room: a report arriving after a hide,
      // the care lane or a withdrawal is refused, nothing written (a facilitator, or its author, already acted).
      const held = await tx.question.updateMany({ where: { id: q.id, status: 'VISIBLE' }, data: { version: { increment: 0 } } });
      if (held.count === 0) throw GONE();
      await tx.report.create({ data: { questionId: q.id, reporterId: actor.id, category: input.category, note: input.note || null } });
      const reporters = await tx.report.count({ where: { questionId: q.id, resolvedAt: null } });
      if (!atRisk && reporters < threshold) return 'counted';
      const moved = await tx.question.updateMany({
        where: { id: q.id, status: 'VISIBLE' },
        data: { status: atRisk ? 'CARE' : 'HIDDEN', version: { increment: 1 }, queuePosition: null, claimedById: null, claimedAt: null },
      });
      if (moved.count === 0) throw GONE();
      const h = await tx.discussion.updateMany({ where: { id: q.discussionId, highlightedQuestionId: q.id }, data: { highlightedQuestionId: null } });
      unhighlighted = h.count > 0;
      if (atRisk) {
        await openCareItem(tx, q, 'report');
        return 'care';
      }
      await recordAudit(tx, null, { action: 'question.auto_hidden', target: { type: 'question', id: q.id }, detail: { reports: reporters } }, q.discussionId);
      return 'hidden';
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError('conflict', 'You already reported this question. Thank you: the facilitators have it.');
  }

  const row = await db().question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  const view = moderatorView(row, ctx.badges, await pseudonymsFor(db(), [row]));
  if (outcome === 'counted') {
    // The console's counts per category (the question itself reads the same for everyone else).
    publishToModerators(q.discussionId, 'question:edited', view);
    return { hidden: false };
  }
  publishToAudience(q.discussionId, 'question:hidden', { id: q.id });
  if (unhighlighted) publishToRoom(q.discussionId, 'question:highlighted', { questionId: null });
  publishModerationAction(q.discussionId, null, { action: outcome === 'care' ? 'care_opened' : 'auto_hidden', questionId: q.id }, view);
  // The asker sees their question with the support message (care), or that it is out of the room for now.
  publishReviewed(row.authorId, { action: outcome === 'care' ? 'care' : 'hidden', question: ownView(row, ctx.badges), message: null });
  return { hidden: true };
}
