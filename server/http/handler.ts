// The HTTP edge in front of Next: health and readiness, the client IP stamp, the cross-site write guard.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import { db } from '../db/client';
import { isDraining, track } from '../lifecycle';
import { CLIENT_IP_HEADER, clientIp } from './client-ip';
import { isCrossSiteWrite } from './origin';

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db().$queryRaw`SELECT 1`.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function createRequestHandler(config: Config, next: NextHandler, state: { migrated: () => boolean }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/health') return json(res, 200, { status: 'alive' });
    if (path === '/api/ready') {
      if (isDraining()) return json(res, 503, { status: 'draining' });
      if (!state.migrated()) return json(res, 503, { status: 'migrating' });
      void databaseReachable().then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database_unreachable' }));
      return;
    }
    if (isCrossSiteWrite(req, config.allowedOrigins)) {
      return json(res, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-site request refused.' } });
    }
    req.headers[CLIENT_IP_HEADER] = clientIp(req, config.trustProxy);
    const finished = new Promise<void>((resolve) => res.once('close', resolve));
    void track(finished);
    next(req, res).catch((err) => {
      console.error('[fireside] request failed', err);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } });
    });
  };
}
