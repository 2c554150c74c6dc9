// Tooling around prisma/schema.prisma: derives the PostgreSQL schema from the SQLite one, and reads what the
// models say about columns, keys and foreign keys, for the drift test (server/db/drift.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma');
export const SQLITE_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const POSTGRES_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.postgres.prisma');

export const readSqliteSchema = () => readFileSync(SQLITE_SCHEMA_PATH, 'utf8');

export function derivePostgresSchema(sqlite: string): string {
  const out = sqlite.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"').replace('../server/db/generated/sqlite', '../server/db/generated/postgres');
  if (out === sqlite) throw new Error('schema.prisma does not look like the SQLite source schema');
  return out.replace(/^\/\/ The source of truth[^\n]*\n(\/\/[^\n]*\n)*/, '// GENERATED from prisma/schema.prisma by `npm run schema:postgres`. Do not edit.\n');
}

export type ModelShape = Record<string, Record<string, { nullable: boolean }>>;

/**
 * Per table, its primary key, unique indexes and foreign keys as sorted lines, the same spelling for what the
 * schema says and what a migrated database has, e.g. `primary key (id)`, `unique (discussionId, userId)`,
 * `foreign key (userId) references User (id) on delete CASCADE on update CASCADE`.
 */
export type ModelKeys = Record<string, string[]>;

export const keyLine = {
  primary: (columns: string[]) => `primary key (${columns.join(', ')})`,
  unique: (columns: string[], partial = false) => `unique (${columns.join(', ')})${partial ? ' where …' : ''}`,
  foreign: (columns: string[], table: string, references: string[], onDelete: string, onUpdate: string) =>
    `foreign key (${columns.join(', ')}) references ${table} (${references.join(', ')}) on delete ${onDelete} on update ${onUpdate}`,
};

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

type Field = { name: string; column: string; type: string; modifier: string | undefined; attributes: string };
type Model = { name: string; table: string; fields: Field[]; blockAttributes: string[] };

function parseModels(schema: string): Model[] {
  const models: Model[] = [];
  for (const m of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(m[2])?.[1] ?? m[1];
    const fields: Field[] = [];
    const blockAttributes: string[] = [];
    for (const raw of m[2].split('\n')) {
      const line = raw.replace(/\s\/\/.*$/, '').trim();
      if (!line || line.startsWith('//')) continue;
      if (line.startsWith('@@')) {
        blockAttributes.push(line);
        continue;
      }
      const f = /^(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!f) continue;
      const [, name, type, modifier, attributes] = f;
      fields.push({ name, column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? name, type, modifier, attributes });
    }
    models.push({ name: m[1], table, fields, blockAttributes });
  }
  return models;
}

/** Models → scalar/enum columns with nullability, from the schema text (relation fields are left out). */
export function modelShapes(schema: string): ModelShape {
  const enums = new Set([...schema.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
  const shapes: ModelShape = {};
  for (const model of parseModels(schema)) {
    const fields: Record<string, { nullable: boolean }> = {};
    for (const f of model.fields) {
      if (f.modifier === '[]' || (!SCALARS.has(f.type) && !enums.has(f.type))) continue;
      fields[f.column] = { nullable: f.modifier === '?' };
    }
    shapes[model.table] = fields;
  }
  return shapes;
}

// Prisma's referential actions as the databases spell them.
const ACTIONS: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

/** `[a, b(sort: Desc)]` or `fields: [a, b]` → ['a', 'b'] (the first list in the argument text). */
function listArgument(text: string, key?: string): string[] {
  const match = new RegExp(`${key ? `${key}:\\s*` : ''}\\[([^\\]]*)\\]`).exec(text);
  if (!match) throw new Error(`no ${key ?? 'field'} list in: ${text}`);
  return match[1]
    .split(',')
    .map((s) => s.replace(/\(.*$/, '').trim())
    .filter(Boolean);
}

function action(relation: string, key: 'onDelete' | 'onUpdate', fallback: string): string {
  const named = new RegExp(`${key}:\\s*(\\w+)`).exec(relation)?.[1];
  if (named && !ACTIONS[named]) throw new Error(`unknown referential action ${named} in: ${relation}`);
  return named ? ACTIONS[named] : fallback;
}

/**
 * What the schema says about keys: `@id` / `@@id`, `@unique` / `@@unique`, and every relation that holds the
 * foreign key (`fields:`), with Prisma's defaults when an action is not written (on delete: SET NULL for an
 * optional relation, RESTRICT for a required one; on update: CASCADE).
 */
export function modelKeys(schema: string): ModelKeys {
  const models = parseModels(schema);
  const byName = new Map(models.map((m) => [m.name, m]));
  const keys: ModelKeys = {};
  for (const model of models) {
    const column = (owner: Model, field: string) => {
      const f = owner.fields.find((x) => x.name === field);
      if (!f) throw new Error(`${owner.name} has no field ${field}`);
      return f.column;
    };
    const lines: string[] = [];
    for (const f of model.fields) {
      if (/@id\b/.test(f.attributes)) lines.push(keyLine.primary([f.column]));
      if (/@unique\b/.test(f.attributes)) lines.push(keyLine.unique([f.column]));
      const relation = /@relation\(([^)]*)\)/.exec(f.attributes)?.[1];
      if (relation && /fields:/.test(relation)) {
        const target = byName.get(f.type);
        if (!target) throw new Error(`${model.name}.${f.name} refers to unknown model ${f.type}`);
        lines.push(
          keyLine.foreign(
            listArgument(relation, 'fields').map((x) => column(model, x)),
            target.table,
            listArgument(relation, 'references').map((x) => column(target, x)),
            action(relation, 'onDelete', f.modifier === '?' ? 'SET NULL' : 'RESTRICT'),
            action(relation, 'onUpdate', 'CASCADE'),
          ),
        );
      }
    }
    for (const attribute of model.blockAttributes) {
      const block = /^@@(id|unique)\((.*)\)$/.exec(attribute);
      if (!block) continue;
      const columns = listArgument(block[2], /^\s*fields:/.test(block[2]) ? 'fields' : undefined).map((x) => column(model, x));
      lines.push(block[1] === 'id' ? keyLine.primary(columns) : keyLine.unique(columns));
    }
    keys[model.table] = lines.sort();
  }
  return keys;
}
