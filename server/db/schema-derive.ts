// Derives the PostgreSQL Prisma schema from the SQLite one and reads model shapes for the drift test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma');
export const SQLITE_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const POSTGRES_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.postgres.prisma');

export const readSqliteSchema = () => readFileSync(SQLITE_SCHEMA_PATH, 'utf8');

export function derivePostgresSchema(sqlite: string): string {
  const out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('../server/db/generated/sqlite', '../server/db/generated/postgres');
  if (out === sqlite) throw new Error('schema.prisma does not look like the SQLite source schema');
  return out.replace(/^\/\/ The source of truth[^\n]*\n(\/\/[^\n]*\n)*/, '// GENERATED from prisma/schema.prisma by `npm run schema:postgres`. Do not edit.\n');
}

export type ModelShape = Record<string, Record<string, { nullable: boolean }>>;

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

/** Models → scalar/enum columns with nullability, from the schema text (relation fields are left out). */
export function modelShapes(schema: string): ModelShape {
  const enums = new Set([...schema.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
  const shapes: ModelShape = {};
  for (const m of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(m[2])?.[1] ?? m[1];
    const fields: Record<string, { nullable: boolean }> = {};
    for (const line of m[2].split('\n')) {
      const f = /^\s*(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!f || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const [, name, type, modifier, rest] = f;
      if (modifier === '[]' || (!SCALARS.has(type) && !enums.has(type))) continue;
      const column = /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? name;
      fields[column] = { nullable: modifier === '?' };
    }
    shapes[table] = fields;
  }
  return shapes;
}
