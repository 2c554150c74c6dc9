// Who may do what in the Healing Library. Pure functions, unit-tested without a database.
import { atLeast, type RoleName } from '@/lib/users/roles';

type Who = { id: string; role: RoleName };

/** Elders write and review the library; admins may step in. Members and facilitators read. */
export function canEditArticles(actor: Who | null): boolean {
  return atLeast(actor?.role, 'ELDER');
}

/** Modalities are the library's top-level grouping: the same people who write articles may add one. */
export function canCreateModalities(actor: Who | null): boolean {
  return canEditArticles(actor);
}
