// Who may read the audit log. Pure, unit-tested without a database.
import { atLeast, type RoleName } from '@/lib/users/roles';
import { effectiveStaff, type StaffRole } from '../live/policy';
import { isAdmin } from '../users/policy';

type Who = { id: string; role: RoleName } | null;

/** Only admins read the whole log: it names who banned whom and why. */
export function canReadAuditLog(actor: Who): boolean {
  return isAdmin(actor);
}

/**
 * A discussion's part of the log (its moderation actions): its hosts, who answer for how it was run, and admins.
 * Facilitators follow each other's actions in the console's feed; the full record with reasons and reveals is the
 * hosts'. `staff` is the actor's staff role in that discussion; a host whose global role no longer backs it
 * (demoted below elder) reads nothing, as in the room (F10).
 */
export function canReadDiscussionAudit(actor: Who, staff: StaffRole): boolean {
  if (!actor) return false;
  if (atLeast(actor.role, 'ADMIN')) return true;
  return effectiveStaff(actor, staff) === 'HOST';
}
