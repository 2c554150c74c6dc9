// Drift: a freshly migrated database of each dialect has exactly the tables, columns and nullability of the
// Prisma models; the migrator is idempotent; the PostgreSQL schema is the derived one; the client works.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempPostgres, skipReason, TEST_POSTGRES_URL, tempSqliteUrl } from '../test/temp-databases';
import { createDb } from './client';
import { listMigrations, migrate, pendingMigrations } from './migrator';
import { derivePostgresSchema, modelShapes, POSTGRES_SCHEMA_PATH, readSqliteSchema, type ModelShape } from './schema-derive';
import { sqliteFilePath } from './urls';

const expected = modelShapes(readSqliteSchema());

function sqliteShape(url: string): ModelShape {
  const conn = new Database(sqliteFilePath(url), { readonly: true });
  const tables = conn
    // search_*: the full-text index (FTS5 tables, their shadow tables and key tables) is not a Prisma model.
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'search\\_%' ESCAPE '\\'`)
    .all() as { name: string }[];
  const shape: ModelShape = {};
  for (const { name } of tables) {
    shape[name] = {};
    for (const col of conn.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[]) {
      shape[name][col.name] = { nullable: !col.notnull && !col.pk };
    }
  }
  conn.close();
  return shape;
}

async function postgresShape(url: string): Promise<ModelShape> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  await c.end();
  const shape: ModelShape = {};
  for (const r of rows) (shape[r.table_name] ??= {})[r.column_name] = { nullable: r.is_nullable === 'YES' };
  return shape;
}

describe('schema', () => {
  it('prisma/schema.postgres.prisma is derived from schema.prisma (run `npm run schema:postgres`)', () => {
    expect(readFileSync(POSTGRES_SCHEMA_PATH, 'utf8')).toBe(derivePostgresSchema(readSqliteSchema()));
  });

  it('both dialects have the same migration names', () => {
    expect(listMigrations('postgresql').map((m) => m.name)).toEqual(listMigrations('sqlite').map((m) => m.name));
  });
});

describe('drift: SQLite', () => {
  const url = tempSqliteUrl();

  it('migrates a fresh database to exactly the Prisma models', async () => {
    expect(await pendingMigrations(url)).toEqual(listMigrations('sqlite').map((m) => m.name));
    const first = await migrate(url);
    expect(first.applied.length).toBe(listMigrations('sqlite').length);
    expect(sqliteShape(url)).toEqual(expected);
    expect(await pendingMigrations(url)).toEqual([]);
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const before = sqliteShape(url);
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: listMigrations('sqlite').length });
    expect(sqliteShape(url)).toEqual(before);
  });

  it('uses WAL, and the Prisma client enforces foreign keys', async () => {
    const conn = new Database(sqliteFilePath(url), { readonly: true });
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    conn.close();
    const client = createDb(url);
    const fk = await client.$queryRaw<{ foreign_keys: bigint | number }[]>`PRAGMA foreign_keys`;
    expect(Number(fk[0].foreign_keys)).toBe(1);
    await expect(client.auditEntry.create({ data: { actorId: 'no-such-user', action: 'x', targetType: 'user', targetId: 'y' } })).rejects.toThrow();
    expect(await client.auditEntry.count()).toBe(0);
    await client.$disconnect();
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const conn = new Database(sqliteFilePath(url));
    conn.prepare(`UPDATE "_prisma_migrations" SET checksum = 'changed'`).run();
    conn.close();
    await expect(migrate(url)).rejects.toThrow(/checksum mismatch/);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)(`drift: PostgreSQL${skipReason('TEST_POSTGRES_URL')}`, () => {
  let db: Awaited<ReturnType<typeof createTempPostgres>>;
  beforeAll(async () => {
    db = await createTempPostgres();
  });
  afterAll(async () => db?.drop());

  it('migrates a fresh database to exactly the Prisma models', async () => {
    const first = await migrate(db.url);
    expect(first.applied.length).toBe(listMigrations('postgresql').length);
    expect(await postgresShape(db.url)).toEqual(expected);
    expect(await pendingMigrations(db.url)).toEqual([]);
  });

  it('is idempotent, also when two nodes migrate at once', async () => {
    const before = await postgresShape(db.url);
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect(a.applied).toEqual([]);
    expect(b.applied).toEqual([]);
    expect(await postgresShape(db.url)).toEqual(before);
  });

  it('the Prisma client works through the pg adapter', async () => {
    const client = createDb(db.url);
    const user = await client.user.create({ data: { email: 'pg@example.org', displayName: 'Pg', passwordHash: 'x', role: 'ELDER' } });
    expect((await client.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('ELDER');
    await client.$disconnect();
  });
});
