// Reads about accounts, returning view models (never password hashes).

import { AppError } from '@/lib/result';
import { searchUsersSchema } from '@/lib/users/schema';
import type { Actor } from '../auth/actor';
import { getConfig } from '../config';
import { db } from '../db/client';
import { canManageUsers } from './policy';

const USERS_PAGE_SIZE = 25;

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  role: Actor['role'];
  bannedAt: Date | null;
  banReason: string | null;
  createdAt: Date;
};

export async function searchUsers(actor: Actor, raw: unknown): Promise<{ users: UserRow[]; total: number; page: number; pages: number }> {
  if (!canManageUsers(actor)) throw new AppError('forbidden', 'Only admins can list accounts.');
  const { q, page } = searchUsersSchema.parse(raw);
  const term = q.trim();
  // Emails are stored lower-case. SQLite's LIKE is case-insensitive already; PostgreSQL needs `mode`, which
  // the SQLite-typed client does not know, hence the spread.
  const insensitive = getConfig().dialect === 'postgresql' ? ({ mode: 'insensitive' } as object) : {};
  const where = term ? { OR: [{ email: { contains: term.toLowerCase() } }, { displayName: { contains: term, ...insensitive } }] } : {};
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, displayName: true, role: true, bannedAt: true, banReason: true, createdAt: true },
    }),
    db().user.count({ where }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/** The profile setting "Always show content behind warnings" (User.showWarnedContent; set by setShowWarnedContent). */
export async function showsWarnedContent(actor: Pick<Actor, 'id'>): Promise<boolean> {
  const u = await db().user.findUnique({ where: { id: actor.id }, select: { showWarnedContent: true } });
  return u?.showWarnedContent ?? false;
}
