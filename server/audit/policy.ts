// Who may read the audit log. Pure, unit-tested without a database.
import type { RoleName } from '@/lib/users/roles';
import { isAdmin } from '../users/policy';

/** Only admins read the log: it names who banned whom and why. */
export function canReadAuditLog(actor: { id: string; role: RoleName } | null): boolean {
  return isAdmin(actor);
}
