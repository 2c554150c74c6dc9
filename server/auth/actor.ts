// Who is asking: the verified session cookie → a fresh user row, re-checked on every request and socket event,
// so a ban, a role change, a bumped sessionVersion or a signed-out session id (server/auth/sessions.ts) takes
// effect at once.
import { decode } from 'next-auth/jwt';
import type { RoleName } from '@/lib/users/roles';
import { getConfig } from '../config';
import { db } from '../db/client';

export type Actor = { id: string; email: string; displayName: string; role: RoleName; timeZone: string; sessionVersion: number };

export function sessionCookieName(appUrl = getConfig().appUrl): string {
  return `${appUrl.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
}

/**
 * The session token from a cookie jar, reassembling next-auth's chunked cookies (`name.0`, `name.1`, ...).
 * A missing chunk yields null rather than a truncated token.
 */
export function sessionTokenFrom(cookies: Record<string, string | undefined>, name = sessionCookieName()): string | null {
  const whole = cookies[name];
  if (whole) return whole;
  const chunks = Object.keys(cookies)
    .filter((k) => k.startsWith(`${name}.`) && /^\d+$/.test(k.slice(name.length + 1)))
    .map((k) => Number(k.slice(name.length + 1)))
    .sort((a, b) => a - b);
  if (chunks.length === 0 || chunks.some((n, i) => n !== i)) return null;
  return chunks.map((n) => cookies[`${name}.${n}`]).join('');
}

/** `sid` is the session id set at sign-in; tokens minted before session ids existed have none. */
export type SessionClaims = { userId: string; sessionVersion: number; sid?: string };

/** Verifies and decrypts the token; a tampered, expired or wrong-secret token gives null, never an exception. */
export async function claimsFromToken(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: getConfig().authSecret });
    if (!payload?.sub || typeof payload.sv !== 'number') return null;
    return { userId: payload.sub, sessionVersion: payload.sv, ...(typeof payload.sid === 'string' && payload.sid ? { sid: payload.sid } : {}) };
  } catch {
    return null;
  }
}

/** The current user behind valid claims, or null when gone, banned, signed out everywhere or this session signed out. */
export async function actorFromClaims(claims: SessionClaims | null): Promise<Actor | null> {
  if (!claims) return null;
  const user = await db().user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      timeZone: true,
      sessionVersion: true,
      bannedAt: true,
      // Read with the user in one query: is this very session signed out? (Never an unfiltered relation read.)
      revokedSessions: { where: { id: claims.sid ?? '' }, select: { id: true }, take: 1 },
    },
  });
  if (!user || user.bannedAt || user.sessionVersion !== claims.sessionVersion || user.revokedSessions.length > 0) return null;
  const { bannedAt: _banned, revokedSessions: _revoked, ...actor } = user;
  return actor;
}

export async function actorFromCookies(cookies: Record<string, string | undefined>): Promise<Actor | null> {
  return actorFromClaims(await claimsFromToken(sessionTokenFrom(cookies)));
}
