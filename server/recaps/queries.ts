// Reading recaps: the recap page (a draft for its editors and the staff it assigns follow-ups to; published, for
// whoever may see the discussion) and the link from the discussion page.
import type { RecapItemView, RecapReply, RecapView } from '@/lib/recaps/views';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { canViewDiscussion } from '../discussions/policy';
import { canHost, effectiveStaff, type RoomActor, type StaffRole } from '../live/policy';

/**
 * The one rule recaps and exports share for a question that went to the care lane: while private (in the lane, or
 * kept private) it is a count only; a safer version the asker agreed to share (care item published) is a normal
 * question by then, listed with its published words only (the asker's original stays on the care item).
 */
export const notPrivateCare = {
  OR: [{ careItem: { is: null } }, { careItem: { is: { outcome: 'published' } } }],
} satisfies Prisma.QuestionWhereInput;

/** Questions counted as care (once each): in the lane now, or with a care item whatever its outcome. */
export const wentToCare = { OR: [{ status: 'CARE' }, { careItem: { isNot: null } }] } satisfies Prisma.QuestionWhereInput;

/**
 * Whether the person a follow-up is assigned to may still answer it: still on the discussion's staff, still
 * facilitator or elder by role (read now, not at assignment), not banned.
 */
export function assigneeStillStaff(row: { role: StaffRole; user: RoomActor & { bannedAt: Date | null } } | null): boolean {
  return !!row && !row.user.bannedAt && effectiveStaff({ id: row.user.id, role: row.user.role }, row.role) !== null;
}

const parseReplies = (json: string): RecapReply[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((r): r is RecapReply => typeof r?.author === 'string' && typeof r?.body === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * The recap as `actor` may see it, or null (the page answers 404): a draft is there only for its editors (the
 * discussion's hosts and admins) and the staff a follow-up is assigned to; a published recap for whoever may see
 * the discussion (public, or members-only like it). Removed items and assignments are for editors only; askers'
 * names for signed-in viewers only.
 */
export async function getRecap(actor: Actor | null, discussionId: string): Promise<RecapView | null> {
  if (typeof discussionId !== 'string' || discussionId.length > 64) return null;
  const recap = await db().recap.findUnique({
    where: { discussionId },
    select: {
      status: true,
      note: true,
      askedCount: true,
      approvedCount: true,
      heldCount: true,
      rejectedCount: true,
      careCount: true,
      peakAttendance: true,
      durationMinutes: true,
      publishedAt: true,
      discussion: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          timeZone: true,
          visibility: true,
          peakAttendance: true,
          staff: { select: { userId: true, role: true, user: { select: { id: true, displayName: true, role: true, bannedAt: true } } } },
        },
      },
      items: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          kind: true,
          body: true,
          askedBy: true,
          replies: true,
          removed: true,
          assignedToId: true,
          assignedTo: { select: { displayName: true } },
          followUpAnswer: true,
          answeredAt: true,
        },
      },
    },
  });
  if (!recap) return null;
  const d = recap.discussion;
  const myStaff = actor ? (d.staff.find((s) => s.userId === actor.id)?.role ?? null) : null;
  const isEditor = !!actor && canHost(actor, myStaff);
  // Follow-ups assigned to the viewer count only while they are still staff here (not demoted, removed or banned).
  const stillStaff = !!actor && assigneeStillStaff(d.staff.find((s) => s.userId === actor.id) ?? null);
  const assignedToMe = stillStaff ? recap.items.filter((i) => i.assignedToId === actor?.id && i.kind === 'follow_up').map((i) => i.id) : [];
  const published = recap.status === 'PUBLISHED';
  if (!isEditor && !(published ? canViewDiscussion(actor, d) : assignedToMe.length > 0)) return null;

  // Signed out: no asker's name (the room needs an account: its askers spoke inside the community, not to the web).
  const items: RecapItemView[] = recap.items
    .filter((i) => isEditor || !i.removed)
    .map((i) => ({
      id: i.id,
      kind: i.kind === 'answered' ? 'answered' : 'follow_up',
      body: i.body,
      asker: !actor ? { kind: 'member' } : i.askedBy === null ? { kind: 'anonymous' } : { kind: 'named', name: i.askedBy },
      replies: parseReplies(i.replies),
      removed: i.removed,
      assignedTo: isEditor && i.assignedToId && i.assignedTo ? { id: i.assignedToId, name: i.assignedTo.displayName } : null,
      followUpAnswer: i.followUpAnswer,
      answeredAt: i.answeredAt?.toISOString() ?? null,
    }));
  return {
    discussion: { id: d.id, title: d.title, startsAt: d.startsAt.toISOString(), timeZone: d.timeZone },
    status: published ? 'PUBLISHED' : 'DRAFT',
    note: recap.note,
    counts: {
      asked: recap.askedCount,
      approved: recap.approvedCount,
      held: recap.heldCount,
      rejected: recap.rejectedCount,
      care: recap.careCount,
      // Presence may record the peak a moment after the end: the larger of the two.
      peakAttendance: Math.max(recap.peakAttendance, d.peakAttendance),
      durationMinutes: recap.durationMinutes,
    },
    items,
    publishedAt: recap.publishedAt?.toISOString() ?? null,
    can: { edit: isEditor, answer: isEditor ? items.filter((i) => i.kind === 'follow_up').map((i) => i.id) : assignedToMe },
    staff: isEditor
      ? d.staff
          .filter((s) => !s.user.bannedAt && effectiveStaff({ id: s.user.id, role: s.user.role }, s.role))
          .map((s) => ({ id: s.user.id, name: s.user.displayName }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [],
  };
}

/**
 * What the discussion page links to: the published recap for whoever may see the discussion, the draft for its
 * editors; null when there is nothing to link (no recap, or a draft someone else may not see).
 */
export async function getRecapLink(actor: Actor | null, discussionId: string): Promise<{ status: 'DRAFT' | 'PUBLISHED' } | null> {
  if (typeof discussionId !== 'string' || discussionId.length > 64) return null;
  const [recap, d] = await Promise.all([
    db().recap.findUnique({ where: { discussionId }, select: { status: true } }),
    db().discussion.findUnique({ where: { id: discussionId }, select: { status: true, visibility: true } }),
  ]);
  if (!d || !canViewDiscussion(actor, d)) return null;
  if (recap?.status === 'PUBLISHED') return { status: 'PUBLISHED' };
  if (!actor || d.status !== 'ENDED') return null;
  const staff = await db().discussionStaff.findUnique({ where: { discussionId_userId: { discussionId, userId: actor.id } }, select: { role: true } });
  // The host of an ended discussion without a recap yet: the page makes the draft when they open it.
  return canHost(actor, staff?.role ?? null) ? { status: 'DRAFT' } : null;
}
