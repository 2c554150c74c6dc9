// Sessions you can end: each session token carries its own id (`sid`, chosen at sign-in); signing out records
// that id as revoked until the token could have expired anyway, and actorFromClaims refuses it from then on
// (pages, server actions, socket handshakes and every socket event). Expired rows are pruned on an interval.
import { randomBytes } from 'node:crypto';
import { db } from '../db/client';
import { disconnectSession, disconnectUser } from '../realtime/bus';
import { type RecurringJob, startRecurringJob } from '../runtime';
import { claimsFromToken, sessionTokenFrom } from './actor';

/** How long a session token lives (next-auth's maxAge); refreshing it moves its expiry to now + this. */
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** A fresh session id for the token minted at sign-in (128 random bits). */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

export async function isSessionRevoked(sid: string): Promise<boolean> {
  return (await db().revokedSession.count({ where: { id: sid } })) > 0;
}

/**
 * Ends one session: its id is refused from now on. The row lives for a full session lifetime from now: a
 * copy of the cookie refreshed just before sign-out expires no later than that, and a revoked token is never
 * refreshed again (the jwt callback refuses it), so pruning the row afterwards cannot bring the token back.
 * The session's open sockets, on every node, are dropped at once rather than at their next event.
 */
export async function revokeSession(claims: { sid: string; userId: string }, now = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  const user = await db().user.findUnique({ where: { id: claims.userId }, select: { id: true } });
  if (!user) return; // an account that is gone has no session to end
  await db().revokedSession.upsert({
    where: { id: claims.sid },
    create: { id: claims.sid, userId: claims.userId, expiresAt },
    update: { expiresAt },
  });
  disconnectSession(claims.userId, claims.sid);
}

/**
 * What sign-out does with the session token of the request (revokeThenSignOut). A token from before session ids
 * existed cannot be revoked alone, so it ends every session of that account (sessionVersion) instead.
 */
export async function revokeSignedOutToken(token: { sub?: unknown; sid?: unknown } | null | undefined): Promise<void> {
  if (!token || typeof token.sub !== 'string') return;
  if (typeof token.sid === 'string' && token.sid) return revokeSession({ sid: token.sid, userId: token.sub });
  await db().user.updateMany({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
  disconnectUser(token.sub);
}

function requestCookies(req: Request): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return jar;
}

/**
 * POST /api/auth/signout: revokes the request's session first, and only then lets next-auth clear the cookie
 * (`signOut`). next-auth 4 catches an error thrown in events.signOut, only logs it and clears the cookie anyway,
 * so a failed revocation would leave a copied cookie working while the person believes they are signed out.
 * Here it answers 503 and clears nothing: the person still sees themselves signed in and can try again.
 */
export async function revokeThenSignOut(req: Request, signOut: () => Promise<Response>): Promise<Response> {
  try {
    const claims = await claimsFromToken(sessionTokenFrom(requestCookies(req)));
    if (claims) await revokeSignedOutToken({ sub: claims.userId, sid: claims.sid });
  } catch (err) {
    console.error('[auth] sign-out could not revoke the session; nothing cleared', err);
    return Response.json(
      { error: { code: 'unavailable', message: 'Signing out failed because of a problem on the server. You are still signed in; please try again.' } },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
  return signOut();
}

/** Deletes revoked-session rows whose tokens have expired; returns how many. */
export async function pruneRevokedSessions(now = new Date()): Promise<number> {
  const { count } = await db().revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/** Prunes now and then every hour; idempotent, so every node may run it. */
export function startSessionPruner(opts: { intervalMs?: number } = {}): RecurringJob {
  return startRecurringJob('revoked-session pruner', opts.intervalMs ?? PRUNE_INTERVAL_MS, pruneRevokedSessions);
}
