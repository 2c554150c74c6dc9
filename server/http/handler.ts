// The HTTP edge in front of Next: security headers, body limits, health and readiness, the client IP stamp,
// the cross-site write guard.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';
import { databaseReachable } from '../db/health';
import { isDraining, track } from '../lifecycle';
import { redisHealth } from '../redis';
import { bodyLimitFor, limitRequestBody } from './body-limit';
import { CLIENT_IP_HEADER, clientIp } from './client-ip';
import { isCrossSiteWrite } from './origin';
import { createSecurityHeaders } from './security-headers';

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Without the database the node can do nothing useful: 503, the load balancer sends people elsewhere. Without
 * Redis (scale mode) it still serves its own sockets and pages, so it stays in rotation (200) and says it is
 * degraded: every node shares the one Redis, and taking them all out would turn an outage of the cluster's
 * messaging into an outage of the site.
 */
function readiness(database: boolean) {
  const redis = redisHealth();
  const status = !database ? 'database_unreachable' : redis.configured && !redis.up ? 'degraded' : 'ready';
  return {
    status,
    database: database ? 'up' : 'down',
    redis: !redis.configured ? 'not_configured' : redis.up ? 'up' : 'down',
    ...(redis.downSince ? { redisDownSince: redis.downSince } : {}),
  };
}

export function createRequestHandler(config: Config, next: NextHandler, state: { migrated: () => boolean }) {
  const securityHeaders = createSecurityHeaders(config);
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    // Every response, this edge's own answers included, carries the headers.
    securityHeaders(req, res);
    // Before anything reads the body: an oversized one is refused, not buffered.
    if (!limitRequestBody(req, res, bodyLimitFor(path))) return;
    if (path === '/api/health') return json(res, 200, { status: 'alive' });
    if (path === '/api/ready') {
      if (isDraining()) return json(res, 503, { status: 'draining' });
      if (!state.migrated()) return json(res, 503, { status: 'migrating' });
      void databaseReachable().then((ok) => json(res, ok ? 200 : 503, readiness(ok)));
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
