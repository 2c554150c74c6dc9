// Who may do what with discussions. Pure functions, unit-tested without a database.
import type { RoleName } from '@/lib/users/schema';

type Who = { id: string; role: RoleName } | null;
type StaffRow = { userId: string; role: 'HOST' | 'FACILITATOR' };
type DiscussionLike = {
  createdById: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  status: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
  startsAt: Date;
  durationMinutes: number;
  staff: StaffRow[];
};

const isAdmin = (a: Who) => a?.role === 'ADMIN';
const isElder = (a: Who) => a?.role === 'ELDER';

/** Roles that may host a discussion, and roles that may facilitate one. */
export const HOST_ROLES: RoleName[] = ['ELDER', 'ADMIN'];
export const FACILITATOR_ROLES: RoleName[] = ['FACILITATOR', 'ELDER', 'ADMIN'];

/** Elders (hosts) and admins schedule discussions; members and facilitators do not. */
export function canCreateDiscussion(actor: Who): boolean {
  return isAdmin(actor) || isElder(actor);
}

/** Admins edit any discussion; an elder edits one they host or created. */
export function canEditDiscussion(actor: Who, d: Pick<DiscussionLike, 'createdById' | 'staff'>): boolean {
  if (isAdmin(actor)) return true;
  if (!isElder(actor)) return false;
  return d.createdById === actor!.id || d.staff.some((s) => s.userId === actor!.id && s.role === 'HOST');
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
  if (isAdmin(actor)) return true;
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
