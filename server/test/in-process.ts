// For command-level tests: point this process's config and Prisma client at a fresh, migrated database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { RoleName } from '@/lib/users/roles';
import type { Actor } from '../auth/actor';
import { parseConfig, setConfig } from '../config';
import { closeDb, db } from '../db/client';
import { migrate } from '../db/migrator';
import type { TestDialect } from './temp-databases';

export async function useFreshDatabase(databaseUrl: string, env: Record<string, string> = {}) {
  await closeDb();
  setConfig(parseConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fireside-ip-')), DATABASE_URL: databaseUrl, ...env }));
  await migrate(databaseUrl);
  return db();
}

let n = 0;
/** A user row plus the Actor the auth layer would build for it. Every call gets its own email, named or not. */
export async function makeActor(role: RoleName = 'MEMBER', name?: string): Promise<Actor> {
  const i = ++n;
  const u = await db().user.create({
    data: { email: `${role.toLowerCase()}${i}-${Date.now()}@example.org`, displayName: name ?? `${role.toLowerCase()} ${i}`, passwordHash: 'x', role },
  });
  return { id: u.id, email: u.email, displayName: u.displayName, role: u.role as RoleName, timeZone: u.timeZone, sessionVersion: u.sessionVersion };
}

/** For a describe block: a fresh migrated database of one dialect before its tests, dropped after them. */
export function useDialectDatabase(make: TestDialect['make'], env: Record<string, string> = {}) {
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const d = await make();
    drop = d.drop;
    await useFreshDatabase(d.url, env);
  });
  afterAll(async () => {
    await closeDb();
    await drop();
  });
}
