// Recaps (issue 10 item 6): the draft the host gets when a discussion ends, its edits (remove / restore an item, the
// note, follow-up assignments and answers) and publishing, which notifies the attendees. Reads: ./queries.ts.
// Care items appear as counts only (a safer version the asker agreed to share is a normal question by then: listed
// like any other, counted once as care, as the exports do); private replies never; an anonymous asker is never named.
import { answerFollowUpSchema, assignRecapItemSchema, editRecapNoteSchema, recapRefSchema, setRecapItemRemovedSchema } from '@/lib/recaps/schema';
import type { RecapReply } from '@/lib/recaps/views';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { canHost } from '../live/policy';
import { type NewNotification, publishNotifications, storeNotifications } from '../notifications/commands';
import { assigneeStillStaff, notPrivateCare, wentToCare } from './queries';

/**
 * Makes the draft recap of an ended discussion (idempotent: an existing recap is left as it is). Started once the
 * end committed and the room heard it (server/live/commands.ts) and, should that have failed, when the host opens
 * the recap.
 */
export async function createRecapDraft(discussionId: string): Promise<void> {
  const d = await db().discussion.findUnique({
    where: { id: discussionId },
    select: { status: true, startedAt: true, endedAt: true, peakAttendance: true, recap: { select: { discussionId: true } } },
  });
  if (d?.status !== 'ENDED' || d.recap) return;
  const q = { discussionId };
  const [asked, approved, held, rejected, care, answered, unanswered] = await Promise.all([
    db().question.count({ where: q }),
    db().question.count({ where: { ...q, status: { in: ['VISIBLE', 'MERGED'] } } }),
    db().question.count({ where: { ...q, OR: [{ heldFor: { not: null } }, { status: 'PENDING' }] } }),
    db().question.count({ where: { ...q, status: 'REJECTED' } }),
    db().question.count({ where: { ...q, ...wentToCare } }),
    db().question.findMany({
      where: { ...q, status: 'VISIBLE', answeredAt: { not: null }, ...notPrivateCare },
      orderBy: [{ answeredAt: 'asc' }, { createdAt: 'asc' }],
      select: itemSelect,
    }),
    db().question.findMany({
      where: { ...q, status: 'VISIBLE', answeredAt: null, ...notPrivateCare },
      orderBy: [{ voteCount: 'desc' }, { createdAt: 'asc' }],
      select: itemSelect,
    }),
  ]);
  const durationMinutes = d.startedAt && d.endedAt ? Math.max(0, Math.round((d.endedAt.getTime() - d.startedAt.getTime()) / 60_000)) : 0;
  const items = [...answered.map((row) => ({ row, kind: 'answered' as const })), ...unanswered.map((row) => ({ row, kind: 'follow_up' as const }))];
  try {
    // One short transaction with two statements, whatever the number of questions (the write lock is held briefly).
    await db().$transaction(async (tx) => {
      await tx.recap.create({
        data: {
          discussionId,
          askedCount: asked,
          approvedCount: approved,
          heldCount: held,
          rejectedCount: rejected,
          careCount: care,
          peakAttendance: d.peakAttendance,
          durationMinutes,
        },
      });
      await tx.recapItem.createMany({
        data: items.map(({ row, kind }, position) => {
          const replies: RecapReply[] = row.replies.map((r) => ({ author: r.author.displayName, body: r.body }));
          return {
            discussionId,
            questionId: row.id,
            kind,
            body: row.body,
            // Anonymous: no name at all, not even a pseudonym (the recap is for the room).
            askedBy: row.anonymous ? null : row.author.displayName,
            replies: JSON.stringify(replies),
            position,
          };
        }),
      });
    });
  } catch (err) {
    // Two ends at once (the host's click and the page's fallback): the other made it.
    if (!isUniqueViolation(err)) throw err;
  }
}

const itemSelect = {
  id: true,
  body: true,
  anonymous: true,
  author: { select: { displayName: true } },
  // Public replies only: a private reply is for the asker and staff.
  replies: { where: { private: false }, orderBy: { createdAt: 'asc' }, select: { body: true, author: { select: { displayName: true } } } },
} as const satisfies Prisma.QuestionSelect;

// ── Who may edit ──────────────────────────────────────────────────────────────────────────────────────

type Editing = { discussionId: string; isEditor: boolean; status: 'DRAFT' | 'PUBLISHED'; title: string };

/** The recap and the actor's rights on it; a recap that does not exist (or that they may not see) is `not_found`. */
async function loadRecap(actor: Actor, discussionId: string): Promise<Editing> {
  const [recap, staff] = await Promise.all([
    db().recap.findUnique({ where: { discussionId }, select: { status: true, discussion: { select: { title: true } } } }),
    db().discussionStaff.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } }, select: { role: true } }),
  ]);
  if (!recap) throw new AppError('not_found', 'That recap does not exist.');
  return { discussionId, isEditor: canHost(actor, staff?.role ?? null), status: recap.status as Editing['status'], title: recap.discussion.title };
}

async function loadForEdit(actor: Actor, discussionId: string): Promise<Editing> {
  const r = await loadRecap(actor, discussionId);
  if (!r.isEditor) {
    // A draft is not there for anyone else; a published recap is, but only its hosts edit it.
    if (r.status === 'DRAFT') throw new AppError('not_found', 'That recap does not exist.');
    throw new AppError('forbidden', 'Only this discussion’s hosts and admins can edit its recap.');
  }
  return r;
}

/** The host opening the recap page of an ended discussion: the draft, made now if the end did not make it. */
export async function openRecapDraft(actor: Actor, raw: unknown): Promise<void> {
  const { discussionId } = recapRefSchema.parse(raw);
  const staff = await db().discussionStaff.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } }, select: { role: true } });
  if (!canHost(actor, staff?.role ?? null)) return;
  await createRecapDraft(discussionId);
}

const itemGone = () => new AppError('not_found', 'That item is not in this recap.');

export async function setRecapItemRemoved(actor: Actor, raw: unknown): Promise<{ itemId: string; removed: boolean }> {
  const { discussionId, itemId, removed } = setRecapItemRemovedSchema.parse(raw);
  await loadForEdit(actor, discussionId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.recapItem.updateMany({ where: { id: itemId, discussionId, removed: !removed }, data: { removed } });
    if (count === 0) {
      if (!(await tx.recapItem.findFirst({ where: { id: itemId, discussionId }, select: { id: true } }))) throw itemGone();
      return; // Already as asked (another tab): nothing to record.
    }
    await recordAudit(
      tx,
      actor,
      { action: removed ? 'recap.item_removed' : 'recap.item_restored', target: { type: 'discussion', id: discussionId }, detail: { itemId } },
      discussionId,
    );
  });
  return { itemId, removed };
}

export async function editRecapNote(actor: Actor, raw: unknown): Promise<{ note: string }> {
  const { discussionId, note } = editRecapNoteSchema.parse(raw);
  await loadForEdit(actor, discussionId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.recap.updateMany({ where: { discussionId, note: { not: note } }, data: { note } });
    if (count > 0) await recordAudit(tx, actor, { action: 'recap.note_edited', target: { type: 'discussion', id: discussionId } }, discussionId);
  });
  return { note };
}

/** Assigns a follow-up to one of the discussion's hosts or facilitators (null: nobody). */
export async function assignRecapItem(actor: Actor, raw: unknown): Promise<{ itemId: string; assignee: { id: string; name: string } | null }> {
  const { discussionId, itemId, assigneeId } = assignRecapItemSchema.parse(raw);
  await loadForEdit(actor, discussionId);
  let assignee: { id: string; name: string } | null = null;
  if (assigneeId) {
    const row = await db().discussionStaff.findUnique({
      where: { discussionId_userId: { discussionId, userId: assigneeId } },
      select: { role: true, user: { select: { id: true, displayName: true, role: true, bannedAt: true } } },
    });
    if (!row || !assigneeStillStaff(row)) {
      throw new AppError('validation_error', 'Choose one of this discussion’s hosts or facilitators.', {
        assigneeId: 'Choose one of this discussion’s hosts or facilitators.',
      });
    }
    assignee = { id: row.user.id, name: row.user.displayName };
  }
  await db().$transaction(async (tx) => {
    const item = await tx.recapItem.findFirst({ where: { id: itemId, discussionId }, select: { kind: true, assignedToId: true } });
    if (!item) throw itemGone();
    if (item.kind !== 'follow_up') throw new AppError('validation_error', 'Only a question left for follow-up can be assigned.');
    if (item.assignedToId === assigneeId) return;
    await tx.recapItem.update({ where: { id: itemId }, data: { assignedToId: assigneeId } });
    await recordAudit(
      tx,
      actor,
      { action: 'recap.item_assigned', target: { type: 'discussion', id: discussionId }, detail: { itemId, assignee: assignee?.name ?? null } },
      discussionId,
    );
  });
  return { itemId, assignee };
}

/** Answers a follow-up, before or after publishing: the recap's editors, or the staff member it is assigned to. */
export async function answerFollowUp(actor: Actor, raw: unknown): Promise<{ itemId: string; answer: string }> {
  const { discussionId, itemId, answer } = answerFollowUpSchema.parse(raw);
  const r = await loadRecap(actor, discussionId);
  const [item, staff] = await Promise.all([
    db().recapItem.findFirst({ where: { id: itemId, discussionId }, select: { kind: true, assignedToId: true } }),
    db().discussionStaff.findUnique({
      where: { discussionId_userId: { discussionId, userId: actor.id } },
      select: { role: true, user: { select: { id: true, role: true, bannedAt: true } } },
    }),
  ]);
  // Assigned, and still one of the discussion's staff: a demoted, removed or banned assignee answers nothing.
  const assigned = item?.assignedToId === actor.id && assigneeStillStaff(staff);
  if (!r.isEditor && !assigned) {
    if (r.status === 'DRAFT') throw new AppError('not_found', 'That recap does not exist.');
    throw new AppError('forbidden', 'Only this discussion’s hosts, admins and the person it is assigned to can answer it.');
  }
  if (!item) throw itemGone();
  if (item.kind !== 'follow_up') throw new AppError('validation_error', 'Only a question left for follow-up takes an answer here.');
  await db().$transaction(async (tx) => {
    await tx.recapItem.update({ where: { id: itemId }, data: { followUpAnswer: answer, answeredAt: new Date() } });
    await recordAudit(tx, actor, { action: 'recap.follow_up_answered', target: { type: 'discussion', id: discussionId }, detail: { itemId } }, discussionId);
  });
  return { itemId, answer };
}

/**
 * Publishes the recap and tells the attendees. Attendees: everyone who joined the room (accepted its agreement),
 * everyone with a seat (RSVP "going") and the discussion's staff, except the publisher and banned accounts.
 * Publishing twice is a conflict; nobody is notified twice (one dedupe key per discussion and person).
 */
export async function publishRecap(actor: Actor, raw: unknown): Promise<{ notified: number }> {
  const { discussionId } = recapRefSchema.parse(raw);
  const r = await loadForEdit(actor, discussionId);
  const rows = await db().$transaction(async (tx) => {
    const { count } = await tx.recap.updateMany({
      where: { discussionId, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: new Date(), publishedById: actor.id },
    });
    if (count === 0) throw new AppError('conflict', 'This recap is already published.');
    await recordAudit(tx, actor, { action: 'recap.published', target: { type: 'discussion', id: discussionId } }, discussionId);
    const people = await tx.user.findMany({
      where: {
        id: { not: actor.id },
        bannedAt: null,
        OR: [{ agreements: { some: { discussionId } } }, { rsvps: { some: { discussionId, status: 'GOING' } } }, { staffRoles: { some: { discussionId } } }],
      },
      select: { id: true },
    });
    const notes: NewNotification[] = people.map((p) => ({
      userId: p.id,
      type: 'recap_published',
      title: 'A recap is ready',
      body: `The recap of “${r.title}” is published.`,
      link: `/discussions/${discussionId}/recap`,
      dedupeKey: `recap_published:${discussionId}:${p.id}`,
    }));
    return storeNotifications(tx, notes);
  });
  await publishNotifications(rows);
  return { notified: rows.length };
}
