// Where to send someone after sign-in (or sign-out): only ever a page of this site (issue 7, item 3).
// One helper for every reader of a callback URL: next-auth's redirect callback and the sign-in page/form.

/**
 * The same-origin path (path, query, hash) that `callbackUrl` resolves to against `origin`, or `/` when it
 * resolves anywhere else. Resolving with the WHATWG URL parser, as browsers do, is the point: prefix checks
 * miss `/\evil.example`, `/%09/evil` (tab stripped) and friends, which browsers treat as `//evil.example`.
 */
export function safeCallbackPath(callbackUrl: unknown, origin: string): string {
  if (typeof callbackUrl !== 'string' || callbackUrl === '') return '/';
  let own: URL;
  let target: URL;
  try {
    own = new URL(origin);
    target = new URL(callbackUrl, own);
  } catch {
    return '/';
  }
  if (target.origin !== own.origin) return '/';
  // A path that itself starts with `//` would read as another host once used as a relative URL.
  return `/${target.pathname.replace(/^\/+/, '')}${target.search}${target.hash}`;
}

/** The absolute URL on `origin` for a callback, `origin/` when it is not on this site. */
export function safeCallbackUrl(callbackUrl: unknown, origin: string): string {
  return new URL(safeCallbackPath(callbackUrl, origin), origin).href;
}
