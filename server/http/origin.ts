// Same-origin checks for state-changing HTTP requests (F14) and for Socket.IO handshakes (F06).
import type { IncomingMessage } from 'node:http';

/** Only an exact allowed origin passes: a missing header, `null` or a look-alike host is refused. */
export function isAllowedOrigin(origin: string | undefined, allowed: string[]): boolean {
  if (!origin || origin === 'null') return false;
  return allowed.includes(origin);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Unsafe methods (server actions, sign-in/out, API writes) must come from one of our own pages. Browsers send
 * Origin on every POST; a request without one is treated as cross-site.
 */
export function isCrossSiteWrite(req: IncomingMessage, allowed: string[]): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false;
  return !isAllowedOrigin(req.headers.origin, allowed);
}
