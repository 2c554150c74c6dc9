// The client's IP as the custom server sees it, stamped on every request for code that only gets headers
// (next-auth's authorize). An incoming header of the same name is always overwritten, so it cannot be spoofed.
import type { IncomingMessage } from 'node:http';

export const CLIENT_IP_HEADER = 'x-fireside-client-ip';

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}
