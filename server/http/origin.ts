// Same-origin checks for state-changing HTTP requests (F14) and for Socket.IO handshakes (F06).
import type { IncomingMessage } from 'node:http';

/** Only an exact allowed origin passes: a missing header, `null` or a look-alike host is refused. */
export function isAllowedOrigin(origin: string | undefined, allowed: string[]): boolean {
  if (!origin || origin === 'null') return false;
  return allowed.includes(origin);
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** True for an http(s) URL on this machine only: localhost, 127.0.0.1 or [::1]. */
/** A listening address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * The other names of a loopback APP_URL (same scheme and port): a new user who opens 127.0.0.1 where the default
 * says localhost is the same person on the same machine, not a cross-site request. Any other APP_URL: none.
 */
export function loopbackAliases(appUrl: string): string[] {
  if (!isLoopbackUrl(appUrl)) return [];
  const { protocol, port } = new URL(appUrl);
  return LOOPBACK_HOSTS.map((host) => `${protocol}//${host}${port ? `:${port}` : ''}`);
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
