// The client's IP as the custom server sees it, stamped on every request for code that only gets headers
// (next-auth's authorize). An incoming header of the same name is always overwritten, so it cannot be spoofed.
import type { IncomingMessage } from 'node:http';

export const CLIENT_IP_HEADER = 'x-fireside-client-ip';

const bare = (ip: string) => ip.trim().replace(/^::ffff:/, '');

/**
 * `trustedProxies` (TRUST_PROXY) is how many proxies of ours stand in front of the server. Each appends the
 * address it received from to X-Forwarded-For, so the client is the Nth entry from the right; everything left
 * of it was written by the client and is ignored. With fewer entries than proxies (a request that skipped
 * one), the leftmost entry is the furthest address any of our proxies saw; with none, the socket's address.
 */
export function clientIp(req: IncomingMessage, trustedProxies: number): string {
  const remote = bare(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies <= 0) return remote;
  const xff = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return remote;
  return bare(entries[Math.max(0, entries.length - trustedProxies)]);
}
