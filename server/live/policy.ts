// Who may do what in a live room. Pure functions over the actor's global role and their staff role in
// this discussion (HOST / FACILITATOR / none), re-read from the database on every event (F10).

import type { RoomRole } from '@/lib/live/views';
import { atLeast, type RoleName } from '@/lib/users/roles';

export type StaffRole = 'HOST' | 'FACILITATOR' | null;
export type RoomActor = { id: string; role: RoleName };

/**
 * Staff rights need both the staff row and a global role that still backs it: a facilitator demoted to
 * member mid-discussion loses moderation at their next event, even before anyone edits the staff list.
 */
export function effectiveStaff(actor: RoomActor, staff: StaffRole): StaffRole {
  if (staff === 'HOST' && atLeast(actor.role, 'ELDER')) return 'HOST';
  if (staff && atLeast(actor.role, 'FACILITATOR')) return 'FACILITATOR';
  return null;
}

export function roomRole(actor: RoomActor, staff: StaffRole): RoomRole {
  if (atLeast(actor.role, 'ADMIN')) return 'admin';
  const s = effectiveStaff(actor, staff);
  return s === 'HOST' ? 'host' : s === 'FACILITATOR' ? 'facilitator' : 'member';
}

/** Runs the moderation queue: reviews, replies, highlights, marks answered (anonymous askers only by pseudonym). */
export function canModerate(actor: RoomActor, staff: StaffRole): boolean {
  return roomRole(actor, staff) !== 'member';
}

/** Starts and ends the discussion. */
export function canHost(actor: RoomActor, staff: StaffRole): boolean {
  const r = roomRole(actor, staff);
  return r === 'host' || r === 'admin';
}

/** Staff enter without the member agreement; everyone else accepts it first. */
export function needsAgreement(actor: RoomActor, staff: StaffRole): boolean {
  return !canModerate(actor, staff);
}
