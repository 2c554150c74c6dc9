// Account use cases. Each checks policy, writes (with its audit entry in the same transaction) and then
// publishes the realtime consequence, so every transport (server action, route, script, test) behaves alike.

import { AppError } from '@/lib/result';
import { nameKey } from '@/lib/users/display-name';
import { atLeast, type RoleName } from '@/lib/users/roles';
import {
  banUserSchema,
  changePasswordSchema,
  changeRoleSchema,
  createAdminSchema,
  setShowWarnedContentSchema,
  signUpSchema,
  unbanUserSchema,
  updateProfileSchema,
} from '@/lib/users/schema';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { hashPassword, isCommonPassword, verifyPassword } from '../auth/password';
import { admitPasswordCheck, settlePasswordCheck } from '../auth/throttle';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { limiter } from '../rate-limit';
import { disconnectUser, forgetActorEverywhere, publishToUser } from '../realtime/bus';
import { canBan, canChangeRole } from './policy';

export type PublicUser = { id: string; email: string; displayName: string; role: string; timeZone: string };
const publicSelect = { id: true, email: true, displayName: true, role: true, timeZone: true } as const;

/** Whether a unique violation is on User.nameKey. */
const isNameKeyViolation = (err: unknown) => isUniqueViolation(err, 'nameKey');

const NAME_TAKEN = 'Another member already has that display name, or one that looks just like it. Please choose another.';
const nameTaken = () => new AppError('conflict', NAME_TAKEN, { displayName: NAME_TAKEN });

function refuseCommonPassword(password: string, field: string) {
  if (isCommonPassword(password)) {
    const message = 'That password is too common. Choose something longer or less predictable.';
    throw new AppError('validation_error', message, { [field]: message });
  }
}

// Issue 7: at most 5 new accounts an hour from one IP. A sign-up that fails only because the name is taken
// gives its point back (the person just picks another name); an email already registered keeps it, which also
// slows down probing which emails have accounts.
const SIGN_UPS_PER_IP_PER_HOUR = 5;

export async function signUp(raw: unknown, opts: { ip: string }): Promise<PublicUser> {
  const input = signUpSchema.parse(raw);
  refuseCommonPassword(input.password, 'password');
  const signUps = limiter('signup:ip', SIGN_UPS_PER_IP_PER_HOUR, 3600);
  try {
    await signUps.consume(opts.ip);
  } catch (res) {
    if (res instanceof Error) throw res;
    const minutes = Math.max(1, Math.ceil(((res as { msBeforeNext?: number }).msBeforeNext ?? 3_600_000) / 60_000));
    throw new AppError(
      'rate_limited',
      `Too many new accounts from your network in the last hour. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, displayName: input.displayName, nameKey: nameKey(input.displayName), timeZone: input.timeZone, passwordHash },
      select: publicSelect,
    });
  } catch (err) {
    if (isNameKeyViolation(err)) {
      await signUps.reward(opts.ip, 1).catch(() => {});
      throw nameTaken();
    }
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
  let user: PublicUser;
  try {
    // The unique index decides a race between two members taking the same name at once.
    user = await db().user.update({ where: { id: actor.id }, data: { ...input, nameKey: nameKey(input.displayName) }, select: publicSelect });
  } catch (err) {
    if (isNameKeyViolation(err)) throw nameTaken();
    throw err;
  }
  forgetActorEverywhere(actor.id);
  publishToUser(actor.id, 'account:changed', { role: user.role as Actor['role'], displayName: user.displayName });
  return user;
}

/** "Always show content behind warnings": the live room then shows warned questions unblurred (issue 10 item 3). */
export async function setShowWarnedContent(actor: Actor, raw: unknown): Promise<{ showWarnedContent: boolean }> {
  const input = setShowWarnedContentSchema.parse(raw);
  return db().user.update({ where: { id: actor.id }, data: input, select: { showWarnedContent: true } });
}

/**
 * Ends every session of the account, this browser's too (sessionVersion is in every token), and drops its
 * sockets on every node. The browser then signs out and is asked to sign in again.
 */
export async function signOutEverywhere(actor: Actor): Promise<{ signedOut: true }> {
  await db().user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
  disconnectUser(actor.id);
  return { signedOut: true };
}

const waitText = (seconds: number) => (seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`);

/**
 * Changes the password: the current one is required, the new one follows the sign-up rules. Every session ends,
 * this one included (a stolen session must not survive the owner changing the password); the browser is
 * asked to sign in again with the new password.
 */
export async function changePassword(actor: Actor, raw: unknown): Promise<{ signedOut: true }> {
  const input = changePasswordSchema.parse(raw);
  refuseCommonPassword(input.newPassword, 'newPassword');
  // Throttled like sign-in (the account's delay, keyed on its email) plus a small budget of its own: a stolen
  // cookie must not buy unlimited guesses at the current password.
  const admission = await admitPasswordCheck(actor.id, actor.email);
  if (!admission.ok) {
    const wait = waitText(admission.waitSeconds);
    const message = `Too many wrong current passwords. Please try again in ${wait}.`;
    throw new AppError('rate_limited', message, { currentPassword: message });
  }
  let outcome: 'succeeded' | 'failed' | null = null;
  try {
    const user = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      outcome = 'failed';
      const message = 'That is not your current password.';
      throw new AppError('validation_error', message, { currentPassword: message });
    }
    outcome = 'succeeded';
  } finally {
    await settlePasswordCheck(actor.id, actor.email, outcome);
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Only if nothing changed the account meanwhile (the version we verified against is still the current one).
  const { count } = await db().user.updateMany({
    where: { id: actor.id, sessionVersion: actor.sessionVersion, bannedAt: null },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count !== 1) throw new AppError('unauthenticated', 'Your session has ended. Please sign in again.');
  disconnectUser(actor.id);
  return { signedOut: true };
}

/**
 * Gives every user without a folded name key one (accounts from before keys existed). When two older names fold
 * to the same key, the first account met keeps it and the other keeps none until its owner saves a name that is
 * free. Idempotent; called at start-up (server/app.ts).
 */
export async function backfillNameKeys(): Promise<number> {
  let filled = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await db().user.findMany({
      where: { nameKey: null, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true, displayName: true },
      take: 500,
    });
    if (!batch.length) return filled;
    cursor = batch[batch.length - 1].id;
    for (const u of batch) {
      try {
        await db().user.update({ where: { id: u.id }, data: { nameKey: nameKey(u.displayName) } });
        filled++;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }
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
    await recordAudit(tx, actor, {
      action: 'user.role_changed',
      target: { type: 'user', id: target.id },
      detail: { from: target.role as Actor['role'], to: input.role },
    });
    return { ...updated, demoted: !atLeast(input.role, target.role as RoleName) };
  });
  forgetActorEverywhere(user.id);
  publishToUser(user.id, 'account:changed', { role: user.role as Actor['role'], displayName: user.displayName });
  // Their sockets may sit in moderator rooms (where anonymous authors are named): drop them; the client
  // reconnects at once and re-joins with the new role (F10).
  if (demoted) disconnectUser(user.id);
  return user;
}

/**
 * Makes the first admin of a deployment, or makes an existing account (same email) admin: its password is
 * replaced, a ban lifted and every session ended. Only `npm run admin:create` calls it: the operator's shell is
 * the authority, so there is no actor (the audit entry's actor is null). Never expose it to a web transport.
 */
export async function createAdmin(raw: unknown): Promise<{ id: string; email: string }> {
  const input = createAdminSchema.parse(raw);
  refuseCommonPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.upsert({
        where: { email: input.email },
        create: { email: input.email, displayName: input.displayName, nameKey: nameKey(input.displayName), passwordHash, role: 'ADMIN' },
        update: { role: 'ADMIN', passwordHash, bannedAt: null, banReason: null, sessionVersion: { increment: 1 } },
        select: { id: true, email: true },
      });
      await recordAudit(tx, null, { action: 'user.admin_created', target: { type: 'user', id: user.id }, detail: { via: 'npm run admin:create' } });
      return user;
    });
  } catch (err) {
    if (isNameKeyViolation(err)) throw nameTaken();
    throw err;
  }
}

/** `discussionId`: the discussion whose console the ban came from (its hosts then read it in that log and feed). */
export async function banUser(actor: Actor, raw: unknown, discussionId?: string): Promise<PublicUser> {
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
    await recordAudit(tx, actor, { action: 'user.banned', target: { type: 'user', id: target.id }, reason: input.reason }, discussionId);
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
    await recordAudit(tx, actor, { action: 'user.unbanned', target: { type: 'user', id: target.id } });
    return updated;
  });
}
