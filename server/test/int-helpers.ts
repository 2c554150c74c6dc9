// Helpers for integration tests beyond the harness: calling Next server actions over HTTP exactly as the
// browser does, reading the server's SQLite file read-only, and asserting refused socket handshakes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Result } from '@/lib/result';
import { connectSocket, DEMO_USERS, ROOT, rawRequest, type TestServer } from './harness';

export const SESSION_COOKIE = 'next-auth.session-token';

/** The id Next gave a server action in the current build (`.next/server/server-reference-manifest.json`). */
function actionId(exportedName: string): string {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, v]) => v.exportedName === exportedName);
  if (ids.length !== 1) throw new Error(`server action ${exportedName}: found ${ids.length} ids in the build manifest (run \`npx next build\`)`);
  return ids[0][0];
}

export type ActionResponse<T> = { status: number; body: string; result: Result<T> | null };

/**
 * Calls a server action the way Next's client does: POST to the page with `Next-Action: <id>` and the
 * arguments as a JSON array. `origin: null` sends no Origin header; a string sends that exact value.
 */
export async function callAction<T = unknown>(
  server: Pick<TestServer, 'url'>,
  page: string,
  exportedName: string,
  args: unknown[],
  opts: { cookie?: string; origin?: string | null } = {},
): Promise<ActionResponse<T>> {
  const headers: Record<string, string> = {
    'next-action': actionId(exportedName),
    'content-type': 'text/plain;charset=UTF-8',
    accept: 'text/x-component',
  };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? server.url;
  const res = await rawRequest(server.url + page, { method: 'POST', headers, body: JSON.stringify(args) });
  return { status: res.status, body: res.body, result: res.status === 200 ? parseActionResult<T>(res.body) : null };
}

/** The action's return value from an RSC payload: row 0 is `{"a":"$@<row>"}`, that row holds the value. */
function parseActionResult<T>(body: string): Result<T> | null {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) rows.set(line.slice(0, i), line.slice(i + 1));
  }
  const root = rows.get('0');
  if (!root) return null;
  const ref = (JSON.parse(root) as { a?: string }).a;
  const row = typeof ref === 'string' && ref.startsWith('$@') ? rows.get(ref.slice(2)) : undefined;
  return row ? (JSON.parse(row) as Result<T>) : null;
}

/** Opens the server's SQLite database read-only (WAL lets it read while the server writes). */
export function openDb(server: Pick<TestServer, 'databaseUrl'>): Database.Database {
  return new Database(server.databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true });
}

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  timeZone: string;
  bannedAt: number | null;
  banReason: string | null;
  sessionVersion: number;
};

export function userByEmail(server: Pick<TestServer, 'databaseUrl'>, email: string): UserRow {
  const db = openDb(server);
  try {
    const row = db.prepare('SELECT id, email, displayName, timeZone, bannedAt, banReason, sessionVersion FROM "User" WHERE email = ?').get(email) as
      | UserRow
      | undefined;
    if (!row) throw new Error(`no user ${email}`);
    return row;
  } finally {
    db.close();
  }
}

export type AuditRow = { actorId: string | null; action: string; targetType: string; targetId: string; reason: string | null };

export function auditFor(server: Pick<TestServer, 'databaseUrl'>, targetId: string): AuditRow[] {
  const db = openDb(server);
  try {
    return db
      .prepare('SELECT actorId, action, targetType, targetId, reason FROM "AuditEntry" WHERE targetId = ? ORDER BY at, rowid')
      .all(targetId) as AuditRow[];
  } finally {
    db.close();
  }
}

/** The auth secret the server generated and saved under its data directory. */
export function authSecret(server: Pick<TestServer, 'dataDir'>): string {
  return readFileSync(path.join(server.dataDir, 'auth-secret'), 'utf8').trim();
}

/**
 * Tries a handshake and returns how it ended: the connect_error message, or 'CONNECTED' (the socket is then
 * closed again). Tests assert on this so a connection that should have been refused fails loudly.
 */
export async function handshakeOutcome(server: Pick<TestServer, 'url'>, opts: Parameters<typeof connectSocket>[1]): Promise<string> {
  return connectSocket(server, opts).then(
    (socket) => {
      socket.close();
      return 'CONNECTED';
    },
    (err: Error) => err.message,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The banner every page shows while demo accounts exist (issue 7 item 2). */
export const DEMO_BANNER = 'Demo community: sample accounts, not for real conversations';

/** How many of the demo accounts exist in the server's database. */
export function demoAccountsIn(server: Pick<TestServer, 'databaseUrl'>): number {
  const conn = openDb(server);
  try {
    const emails = DEMO_USERS.map((u) => u.email);
    const row = conn.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE email IN (${emails.map(() => '?').join(',')})`).get(...emails) as { n: number };
    return row.n;
  } finally {
    conn.close();
  }
}
