// Account use cases. Each checks policy, writes (with its audit entry in the same transaction) and then
// publishes the realtime consequence, so every transport (server action, route, script, test) behaves alike.
import {
  ROLES,
  banUserSchema,
  changeRoleSchema,
  signUpSchema,
  unbanUserSchema,
  updateProfileSchema,
} from '@/lib/users/schema';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { hashPassword, isCommonPassword } from '../auth/password';
import { db, type Prisma } from '../db/client';
import { publishToUser, disconnectUser } from '../realtime/bus';
import { canBan, canChangeRole } from './policy';

export type PublicUser = { id: string; email: string; displayName: string; role: string; timeZone: string };
const publicSelect = { id: true, email: true, displayName: true, role: true, timeZone: true } as const;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002';
}

export async function signUp(raw: unknown): Promise<PublicUser> {
  const input = signUpSchema.parse(raw);
  if (isCommonPassword(input.password)) {
    throw new AppError('validation_error', 'That password is too common. Choose something longer or less predictable.', {
      password: 'That password is too common. Choose something longer or less predictable.',
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, displayName: input.displayName, timeZone: input.timeZone, passwordHash },
      select: publicSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'An account with that email already exists. Try signing in instead.', {
        email: 'An account with that email already exists.',
      });
    }
    throw err;
  }
}

export async function updateProfile(actor: Actor, raw: unknown): Promise<PublicUser> {
  const input = updateProfileSchema.parse(raw);
  const user = await db().user.update({ where: { id: actor.id }, data: input, select: publicSelect });
  publishToUser(actor.id, 'account:changed', { role: user.role as Actor['role'], displayName: user.displayName });
  return user;
}

async function loadTarget(tx: Prisma.TransactionClient, userId: string) {
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, bannedAt: true, email: true } });
  if (!target) throw new AppError('not_found', 'That account no longer exists.');
  return target;
}

export async function changeRole(actor: Actor, raw: unknown): Promise<PublicUser> {
  const input = changeRoleSchema.parse(raw);
  const { demoted, ...user } = await db().$transaction(async (tx) => {
    const target = await loadTarget(tx, input.userId);
    if (!canChangeRole(actor, target)) throw new AppError('forbidden', 'Only admins can change roles, and not their own.');
    if (target.role === input.role) return { ...(await tx.user.findUniqueOrThrow({ where: { id: target.id }, select: publicSelect })), demoted: false };
    const updated = await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: publicSelect });
    await tx.auditEntry.create({
      data: { actorId: actor.id, action: 'user.role_changed', targetType: 'user', targetId: target.id, detail: `${target.role} → ${input.role}` },
    });
    return { ...updated, demoted: ROLES.indexOf(input.role) < ROLES.indexOf(target.role as (typeof ROLES)[number]) };
  });
  publishToUser(user.id, 'account:changed', { role: user.role as Actor['role'], displayName: user.displayName });
  // Their sockets may sit in moderator rooms (where anonymous authors are named): drop them; the client
  // reconnects at once and re-joins with the new role (F10).
  if (demoted) disconnectUser(user.id);
  return user;
}

export async function banUser(actor: Actor, raw: unknown): Promise<PublicUser> {
  const input = banUserSchema.parse(raw);
  const user = await db().$transaction(async (tx) => {
    const target = await loadTarget(tx, input.userId);
    if (!canBan(actor, target as { id: string; role: Actor['role'] })) {
      throw new AppError('forbidden', 'Only admins can ban, and not themselves or another admin.');
    }
    // Bumping sessionVersion ends every session the user has, on every node, even after an unban.
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { bannedAt: target.bannedAt ?? new Date(), banReason: input.reason, sessionVersion: { increment: 1 } },
      select: publicSelect,
    });
    await tx.auditEntry.create({ data: { actorId: actor.id, action: 'user.banned', targetType: 'user', targetId: target.id, reason: input.reason } });
    return updated;
  });
  publishToUser(user.id, 'account:suspended', {});
  disconnectUser(user.id);
  return user;
}

export async function unbanUser(actor: Actor, raw: unknown): Promise<PublicUser> {
  const input = unbanUserSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const target = await loadTarget(tx, input.userId);
    if (!canBan(actor, target as { id: string; role: Actor['role'] })) throw new AppError('forbidden', 'Only admins can lift a ban.');
    const updated = await tx.user.update({ where: { id: target.id }, data: { bannedAt: null, banReason: null }, select: publicSelect });
    await tx.auditEntry.create({ data: { actorId: actor.id, action: 'user.unbanned', targetType: 'user', targetId: target.id } });
    return updated;
  });
}
