// The security headers of every response, set by the HTTP edge before Next (or the edge itself) answers.
// The custom server is the one place every response passes through, so no Next proxy is needed: it stamps a
// fresh nonce per request into the request's Content-Security-Policy header, which is where Next's renderer
// reads the nonce it puts on its own <script> tags (every page is rendered per request, see the layout).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

type HeaderConfig = Pick<Config, 'appUrl' | 'allowedOrigins' | 'nodeEnv'>;

/** The Content-Security-Policy for one response. */
export function contentSecurityPolicy(config: HeaderConfig, nonce: string): string {
  const https = new URL(config.appUrl).protocol === 'https:';
  // 'self' covers same-origin WebSockets in current browsers; the explicit ws(s) origins cover older ones.
  // CSP has no syntax for IPv6 literals ([::1]): Chromium reports such a source as invalid, so it is left out.
  const sockets = config.allowedOrigins.filter((o) => !o.includes('[')).map((o) => o.replace(/^http/, 'ws'));
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Scripts only with this response's nonce; what they load is trusted through them ('strict-dynamic').
    // Development (next dev) evaluates modules for hot reloading.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(config.nodeEnv === 'development' ? ["'unsafe-eval'"] : [])],
    // React and Next write style attributes and Next's built-in error pages carry an inline <style>; styles
    // cannot run code, so inline styles are allowed (a nonce here would switch 'unsafe-inline' off).
    ['style-src', "'self'", "'unsafe-inline'"],
    // No third-party images (markdown images are not loaded at all): a request to another site would tell it
    // who reads what here.
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...sockets],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ...(https ? ([['upgrade-insecure-requests']] as [string][]) : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The edge's header stamp: sets every response's security headers and a fresh nonce per request. A
 * Content-Security-Policy header sent by the client is replaced, so nobody can choose the nonce Next puts on
 * the page.
 */
export function createSecurityHeaders(config: HeaderConfig) {
  // HSTS only over https: on a plain-http address browsers ignore it anyway.
  const hsts = new URL(config.appUrl).protocol === 'https:' ? 'max-age=31536000; includeSubDomains' : null;
  return (req: IncomingMessage, res: ServerResponse) => {
    const csp = contentSecurityPolicy(config, randomBytes(16).toString('base64'));
    req.headers['content-security-policy'] = csp;
    delete req.headers['content-security-policy-report-only'];
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    // For older browsers that do not know frame-ancestors.
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  };
}
