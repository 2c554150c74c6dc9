// Who may do what with discussions. Pure functions, unit-tested without a database.
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { atLeast, ROLES, type RoleName } from '@/lib/users/roles';

type Who = { id: string; role: RoleName } | null;
type StaffRow = { userId: string; role: 'HOST' | 'FACILITATOR' };
type DiscussionLike = {
  createdById: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  status: DiscussionStatus;
  startsAt: Date;
  durationMinutes: number;
  staff: StaffRow[];
};

/** Roles that may host a discussion (elders and up), and roles that may facilitate one (facilitators and up). */
export const HOST_ROLES: RoleName[] = ROLES.filter((r) => atLeast(r, 'ELDER'));
export const FACILITATOR_ROLES: RoleName[] = ROLES.filter((r) => atLeast(r, 'FACILITATOR'));

/** Elders (hosts) and admins schedule discussions; members and facilitators do not. */
export function canCreateDiscussion(actor: Who): boolean {
  return atLeast(actor?.role, 'ELDER');
}

/** Admins edit any discussion; an elder edits one they host or created. */
export function canEditDiscussion(actor: Who, d: Pick<DiscussionLike, 'createdById' | 'staff'>): boolean {
  if (!actor || !atLeast(actor.role, 'ELDER')) return false;
  if (atLeast(actor.role, 'ADMIN')) return true;
  return d.createdById === actor.id || d.staff.some((s) => s.userId === actor.id && s.role === 'HOST');
}

/** Cancelling is an edit; an ended or already cancelled discussion cannot be cancelled. */
export function canCancelDiscussion(actor: Who, d: Pick<DiscussionLike, 'createdById' | 'staff' | 'status'>): boolean {
  return canEditDiscussion(actor, d) && (d.status === 'SCHEDULED' || d.status === 'LIVE');
}

/** Members-only discussions are hidden from visitors who are not signed in. */
export function canViewDiscussion(actor: Who, d: Pick<DiscussionLike, 'visibility'>): boolean {
  return d.visibility === 'PUBLIC' || !!actor;
}

/** Hosts, facilitators and admins see who is coming; nobody else does. */
export function canSeeAttendees(actor: Who, d: Pick<DiscussionLike, 'staff'>): boolean {
  if (atLeast(actor?.role, 'ADMIN')) return true;
  return !!actor && d.staff.some((s) => s.userId === actor.id);
}

/** RSVPs are open while the discussion is scheduled or live and has not run past its end. */
export function rsvpOpen(d: Pick<DiscussionLike, 'status' | 'startsAt' | 'durationMinutes'>, now: Date): boolean {
  if (d.status !== 'SCHEDULED' && d.status !== 'LIVE') return false;
  return now.getTime() < d.startsAt.getTime() + d.durationMinutes * 60_000;
}

export function canRsvp(actor: Who, d: Pick<DiscussionLike, 'visibility' | 'status' | 'startsAt' | 'durationMinutes'>, now: Date): boolean {
  return !!actor && canViewDiscussion(actor, d) && rsvpOpen(d, now);
}
