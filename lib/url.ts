// The one "is an http URL" rule for links people enter (discussion links, library references, markdown links).

/**
 * An absolute http(s) URL with a host and without credentials: `javascript:`, `data:` and friends never reach a
 * page (F13), and `https://trusted.example@evil.example` cannot pass for a link to trusted.example.
 */
export function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}
