// Drift: a freshly migrated database of each dialect has exactly the tables, columns and nullability of the
// Prisma models, and exactly their primary keys, unique indexes and foreign keys (with ON DELETE / ON UPDATE);
// the migrator is idempotent; the PostgreSQL schema is the derived one; the client works.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  derivePostgresSchema,
  keyLine,
  type ModelKeys,
  type ModelShape,
  modelKeys,
  modelShapes,
  POSTGRES_SCHEMA_PATH,
  readSqliteSchema,
} from '../../scripts/schema-derive';
import { createTempPostgres, skipReason, TEST_POSTGRES_URL, tempSqliteUrl } from '../test/temp-databases';
import { createDb } from './client';
import { listMigrations, migrate, pendingMigrations } from './migrator';
import { sqliteFilePath } from './urls';

const expected = modelShapes(readSqliteSchema());
const expectedKeys = modelKeys(readSqliteSchema());

function sqliteTables(conn: Database.Database): string[] {
  return (
    (
      conn
        // search_*: the full-text index (FTS5 tables, their shadow tables and key tables) is not a Prisma model.
        .prepare(
          `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND name NOT LIKE 'search\\_%' ESCAPE '\\'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name)
  );
}

function sqliteShape(url: string): ModelShape {
  const conn = new Database(sqliteFilePath(url), { readonly: true });
  const shape: ModelShape = {};
  for (const name of sqliteTables(conn)) {
    shape[name] = {};
    for (const col of conn.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[]) {
      shape[name][col.name] = { nullable: !col.notnull && !col.pk };
    }
  }
  conn.close();
  return shape;
}

function sqliteKeys(url: string): ModelKeys {
  const conn = new Database(sqliteFilePath(url), { readonly: true });
  const keys: ModelKeys = {};
  for (const table of sqliteTables(conn)) {
    const lines: string[] = [];
    const columns = conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (pk.length) lines.push(keyLine.primary(pk.map((c) => c.name)));
    // origin 'pk' is the primary key's own index, already listed from table_info.
    for (const index of conn.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string; partial: number }[]) {
      if (!index.unique || index.origin === 'pk') continue;
      const cols = (conn.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string | null }[]).sort((a, b) => a.seqno - b.seqno);
      lines.push(
        keyLine.unique(
          cols.map((c) => c.name ?? '<expression>'),
          index.partial === 1,
        ),
      );
    }
    const fks = new Map<number, { table: string; from: string; to: string; on_delete: string; on_update: string; seq: number }[]>();
    for (const fk of conn.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
      on_update: string;
    }[]) {
      fks.set(fk.id, [...(fks.get(fk.id) ?? []), fk]);
    }
    for (const parts of fks.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      lines.push(
        keyLine.foreign(
          parts.map((p) => p.from),
          parts[0].table,
          parts.map((p) => p.to),
          parts[0].on_delete,
          parts[0].on_update,
        ),
      );
    }
    keys[table] = lines.sort();
  }
  conn.close();
  return keys;
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
  for (const r of rows) shape[r.table_name] = { ...shape[r.table_name], [r.column_name]: { nullable: r.is_nullable === 'YES' } };
  return shape;
}

// pg_constraint's one-letter referential actions.
const PG_ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function postgresKeys(url: string): Promise<ModelKeys> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Column lists in key order; an expression index column (attnum 0) shows as NULL.
  const indexes = await c.query<{ table: string; primary: boolean; partial: boolean; columns: (string | null)[] }>(
    `SELECT t.relname AS table, i.indisprimary AS primary, i.indpred IS NOT NULL AS partial,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND i.indisunique AND t.relname <> '_prisma_migrations'`,
  );
  const fks = await c.query<{ table: string; references: string; on_delete: string; on_update: string; columns: string[]; referenced: string[] }>(
    `SELECT t.relname AS table, r.relname AS references, k.confdeltype AS on_delete, k.confupdtype AS on_update,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS x(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS x(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.ord) AS referenced
     FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE n.nspname = 'public' AND k.contype = 'f'`,
  );
  const tables = await c.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  await c.end();
  const keys: ModelKeys = Object.fromEntries(tables.rows.map((t) => [t.table_name, [] as string[]]));
  const add = (table: string, line: string) => {
    keys[table] = [...(keys[table] ?? []), line];
  };
  for (const i of indexes.rows) {
    const columns = i.columns.map((col) => col ?? '<expression>');
    add(i.table, i.primary ? keyLine.primary(columns) : keyLine.unique(columns, i.partial));
  }
  for (const f of fks.rows) {
    add(f.table, keyLine.foreign(f.columns, f.references, f.referenced, PG_ACTIONS[f.on_delete] ?? f.on_delete, PG_ACTIONS[f.on_update] ?? f.on_update));
  }
  for (const lines of Object.values(keys)) lines.sort();
  return keys;
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

  it('has exactly the primary keys, unique indexes and foreign keys (with ON DELETE) of the Prisma models', () => {
    expect(sqliteKeys(url)).toEqual(expectedKeys);
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const before = sqliteShape(url);
    const keysBefore = sqliteKeys(url);
    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: listMigrations('sqlite').length });
    expect(sqliteShape(url)).toEqual(before);
    expect(sqliteKeys(url)).toEqual(keysBefore);
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

  it('has exactly the primary keys, unique indexes and foreign keys (with ON DELETE) of the Prisma models', async () => {
    expect(await postgresKeys(db.url)).toEqual(expectedKeys);
  });

  it('is idempotent, also when two nodes migrate at once', async () => {
    const before = await postgresShape(db.url);
    const keysBefore = await postgresKeys(db.url);
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect(a.applied).toEqual([]);
    expect(b.applied).toEqual([]);
    expect(await postgresShape(db.url)).toEqual(before);
    expect(await postgresKeys(db.url)).toEqual(keysBefore);
  });

  it('the Prisma client works through the pg adapter', async () => {
    const client = createDb(db.url);
    const user = await client.user.create({ data: { email: 'pg@example.org', displayName: 'Pg', passwordHash: 'x', role: 'ELDER' } });
    expect((await client.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('ELDER');
    await client.$disconnect();
  });
});
