// The moderation queue's use cases (issue 9), one function each, called by every transport: approve, reject,
// hide, restore, redact, merge, queue ("up next"), claim/release, unanswer, the author's resubmission, reveal,
// and the sanctions (mute, unmute, remove, ban from the console). Each: parse → load the room → moderator check
// (re-read on every event: F09, F10) → budget → write in a transaction with an optimistic check on the
// question's version (a stale action gets `conflict` with the current moderator view: F26) and its one audit
// entry → publish after commit: the audience's event, the console's feed line ('moderation:action'), and the
// author's private 'question:reviewed'. Anonymous askers are named by pseudonym only (F27).
import type { AuditEvent } from '@/lib/audit/schema';
import type { QuestionView } from '@/lib/live/views';
import {
  approveQuestionSchema,
  banParticipantSchema,
  CLAIM_MS,
  claimQuestionSchema,
  hideQuestionSchema,
  mergeQuestionSchema,
  muteParticipantSchema,
  queueQuestionSchema,
  redactQuestionSchema,
  rejectQuestionSchema,
  removeParticipantSchema,
  restoreQuestionSchema,
  resubmitQuestionSchema,
  revealAuthorSchema,
  UNANSWER_MS,
  unanswerQuestionSchema,
  unmuteParticipantSchema,
} from '@/lib/moderation/schema';
import type { ModerationAction, QuestionReviewedEvent, SanctionView } from '@/lib/moderation/views';
import type { ReportOutcome } from '@/lib/reports/schema';
import { AppError } from '@/lib/result';
import { answeredBefore, recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { matchesCareTerms, openCareItem } from '../care/lane';
import { now } from '../clock';
import { db, type Prisma } from '../db/client';
import { type LiveCommand, spendBudget } from '../live/budgets';
import { assertMaySpeak, assertModerator, assertOpenForQuestions, loadRoom, type RoomContext } from '../live/context';
import { keepListed, schedulePresence } from '../live/presence';
import { publishNotifications, storeNotifications } from '../notifications/commands';
import { markTallyDirty, publishAboutQuestion } from '../questions/broadcasts';
import { audienceView, moderatorView, ownView, type QuestionRow, questionSelect } from '../questions/views';
import { publishToAudience, publishToModerators, publishToRoom, publishToUser, removeFromDiscussion } from '../realtime/bus';
import { publishReportOutcomes, type ResolvedReports, resolveReports } from '../reports/outcomes';
import { banUser } from '../users/commands';
import { publishModerationAction, publishReviewed } from './broadcasts';
import { holdReasons } from './holds';
import { pseudonymsFor } from './pseudonyms';
import { assertSanctionable, laneOf, type ResolvedTarget, resolveTarget, sanctionSelect, sanctionView, type ViaQuestions } from './sanctions';

type Status = QuestionRow['status'];
export type Loaded = { q: QuestionRow; ctx: RoomContext };

const GONE = () => new AppError('not_found', 'That question is no longer there.');

/** The question and its room, for a moderator of that room (budget spent first: a flood costs no database work). */
export async function forModerator(actor: Actor, questionId: string, budget: LiveCommand): Promise<Loaded> {
  await spendBudget(budget, actor.id);
  const q = await db().question.findUnique({ where: { id: questionId }, select: questionSelect });
  if (!q || q.status === 'WITHDRAWN') throw GONE();
  const ctx = await loadRoom(actor, q.discussionId);
  assertModerator(ctx);
  return { q, ctx };
}

const modView = async (ctx: RoomContext, row: QuestionRow) => moderatorView(row, ctx.badges, await pseudonymsFor(db(), [row]));

/**
 * How the conflict message names what the other facilitator did: the audited actions that change a question's
 * version (claims and highlights do not).
 */
const DONE: Record<string, string> = {
  'question.approved': 'approved',
  'question.rejected': 'rejected',
  'question.hidden': 'hid',
  'question.restored': 'restored',
  'question.redacted': 'edited',
  'question.merged': 'merged',
  'question.queued': 'reordered',
  'question.answered': 'answered',
  'question.unanswered': 'reopened',
  'care.published': 'published a safer version of',
  'care.kept_private': 'privately closed',
};

/**
 * `conflict` with the question as it is now. Names who acted only when their entry made the current version:
 * the author's edits and resubmissions change the version too (unaudited, marked by editedAt), and then the
 * message stays neutral.
 */
async function conflict(ctx: RoomContext, questionId: string): Promise<AppError> {
  const [row, last] = await Promise.all([
    db().question.findUnique({ where: { id: questionId }, select: questionSelect }),
    db().auditEntry.findFirst({
      where: { targetType: 'question', targetId: questionId, action: { in: Object.keys(DONE) } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: { action: true, at: true, actor: { select: { displayName: true } } },
    }),
  ]);
  const current = row ? await modView(ctx, row) : undefined;
  const madeCurrent = last && row && (!row.editedAt || last.at >= row.editedAt);
  const who = madeCurrent ? last.actor?.displayName : undefined;
  const message =
    who && last
      ? `${who} ${DONE[last.action]} this question a moment ago. Here it is as it stands now.`
      : 'This question changed a moment ago. Here it is as it stands now.';
  return new AppError('conflict', message, undefined, { current });
}

/** A transaction lost to another one on the same rows (PostgreSQL: deadlock, serialization) or a unique index. */
const isRace = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'P2034' || code === 'P2002';
};

const STATE_WORDS: Record<Status, string> = {
  PENDING: 'is waiting for review',
  VISIBLE: 'is already in the room',
  HIDDEN: 'is hidden',
  REJECTED: 'was not taken',
  MERGED: 'was merged into another question',
  WITHDRAWN: 'was withdrawn',
  CARE: 'is with the care team',
};

type Change = {
  /** The statuses the question may be in for this action. */
  from: readonly Status[];
  data: Prisma.QuestionUpdateManyMutationInput;
  audit: AuditEvent;
  /** More writes in the same transaction (after the question's own); throw to roll everything back. */
  also?: (tx: Prisma.TransactionClient) => Promise<void>;
  /** This action reviews the question's open member reports: each reporter is told this outcome (server/reports). */
  reports?: ReportOutcome;
};

/**
 * Applies one change to the question at the version the facilitator saw (or the current one), bumping the
 * version and releasing any claim, with its audit entry, in one transaction. A stale version or a status the
 * action does not apply to → `conflict` with the current state; nothing written.
 */
export async function apply(actor: Actor, { q, ctx }: Loaded, version: number | undefined, change: Change): Promise<QuestionRow> {
  if (version !== undefined && version !== q.version) throw await conflict(ctx, q.id);
  if (!change.from.includes(q.status)) {
    throw new AppError('conflict', `This question ${STATE_WORDS[q.status]}, so nothing was changed.`, undefined, { current: await modView(ctx, q) });
  }
  let resolved: ResolvedReports | null = null;
  const row = await db().$transaction(async (tx) => {
    const res = await tx.question.updateMany({
      where: { id: q.id, version: q.version, status: { in: [...change.from] } },
      data: { ...change.data, version: { increment: 1 }, claimedById: null, claimedAt: null },
    });
    if (res.count === 0) return null;
    await change.also?.(tx);
    await recordAudit(tx, actor, change.audit, ctx.discussion.id);
    if (change.reports) resolved = await resolveReports(tx, q, change.reports, ctx.discussion.title);
    return tx.question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  });
  if (!row) throw await conflict(ctx, q.id);
  await publishReportOutcomes(resolved);
  return row;
}

/** Clears "answering now" when the question leaves the room; returns whether it did. */
async function unhighlight(tx: Prisma.TransactionClient, q: QuestionRow): Promise<boolean> {
  const r = await tx.discussion.updateMany({ where: { id: q.discussionId, highlightedQuestionId: q.id }, data: { highlightedQuestionId: null } });
  return r.count > 0;
}

/**
 * After commit: the audience's event (it appears, leaves, or reads differently), the console's feed line with
 * the new moderator view, and the author's private notice. Returns the moderator view (the ack).
 */
export async function announce(
  actor: Actor,
  ctx: RoomContext,
  before: QuestionRow,
  row: QuestionRow,
  action: ModerationAction,
  opts: { reason?: string | null; review?: { action: QuestionReviewedEvent['action']; message: string | null }; unhighlighted?: boolean } = {},
): Promise<QuestionView> {
  const id = ctx.discussion.id;
  const wasVisible = before.status === 'VISIBLE';
  const isVisible = row.status === 'VISIBLE';
  if (!wasVisible && isVisible) publishToAudience(id, 'question:approved', audienceView(row, ctx.badges));
  else if (wasVisible && !isVisible && row.status !== 'MERGED') publishToAudience(id, 'question:hidden', { id: row.id });
  else if (wasVisible && isVisible && row.body !== before.body) publishToAudience(id, 'question:redacted', audienceView(row, ctx.badges));
  if (opts.unhighlighted) publishToRoom(id, 'question:highlighted', { questionId: null });
  const view = await modView(ctx, row);
  publishModerationAction(id, actor, { action, questionId: row.id, reason: opts.reason ?? null }, view);
  if (opts.review) publishReviewed(row.authorId, { action: opts.review.action, question: ownView(row, ctx.badges), message: opts.review.message });
  return view;
}

export async function approveQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = approveQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const row = await apply(actor, loaded, input.version, {
    from: ['PENDING'],
    data: { status: 'VISIBLE', heldFor: null },
    audit: { action: 'question.approved', target: { type: 'question', id: loaded.q.id } },
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'approved', { review: { action: 'approved', message: null } });
}

/** Rejects with a reason only the author sees; they may edit and resubmit once (a second rejection is final). */
export async function rejectQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = rejectQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  let unhighlighted = false;
  const row = await apply(actor, loaded, input.version, {
    // Hidden too: a question hidden after members' reports is reviewed by rejecting it (the author reads why).
    from: ['PENDING', 'VISIBLE', 'HIDDEN'],
    data: { status: 'REJECTED', rejectReason: input.reason, queuePosition: null },
    audit: { action: 'question.rejected', target: { type: 'question', id: loaded.q.id }, reason: input.reason },
    reports: 'removed',
    also: async (tx) => {
      unhighlighted = await unhighlight(tx, loaded.q);
    },
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'rejected', { reason: input.reason, review: { action: 'rejected', message: input.reason }, unhighlighted });
}

/** Takes a visible question out of the room; its votes are kept for a restore. */
export async function hideQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = hideQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  let unhighlighted = false;
  const row = await apply(actor, loaded, input.version, {
    from: ['VISIBLE'],
    data: { status: 'HIDDEN', queuePosition: null },
    audit: { action: 'question.hidden', target: { type: 'question', id: loaded.q.id } },
    reports: 'removed',
    also: async (tx) => {
      unhighlighted = await unhighlight(tx, loaded.q);
    },
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'hidden', { review: { action: 'hidden', message: null }, unhighlighted });
}

/** A hidden or rejected question back in the room, with the votes it had. */
export async function restoreQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = restoreQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const row = await apply(actor, loaded, input.version, {
    from: ['HIDDEN', 'REJECTED'],
    data: { status: 'VISIBLE', rejectReason: null, heldFor: null },
    audit: { action: 'question.restored', target: { type: 'question', id: loaded.q.id } },
    reports: 'kept',
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'restored', { review: { action: 'restored', message: null } });
}

/** A facilitator edits the text (e.g. removes a name); the original is kept in the audit entry only. */
export async function redactQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = redactQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const row = await apply(actor, loaded, input.version, {
    from: ['PENDING', 'VISIBLE', 'HIDDEN', 'REJECTED'],
    data: { body: input.body, redactedAt: now(), redactionNote: input.note },
    audit: {
      action: 'question.redacted',
      target: { type: 'question', id: loaded.q.id },
      detail: { before: loaded.q.body, after: input.body, note: input.note },
    },
    reports: 'removed',
  });
  return announce(actor, loaded.ctx, loaded.q, row, 'redacted', { reason: input.note, review: { action: 'redacted', message: input.note } });
}

/** The merge target changed while merging: the transaction rolls back and the facilitator gets its current state. */
class TargetChanged extends Error {}

const excerpt = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A duplicate merged into a visible question of the discussion: the duplicate's voters are added to the target
 * (each once: a Vote row only where none exists), its count recomputed from the rows; both askers are told.
 * Only a visible target: a held one's text is not reviewed yet (the duplicate's asker would read it), and the
 * audience must not hear about a question it cannot see. Two merges or a merge and votes racing on
 * PostgreSQL (deadlock, serialization, a vote inserted at once) end in `conflict`, nothing half-applied.
 */
export async function mergeQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = mergeQuestionSchema.parse(raw);
  if (input.intoId === input.questionId)
    throw new AppError('validation_error', 'Pick another question to merge this one into.', { intoId: 'Pick another question.' });
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  const into = await db().question.findUnique({ where: { id: input.intoId }, select: questionSelect });
  if (!into || into.discussionId !== loaded.q.discussionId) {
    throw new AppError('not_found', 'The question to merge into is not in this discussion.');
  }
  if (into.status !== 'VISIBLE') {
    const message = 'Merge into a question that is in the room (approved and visible); approve it first if it is still waiting.';
    throw new AppError('validation_error', message, { intoId: message });
  }
  let unhighlighted = false;
  let votes = 0;
  const row = await apply(actor, loaded, input.version, {
    from: ['PENDING', 'VISIBLE', 'HIDDEN'],
    data: { status: 'MERGED', mergedIntoId: into.id, queuePosition: null },
    audit: { action: 'question.merged', target: { type: 'question', id: loaded.q.id }, detail: { intoId: into.id } },
    // Its words stay in the room through the similar question: the reporters hear "kept".
    reports: 'kept',
    also: async (tx) => {
      // The target first, conditionally: it must still be in the room. The update also holds its row until the
      // commit, so a vote on it waits for the merge and the count below is not overwritten by a stale one.
      const target = await tx.question.updateMany({ where: { id: into.id, status: 'VISIBLE' }, data: { voteCount: { increment: 0 } } });
      if (target.count === 0) throw new TargetChanged();
      unhighlighted = await unhighlight(tx, loaded.q);
      // The duplicate's voters, each once: a voter of both keeps their one vote on the target.
      await tx.$executeRaw`INSERT INTO "Vote" ("questionId", "userId", "createdAt") SELECT ${into.id}, "userId", "createdAt" FROM "Vote" WHERE "questionId" = ${loaded.q.id} ON CONFLICT DO NOTHING`;
      votes = await tx.vote.count({ where: { questionId: into.id } });
      await tx.question.update({ where: { id: into.id }, data: { voteCount: votes } });
    },
  }).catch(async (err: unknown) => {
    if (err instanceof TargetChanged) throw await conflict(loaded.ctx, into.id);
    if (isRace(err)) throw await conflict(loaded.ctx, loaded.q.id);
    throw err;
  });
  const id = loaded.ctx.discussion.id;
  if (loaded.q.status === 'VISIBLE') publishToRoom(id, 'question:merged', { id: row.id, intoId: into.id, votes });
  else publishToModerators(id, 'question:merged', { id: row.id, intoId: into.id, votes });
  markTallyDirty(id, into.id);
  const view = await announce(actor, loaded.ctx, loaded.q, row, 'merged', {
    review: { action: 'merged', message: `Merged with a similar question: “${excerpt(into.body)}”. Your vote counts there.` },
    unhighlighted,
  });
  const target = await db().question.findUnique({ where: { id: into.id }, select: questionSelect });
  if (target) {
    publishReviewed(target.authorId, {
      action: 'merged',
      question: ownView(target, loaded.ctx.badges),
      message: 'A similar question was merged into yours; its voters now count here.',
    });
  }
  return view;
}

/**
 * Puts question `id` at `position` among the other queued visible questions of the discussion (0 = first), or
 * takes it out (null), renumbering densely. Returns its final position and the other questions that moved.
 */
async function placeInQueue(tx: Prisma.TransactionClient, discussionId: string, id: string, position: number | null) {
  const queued = await tx.question.findMany({
    where: { discussionId, status: 'VISIBLE', queuePosition: { not: null }, id: { not: id } },
    orderBy: [{ queuePosition: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, queuePosition: true },
  });
  const order = queued.map((x) => x.id);
  let final: number | null = null;
  if (position !== null) {
    final = Math.min(position, order.length);
    order.splice(final, 0, id);
  }
  await tx.question.update({ where: { id }, data: { queuePosition: final } });
  const moved: string[] = [];
  for (const [i, other] of order.entries()) {
    if (other === id || queued.find((x) => x.id === other)?.queuePosition === i) continue;
    await tx.question.update({ where: { id: other }, data: { queuePosition: i } });
    moved.push(other);
  }
  return { final, moved };
}

/** The questions whose up-next place changed, to the moderators. */
async function publishMoved(ctx: RoomContext, moved: string[]) {
  if (!moved.length) return;
  const rows = await db().question.findMany({ where: { id: { in: moved } }, select: questionSelect });
  const pseudonyms = await pseudonymsFor(db(), rows);
  for (const r of rows) publishToModerators(ctx.discussion.id, 'question:edited', moderatorView(r, ctx.badges, pseudonyms));
}

/**
 * "Up next": puts a visible question at `position` among the queued ones (0 = first), or takes it out (null);
 * the order is renumbered densely. The other questions whose place changed reach the moderators too.
 */
export async function queueQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = queueQuestionSchema.parse(raw);
  const loaded = await forModerator(actor, input.questionId, 'moderate');
  let moved: string[] = [];
  const row = await apply(actor, loaded, input.version, {
    from: ['VISIBLE'],
    data: {},
    audit: { action: 'question.queued', target: { type: 'question', id: loaded.q.id }, detail: { position: input.position } },
    also: async (tx) => {
      moved = (await placeInQueue(tx, loaded.q.discussionId, loaded.q.id, input.position)).moved;
    },
  });
  const view = await announce(actor, loaded.ctx, loaded.q, row, 'queued');
  await publishMoved(loaded.ctx, moved);
  return view;
}

/**
 * Claims a queue item for two minutes ("Sam is on it") or releases one's own claim. Claims do not change the
 * version (they are not a change of the question); a live claim of someone else → `conflict` naming them.
 */
export async function claimQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = claimQuestionSchema.parse(raw);
  const { q, ctx } = await forModerator(actor, input.questionId, 'claim');
  const at = now();
  const row = await db().$transaction(async (tx) => {
    const res = input.release
      ? await tx.question.updateMany({ where: { id: q.id, claimedById: actor.id }, data: { claimedById: null, claimedAt: null } })
      : await tx.question.updateMany({
          where: {
            id: q.id,
            status: { not: 'WITHDRAWN' },
            OR: [{ claimedById: null }, { claimedById: actor.id }, { claimedAt: { lt: new Date(at.getTime() - CLAIM_MS) } }],
          },
          data: { claimedById: actor.id, claimedAt: at },
        });
    if (res.count === 0) return null;
    await recordAudit(
      tx,
      actor,
      { action: input.release ? 'question.released' : 'question.claimed', target: { type: 'question', id: q.id } },
      ctx.discussion.id,
    );
    return tx.question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  });
  if (!row) {
    const current = await db().question.findUnique({ where: { id: q.id }, select: questionSelect });
    if (!current) throw GONE();
    const view = await modView(ctx, current);
    // Releasing what one does not hold changes nothing.
    if (input.release) return view;
    const who = view.claim?.byName;
    throw new AppError('conflict', who ? `${who} is on it.` : 'Someone else is on it.', undefined, { current: view });
  }
  const view = await modView(ctx, row);
  publishModerationAction(ctx.discussion.id, actor, { action: input.release ? 'released' : 'claimed', questionId: q.id }, view);
  return view;
}

/**
 * Undoes "mark answered" within 10 seconds, by the server's clock, and gives back what answering took away: its
 * up-next place (among the questions queued now) and the highlight (unless another question took it meanwhile).
 */
export async function unanswerQuestion(actor: Actor, raw: unknown): Promise<null> {
  const input = unanswerQuestionSchema.parse(raw);
  const { q, ctx } = await forModerator(actor, input.questionId, 'moderate');
  if (!q.answeredAt) return null;
  if (now().getTime() - q.answeredAt.getTime() > UNANSWER_MS) {
    throw new AppError('conflict', '“Answered” can only be undone for 10 seconds; this one stays answered.');
  }
  const answered = await db().auditEntry.findFirst({
    where: { action: 'question.answered', targetType: 'question', targetId: q.id },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { detail: true },
  });
  const before = answeredBefore(answered?.detail ?? null);
  const live = q.status === 'VISIBLE';
  let moved: string[] = [];
  let rehighlighted = false;
  const row = await apply(actor, { q, ctx }, undefined, {
    from: ['VISIBLE', 'PENDING', 'HIDDEN'],
    data: { answeredAt: null },
    audit: { action: 'question.unanswered', target: { type: 'question', id: q.id } },
    also: async (tx) => {
      if (live && before.position !== null) moved = (await placeInQueue(tx, q.discussionId, q.id, before.position)).moved;
      if (live && before.highlighted && ctx.phase === 'live') {
        const h = await tx.discussion.updateMany({ where: { id: q.discussionId, highlightedQuestionId: null }, data: { highlightedQuestionId: q.id } });
        rehighlighted = h.count > 0;
      }
    },
  });
  publishAboutQuestion(row, 'question:unanswered', { id: row.id });
  if (rehighlighted) publishToRoom(ctx.discussion.id, 'question:highlighted', { questionId: row.id });
  publishModerationAction(ctx.discussion.id, actor, { action: 'unanswered', questionId: row.id }, await modView(ctx, row));
  await publishMoved(ctx, moved);
  return null;
}

/** The author edits their rejected question and sends it for review again, once. */
export async function resubmitQuestion(actor: Actor, raw: unknown): Promise<QuestionView> {
  const input = resubmitQuestionSchema.parse(raw);
  await spendBudget('resubmit', actor.id);
  const q = await db().question.findUnique({ where: { id: input.questionId }, select: questionSelect });
  if (!q || q.authorId !== actor.id) throw GONE();
  if (q.status !== 'REJECTED') throw new AppError('conflict', 'Only a question that was not taken can be sent again.');
  if (q.resubmitted) throw new AppError('conflict', 'This question was already sent again once, and the facilitators’ answer stands.');
  const ctx = await loadRoom(actor, q.discussionId);
  assertOpenForQuestions(ctx);
  await assertMaySpeak(actor, ctx);
  // Words of distress go to the care lane before any other hold, as a new question's would (staff questions never).
  const care = !ctx.isMod && (await matchesCareTerms(input.body));
  const held = care ? [] : await holdReasons(db(), actor.id, ctx, input.body);
  const heldFor = care ? null : held.length ? held.join(',') : (q.heldFor ?? 'pre_moderation');
  const changed = await db().$transaction(async (tx) => {
    const res = await tx.question.updateMany({
      where: { id: q.id, status: 'REJECTED', resubmitted: false },
      data: {
        body: input.body,
        status: care ? 'CARE' : 'PENDING',
        heldFor,
        resubmitted: true,
        rejectReason: null,
        editedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (res.count === 0) return false;
    if (care) await openCareItem(tx, q, 'care_terms');
    return true;
  });
  if (!changed) throw new AppError('conflict', 'This question changed a moment ago; please reload the room.');
  const row = await db().question.findUniqueOrThrow({ where: { id: q.id }, select: questionSelect });
  const view = await modView(ctx, row);
  publishToModerators(ctx.discussion.id, 'question:edited', view);
  // As after an ask into the care lane: the console's alert, the system's line (nobody named).
  if (care) publishModerationAction(ctx.discussion.id, null, { action: 'care_opened', questionId: row.id }, view);
  return ownView(row, ctx.badges);
}

/**
 * Shows the revealer alone who asked an anonymous question. Audited with the reason and the pseudonym; the author
 * is told privately who looked and why (a notification and 'question:reviewed'). Nothing else is sent to anyone.
 */
export async function revealAuthor(actor: Actor, raw: unknown): Promise<{ name: string }> {
  const input = revealAuthorSchema.parse(raw);
  const { q, ctx } = await forModerator(actor, input.questionId, 'reveal');
  if (!q.anonymous) return { name: q.author.displayName };
  const pseudonym = (await pseudonymsFor(db(), [q])).get(q.authorId) ?? 'Anonymous';
  const message = `${actor.displayName} (a facilitator of “${ctx.discussion.title}”) looked at who asked “${excerpt(q.body)}”. Their reason: ${input.reason}`;
  const stored = await db().$transaction(async (tx) => {
    await recordAudit(
      tx,
      actor,
      { action: 'question.author_revealed', target: { type: 'question', id: q.id }, reason: input.reason, detail: { pseudonym } },
      ctx.discussion.id,
    );
    return storeNotifications(tx, [
      {
        userId: q.authorId,
        type: 'author_revealed',
        title: 'A facilitator saw who asked your anonymous question',
        body: message,
        link: `/discussions/${ctx.discussion.id}/live`,
      },
    ]);
  });
  await publishNotifications(stored);
  publishReviewed(q.authorId, { action: 'revealed', question: ownView(q, ctx.badges), message });
  return { name: q.author.displayName };
}

// ── Sanctions ──────────────────────────────────────────────────────────────────────────────────────────

type DiscussionTarget = { discussionId: string; target: Parameters<typeof resolveTarget>[2] };

async function forSanction(actor: Actor, input: DiscussionTarget) {
  await spendBudget('sanction', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  assertModerator(ctx);
  const target = await resolveTarget(db(), ctx.discussion.id, input.target);
  return { ctx, target };
}

const auditPerson = (t: ResolvedTarget) => ({ target: t.audit, pseudonym: t.pseudonym });

/** Mutes a person in this discussion for 5, 15 or 60 minutes or until it ends (by the server clock, F12). */
export async function muteParticipant(actor: Actor, raw: unknown): Promise<SanctionView> {
  const input = muteParticipantSchema.parse(raw);
  const { ctx, target } = await forSanction(actor, input);
  await assertSanctionable(db(), ctx.discussion.id, target.userId);
  const at = now();
  const until = input.minutes === null ? null : new Date(at.getTime() + input.minutes * 60_000);
  const person = auditPerson(target);
  const lane = await laneOf(db(), ctx.discussion.id, target);
  const row = await db().$transaction(async (tx) => {
    // A new mute replaces the one in force in its lane (by pseudonym or by person: they never touch each other).
    await tx.sanction.updateMany({
      where: { discussionId: ctx.discussion.id, userId: target.userId, kind: 'MUTE', liftedAt: null, ...lane },
      data: { liftedAt: at },
    });
    const created = await tx.sanction.create({
      data: {
        discussionId: ctx.discussion.id,
        userId: target.userId,
        kind: 'MUTE',
        until,
        reason: input.reason,
        viaQuestionId: target.viaQuestionId,
        createdById: actor.id,
        createdAt: at,
      },
      select: sanctionSelect,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'participant.muted',
        target: person.target,
        reason: input.reason,
        detail: { minutes: input.minutes, ...(person.pseudonym ? { pseudonym: person.pseudonym } : {}) },
      },
      ctx.discussion.id,
    );
    return created;
  });
  const view = sanctionView(row, pseudonymMap(target));
  publishToUser(target.userId, 'participant:sanctioned', { discussionId: ctx.discussion.id, kind: 'mute', until: view.until, reason: input.reason });
  publishModerationAction(
    ctx.discussion.id,
    actor,
    { action: 'muted', target: target.ref, reason: input.reason, questionId: target.viaQuestionId },
    null,
    view,
  );
  return view;
}

/** How a sanction made through `t` reads for staff: by the pseudonym when through an anonymous question. */
const pseudonymMap = (t: ResolvedTarget): ViaQuestions => new Map(t.viaQuestionId ? [[t.viaQuestionId, t.pseudonym ?? null]] : []);

/**
 * Lifts the mute in force in the target's lane: through an anonymous question only a mute made through the same
 * pseudonym; by person only the others (laneOf) — "not muted" reads the same either way. An expired mute is
 * not lifted again (nothing to audit).
 */
export async function unmuteParticipant(actor: Actor, raw: unknown): Promise<null> {
  const input = unmuteParticipantSchema.parse(raw);
  const { ctx, target } = await forSanction(actor, input);
  const person = auditPerson(target);
  const lane = await laneOf(db(), ctx.discussion.id, target);
  const at = now();
  const lifted = await db().$transaction(async (tx) => {
    const res = await tx.sanction.updateMany({
      where: {
        discussionId: ctx.discussion.id,
        userId: target.userId,
        kind: 'MUTE',
        liftedAt: null,
        AND: [lane, { OR: [{ until: null }, { until: { gt: at } }] }],
      },
      data: { liftedAt: at },
    });
    if (res.count === 0) return false;
    await recordAudit(
      tx,
      actor,
      { action: 'participant.unmuted', target: person.target, detail: person.pseudonym ? { pseudonym: person.pseudonym } : {} },
      ctx.discussion.id,
    );
    return true;
  });
  if (!lifted) throw new AppError('not_found', 'This person is not muted here.');
  publishToUser(target.userId, 'participant:sanctioned', { discussionId: ctx.discussion.id, kind: 'unmute', until: null, reason: null });
  publishModerationAction(ctx.discussion.id, actor, { action: 'unmuted', target: target.ref, questionId: target.viaQuestionId }, null);
  return null;
}

/** Removes a person from this discussion: every socket of theirs leaves its rooms at once, on every node; no way back in. */
export async function removeParticipant(actor: Actor, raw: unknown): Promise<SanctionView> {
  const input = removeParticipantSchema.parse(raw);
  const { ctx, target } = await forSanction(actor, input);
  await assertSanctionable(db(), ctx.discussion.id, target.userId);
  const person = auditPerson(target);
  const row = await db().$transaction(async (tx) => {
    const created = await tx.sanction.create({
      data: {
        discussionId: ctx.discussion.id,
        userId: target.userId,
        kind: 'REMOVE',
        until: null,
        reason: input.reason,
        viaQuestionId: target.viaQuestionId,
        createdById: actor.id,
        createdAt: now(),
      },
      select: sanctionSelect,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'participant.removed', target: person.target, reason: input.reason, detail: person.pseudonym ? { pseudonym: person.pseudonym } : {} },
      ctx.discussion.id,
    );
    return created;
  });
  // Named through an anonymous question: staff keep seeing the person listed as present for now, so the
  // attendee list does not pair the pseudonym with a name as they leave (server/live/presence.ts).
  if (target.pseudonym) await keepListed(ctx.discussion.id, target.userId);
  removeFromDiscussion(target.userId, ctx.discussion.id, { discussionId: ctx.discussion.id, kind: 'remove', until: null, reason: input.reason });
  schedulePresence(ctx.discussion.id);
  const view = sanctionView(row, pseudonymMap(target));
  publishModerationAction(
    ctx.discussion.id,
    actor,
    { action: 'removed', target: target.ref, reason: input.reason, questionId: target.viaQuestionId },
    null,
    view,
  );
  return view;
}

/**
 * The community ban from the console (admins only): the existing ban, reached through a person or a named
 * question. Through an anonymous question it is refused: a ban is audited against the person and ends their
 * sessions, which names them, so the admin first reveals who asked (with a reason, audited, the author told) and
 * then bans them by name. Honest rather than a silent reveal.
 */
export async function banParticipant(actor: Actor, raw: unknown): Promise<null> {
  const input = banParticipantSchema.parse(raw);
  if (actor.role !== 'ADMIN') throw new AppError('forbidden', 'Only admins can ban someone from the community.');
  const { ctx, target } = await forSanction(actor, input);
  if (target.pseudonym) {
    throw new AppError(
      'forbidden',
      'A ban names the person, so it cannot be made through an anonymous question. Reveal who asked first (with a reason: it is logged and they are told), then ban them by name.',
    );
  }
  await banUser(actor, { userId: target.userId, reason: input.reason }, ctx.discussion.id);
  publishModerationAction(ctx.discussion.id, actor, { action: 'banned', target: target.ref, reason: input.reason, questionId: target.viaQuestionId }, null);
  return null;
}
