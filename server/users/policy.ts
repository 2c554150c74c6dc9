// Who may do what to accounts. Pure functions, unit-tested without a database.
import { atLeast, type RoleName } from '@/lib/users/roles';

type Who = { id: string; role: RoleName };

export const isAdmin = (actor: Who | null): boolean => atLeast(actor?.role, 'ADMIN');

export function canManageUsers(actor: Who | null): boolean {
  return isAdmin(actor);
}

/** Admins change others' roles; nobody changes their own (an admin cannot lock the community out by accident). */
export function canChangeRole(actor: Who | null, target: { id: string }): boolean {
  return actor !== null && isAdmin(actor) && actor.id !== target.id;
}

/** Admins ban others, never themselves and never another admin (demote first: a deliberate, audited step). */
export function canBan(actor: Who | null, target: Who): boolean {
  return actor !== null && isAdmin(actor) && actor.id !== target.id && !atLeast(target.role, 'ADMIN');
}
