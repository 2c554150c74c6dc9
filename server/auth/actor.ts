// Who is asking: the verified session cookie → a fresh user row, re-checked on every request and socket event,
// so a ban, a role change or a bumped sessionVersion takes effect at once.
import { decode } from 'next-auth/jwt';
import type { RoleName } from '@/lib/users/schema';
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
  if (cookies[name]) return cookies[name]!;
  const chunks = Object.keys(cookies)
    .filter((k) => k.startsWith(name + '.') && /^\d+$/.test(k.slice(name.length + 1)))
    .map((k) => Number(k.slice(name.length + 1)))
    .sort((a, b) => a - b);
  if (chunks.length === 0 || chunks.some((n, i) => n !== i)) return null;
  return chunks.map((n) => cookies[`${name}.${n}`]).join('');
}

export type SessionClaims = { userId: string; sessionVersion: number };

/** Verifies and decrypts the token; a tampered, expired or wrong-secret token gives null, never an exception. */
export async function claimsFromToken(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: getConfig().authSecret });
    if (!payload?.sub || typeof payload.sv !== 'number') return null;
    return { userId: payload.sub, sessionVersion: payload.sv };
  } catch {
    return null;
  }
}

/** The current user behind valid claims, or null when gone, banned or signed out everywhere. */
export async function actorFromClaims(claims: SessionClaims | null): Promise<Actor | null> {
  if (!claims) return null;
  const user = await db().user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, displayName: true, role: true, timeZone: true, sessionVersion: true, bannedAt: true },
  });
  if (!user || user.bannedAt || user.sessionVersion !== claims.sessionVersion) return null;
  const { bannedAt: _banned, ...actor } = user;
  return actor;
}

export async function actorFromCookies(cookies: Record<string, string | undefined>): Promise<Actor | null> {
  return actorFromClaims(await claimsFromToken(sessionTokenFrom(cookies)));
}
