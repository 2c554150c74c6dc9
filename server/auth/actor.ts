// Who is asking: the verified session cookie → a fresh user row, re-checked on every request and socket event,
// so a ban, a role change, a bumped sessionVersion or a signed-out session id (server/auth/sessions.ts) takes
// effect at once. Socket events may use a read up to RECENT_ACTOR_MS old (recentActorFromClaims): every change
// made through the app forgets it at once on every node (forgetActor, through server/realtime/bus.ts).
import { decode } from 'next-auth/jwt';
import { setBounded } from '@/lib/bounded-map';
import type { RoleName } from '@/lib/users/roles';
import { getConfig } from '../config';
import { db } from '../db/client';
import { processSingleton } from '../runtime';

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

/** Decrypted tokens kept (a token is a secret of its own): a page load opens a socket with the cookie it was served with. */
const DECODED_TOKENS_KEPT = 10_000;
const decoded = () => processSingleton('decoded-tokens', () => new Map<string, { claims: SessionClaims; expiresAt: number }>());

/**
 * Verifies and decrypts the token; a tampered, expired or wrong-secret token gives null, never an exception.
 * Decryption derives a key each time (HKDF) and is the handshake's costliest step, so a valid token's claims are
 * kept until it expires: the same token always decrypts to the same claims, and what they grant is checked
 * against the database (actorFromClaims), not here.
 */
export async function claimsFromToken(token: string | null): Promise<SessionClaims | null> {
  if (!token) return null;
  const kept = decoded().get(token);
  if (kept && kept.expiresAt > Date.now()) return kept.claims;
  try {
    const payload = await decode({ token, secret: getConfig().authSecret });
    if (!payload?.sub || typeof payload.sv !== 'number') return null;
    const claims = { userId: payload.sub, sessionVersion: payload.sv, ...(typeof payload.sid === 'string' && payload.sid ? { sid: payload.sid } : {}) };
    if (typeof payload.exp === 'number') setBounded(decoded(), token, { claims, expiresAt: payload.exp * 1000 }, DECODED_TOKENS_KEPT);
    return claims;
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

/** How old an identity read a socket event may rely on; the app's own changes forget it at once (forgetActor). */
const RECENT_ACTOR_MS = 5_000;
const RECENT_ACTORS_KEPT = 20_000;
type Recent = { actor: Actor; userId: string; until: number };
const recent = () => processSingleton('recent-actors', () => ({ byClaims: new Map<string, Recent>(), forgets: 0 }));

/**
 * actorFromClaims for socket events (the handshake and each event after it): the same answer, read from the
 * database at most RECENT_ACTOR_MS ago. Only a person who may act is kept; a refusal is never kept.
 */
export async function recentActorFromClaims(claims: SessionClaims | null): Promise<Actor | null> {
  if (!claims) return null;
  const r = recent();
  const key = `${claims.userId}\u0000${claims.sessionVersion}\u0000${claims.sid ?? ''}`;
  const hit = r.byClaims.get(key);
  if (hit && hit.until > Date.now()) return hit.actor;
  const forgets = r.forgets;
  const actor = await actorFromClaims(claims);
  // A change committed while this read ran may be older than the read's answer: keep nothing then.
  if (actor && r.forgets === forgets) setBounded(r.byClaims, key, { actor, userId: claims.userId, until: Date.now() + RECENT_ACTOR_MS }, RECENT_ACTORS_KEPT);
  return actor;
}

/** On this node: the next socket event of this person reads them from the database (a ban, sign-out, role or profile change). */
export function forgetActor(userId: string) {
  const r = recent();
  r.forgets++;
  for (const [key, entry] of r.byClaims) if (entry.userId === userId) r.byClaims.delete(key);
}

export async function actorFromCookies(cookies: Record<string, string | undefined>): Promise<Actor | null> {
  return actorFromClaims(await claimsFromToken(sessionTokenFrom(cookies)));
}
