// Hardened responses in the browser (issue 7 items 2 and 8): every page (app/**/page.tsx, with the role it needs)
// loads and hydrates under the Content-Security-Policy with no violation in the console, carries the security
// headers, keeps Socket.IO working, and shows the demo banner while the demo accounts exist (the e2e server
// seeds them: its APP_URL is a loopback address).
import type { Page, Response } from '@playwright/test';
import { expect, type TestUser, test, waitForRealtime } from './fixtures';

const BANNER = 'Demo community: sample accounts, not for real conversations';

type Who = 'anonymous' | 'member' | 'admin';
type Visit = { path: string; as: Who };

/** Collects CSP violations from the console and from `securitypolicyviolation` events of every document. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(msg.text())) seen.push(`console: ${msg.text()}`);
  });
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => void seen.push(`event: ${text}`));
  // Init scripts are injected by the browser driver, outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return seen;
}

/** Resolves once React has hydrated the page (main sits inside a client component): scripts ran under the CSP. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
  });
}

function expectSecurityHeaders(res: Response | null, path: string) {
  expect(res, path).not.toBeNull();
  const h = res!.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, path).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/_-]+={0,2}'/);
  expect(csp, path).toContain("object-src 'none'");
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("base-uri 'self'");
  expect(h['x-content-type-options'], path).toBe('nosniff');
  expect(h['referrer-policy'], path).toBeTruthy();
  expect(h['permissions-policy'], path).toBeTruthy();
  // The e2e server is plain http: no HSTS.
  expect(h['strict-transport-security'], path).toBeUndefined();
}

test('every page loads under the CSP without a violation, with the security headers and the demo banner', async ({
  db,
  makeUser,
  signedInPage,
  anonymousPage,
}) => {
  test.setTimeout(180_000);
  // A seeded public discussion: other specs create members-only and cancelled ones, which a visitor may not open.
  const discussion = await db.discussion.findFirstOrThrow({
    where: { visibility: 'PUBLIC', status: { in: ['SCHEDULED', 'LIVE'] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  const article = await db.article.findFirstOrThrow({ select: { slug: true } });
  const d = `/discussions/${discussion.id}`;
  const a = `/library/${article.slug}`;

  // Every route in app/**/page.tsx (plus search results and a missing page), as someone allowed to see it.
  const visits: Visit[] = [
    ...['/', '/signin', '/signup', '/library', a, '/discussions', '/discussions/calendar', d, '/search?q=healing', '/support', '/no-such-page'].map((path) => ({
      path,
      as: 'anonymous' as const,
    })),
    ...['/', '/profile', '/notifications', d, `${d}/live`, '/discussions/calendar', a].map((path) => ({ path, as: 'member' as const })),
    ...[
      '/admin/users',
      '/admin/audit',
      '/admin/moderation',
      '/admin/care',
      `${d}/moderate`,
      `${d}/audit`,
      '/discussions/new',
      `${d}/edit`,
      '/library/new',
      `${a}/edit`,
      `${d}/live`,
      '/profile',
    ].map((path) => ({
      path,
      as: 'admin' as const,
    })),
  ];

  const users: Record<Exclude<Who, 'anonymous'>, TestUser> = {
    member: await makeUser({ role: 'MEMBER' }),
    admin: await makeUser({ role: 'ADMIN' }),
  };
  const pages: Record<Who, Page> = {
    anonymous: (await anonymousPage()).page,
    member: (await signedInPage(users.member)).page,
    admin: (await signedInPage(users.admin)).page,
  };
  const violations: Record<Who, string[]> = {
    anonymous: await watchCsp(pages.anonymous),
    member: await watchCsp(pages.member),
    admin: await watchCsp(pages.admin),
  };

  for (const visit of visits) {
    const page = pages[visit.as];
    const res = await page.goto(visit.path);
    expectSecurityHeaders(res, visit.path);
    expect(res!.status(), visit.path).toBe(visit.path === '/no-such-page' ? 404 : 200);
    await waitForHydration(page);
    // Signed in, the realtime provider opens a WebSocket to the same origin: connect-src must allow it.
    if (visit.as !== 'anonymous') await waitForRealtime(page);
    await expect(page.getByTestId('demo-banner'), visit.path).toHaveText(BANNER);
    expect(violations[visit.as], `${visit.as} ${visit.path}`).toEqual([]);
  }
});

test('an inline script in the page without the nonce is blocked and reported (the walk above can fail)', async ({ anonymousPage }) => {
  const { page } = await anonymousPage();
  const seen = await watchCsp(page);
  // As if an injection reached the HTML: the server's own response (and CSP header), one script tag added.
  await page.route('**/signin', async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace('</body>', '<script>window.__injected = true</script></body>');
    await route.fulfill({ response: res, body: html });
  });
  await page.goto('/signin');
  await waitForHydration(page);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  await expect.poll(() => seen.length).toBeGreaterThan(0);
});
