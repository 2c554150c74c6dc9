// The folder boundaries of ../shared/STYLE.md, enforced: every import in the tree is parsed with the TypeScript
// compiler API (type-only imports included) and each rule lists the offending file and import when broken.
//
// The rules:
//  1. components/, lib/ and every 'use client' file never import server/ (not even types: shared types live in lib/).
//  2. components/ and lib/ never import Prisma (the generated client or @prisma/*) or a database driver.
//  3. Only the data layer imports the database client (server/db/client, server/db/generated) as a value:
//     server/**/queries.ts, server/**/commands.ts, server/db/, server/audit/, server/auth/, prisma/ seeds,
//     scripts/ and tests; plus the few documented exceptions below. Pages, route handlers, socket handlers
//     (server/realtime/) and the HTTP edge (server/http/) reach the database through those modules only.
//  4. prisma/ (the seeds) imports lib/, prisma/ and server/db/ only: seeding writes through the Db handle it is
//     given and never pulls in the server's domain or auth modules (the server calls the seed, not the reverse).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Import = { spec: string; target: string; typeOnly: boolean };
type SourceFile = { file: string; client: boolean; imports: Import[] };
type Violation = string;

const SOURCE_DIRS = ['app', 'components', 'lib', 'server', 'prisma', 'scripts', 'e2e', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'generated']);
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Modules outside the rule-3 list that import the database client, each with the reason it may. The test also
 * fails when an entry is no longer needed, so this list only shrinks.
 */
const DB_IMPORT_EXCEPTIONS: Record<string, string> = {
  'server/app.ts': 'the process itself: hands the client to the demo seed at start-up and closes it on shutdown',
  'server/live/context.ts': "the room core's reads (loadRoom, the agreement check), run inside the calling command's transaction",
  'server/live/presence.ts': "presence records a discussion's peak attendance when the room's count changes",
  'server/questions/broadcasts.ts': 'the coalesced vote tallies read the current counts when the timer fires',
  'server/notifications/starts-soon.ts': 'the "starts soon" scheduler finds the discussions due for a notice',
};

/** Every import of one file: static imports and re-exports (with whether they are type-only), import() and require(). */
function importsOf(file: string, text: string): SourceFile {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: Import[] = [];
  const add = (spec: string, typeOnly: boolean) => imports.push({ spec, target: resolveSpecifier(file, spec), typeOnly });
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      // `import type {…}`, or `import { type A, type B }` with nothing else: erased at compile time.
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(st.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : null;
      add(st.moduleSpecifier.text, st.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      add(st.moduleReference.expression.text, st.isTypeOnly);
    }
  }
  // import('x') and require('x') anywhere in the file; `typeof import('x')` in a type position is type-only.
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file, client: isClientModule(sf), imports };
}

/** A 'use client' directive among the file's leading string statements. */
function isClientModule(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false;
    if (st.expression.text === 'use client') return true;
  }
  return false;
}

/** A repo-relative path without extension (`server/db/client`) for local imports; the package name otherwise. */
function resolveSpecifier(file: string, spec: string): string {
  let p: string;
  if (spec.startsWith('@/')) p = spec.slice(2);
  else if (spec.startsWith('.')) p = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  else return spec;
  return p.replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, '').replace(/\/index$/, '');
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(rel, out);
    } else if (EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const under = (file: string, ...dirs: string[]) => dirs.some((d) => file === d || file.startsWith(`${d}/`));
const isTest = (file: string) => /\.test\.(ts|tsx)$/.test(file) || /\.spec\.ts$/.test(file) || under(file, 'server/test', 'e2e', 'bench');
const isDbClient = (target: string) => target === 'server/db/client' || under(target, 'server/db/generated');
const isPrisma = (target: string) =>
  target === '@prisma/client' || target.startsWith('@prisma/') || target === 'better-sqlite3' || target === 'pg' || under(target, 'server/db/generated');
const line = (f: SourceFile, i: Import, why: string) => `${f.file}: import${i.typeOnly ? ' type' : ''} '${i.spec}' — ${why}`;

/** Rules 1 and 2: the UI and lib/ stay on their side. */
function uiViolations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const ui = under(f.file, 'components', 'lib');
    if (!ui && !f.client) continue;
    for (const i of f.imports) {
      if (under(i.target, 'server'))
        out.push(
          line(
            f,
            i,
            `${f.client ? "a 'use client' module" : under(f.file, 'lib') ? 'lib/' : 'components/'} never imports server/ (move shared types to lib/; pages pass data down)`,
          ),
        );
      else if (isPrisma(i.target)) out.push(line(f, i, 'UI and lib/ never touch Prisma or a database driver'));
    }
  }
  return out;
}

/** Rule 3: only the data layer imports the database client as a value. */
function dbViolations(files: SourceFile[], exceptions: Record<string, string> = DB_IMPORT_EXCEPTIONS): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const allowed =
      /^server\/.+\/(queries|commands)\.ts$/.test(f.file) ||
      under(f.file, 'server/db', 'server/audit', 'server/auth', 'prisma', 'scripts') ||
      isTest(f.file) ||
      f.file in exceptions;
    if (allowed) continue;
    for (const i of f.imports) {
      if (!i.typeOnly && isDbClient(i.target))
        out.push(
          line(
            f,
            i,
            'only server/**/queries.ts|commands.ts, server/db|audit|auth/, seeds, scripts and tests import the database client; go through a query or command',
          ),
        );
    }
  }
  return out;
}

/** Rule 4: the seeds import lib/, prisma/ and server/db/ only. */
function seedViolations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    if (!under(f.file, 'prisma') || isTest(f.file)) continue;
    for (const i of f.imports) {
      const local = i.target !== i.spec || i.spec.startsWith('@/');
      if (local && !under(i.target, 'lib', 'prisma', 'server/db'))
        out.push(line(f, i, 'seeds import lib/, prisma/ and server/db/ only; the server calls the seed, not the reverse'));
    }
  }
  return out;
}

const tree = SOURCE_DIRS.flatMap((d) => walk(d)).map((file) => importsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));

describe('boundaries (STYLE.md: Data)', () => {
  it('client components, components/ and lib/ never import server/ (types included) nor Prisma', () => {
    expect(uiViolations(tree)).toEqual([]);
  });

  it('only queries, commands, server/db|audit|auth, seeds, scripts and tests import the database client', () => {
    expect(dbViolations(tree)).toEqual([]);
  });

  it('every documented exception to the database rule is still needed', () => {
    const stale = Object.keys(DB_IMPORT_EXCEPTIONS).filter((file) => {
      const f = tree.find((t) => t.file === file);
      return !f?.imports.some((i) => !i.typeOnly && isDbClient(i.target));
    });
    expect(stale, 'remove these entries from DB_IMPORT_EXCEPTIONS').toEqual([]);
  });

  it('prisma/ seeds import lib/, prisma/ and server/db/ only', () => {
    expect(seedViolations(tree)).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  it('reads the whole tree, type-only imports included', () => {
    expect(tree.length).toBeGreaterThan(200);
    const commands = tree.find((f) => f.file === 'server/questions/commands.ts')!;
    expect(commands.imports.some((i) => i.target === 'server/db/client' && !i.typeOnly)).toBe(true);
    expect(tree.filter((f) => f.client).length).toBeGreaterThan(10);
  });

  it('flags each kind of offending import with the file and the import', () => {
    const files = [
      importsOf('components/x/bell.tsx', "import { countUnread } from '@/server/notifications/queries';"),
      importsOf('components/x/editor.tsx', "'use client';\nimport type { ArticleDraft } from '@/server/library/queries';"),
      importsOf('lib/x/schema.ts', "export type { Db } from '../../server/db/client';"),
      importsOf('app/x/client-part.tsx', "// A client piece\n'use client';\nimport { thing } from '@/server/x/y';"),
      importsOf('components/x/rows.tsx', "import { type User } from '@prisma/client';"),
      importsOf('app/x/page.tsx', "import { db } from '@/server/db/client';"),
      importsOf('server/realtime/x.ts', "const { db } = await import('../db/client');"),
      importsOf('server/http/x.ts', "import { PrismaClient } from '../db/generated/sqlite/client';"),
      importsOf('prisma/seed-x.ts', "import { hashPassword } from '../server/auth/password';"),
    ];
    expect(uiViolations(files)).toEqual([
      "components/x/bell.tsx: import '@/server/notifications/queries' — components/ never imports server/ (move shared types to lib/; pages pass data down)",
      "components/x/editor.tsx: import type '@/server/library/queries' — a 'use client' module never imports server/ (move shared types to lib/; pages pass data down)",
      "lib/x/schema.ts: import type '../../server/db/client' — lib/ never imports server/ (move shared types to lib/; pages pass data down)",
      "app/x/client-part.tsx: import '@/server/x/y' — a 'use client' module never imports server/ (move shared types to lib/; pages pass data down)",
      "components/x/rows.tsx: import type '@prisma/client' — UI and lib/ never touch Prisma or a database driver",
    ]);
    expect(dbViolations(files, {}).map((v) => v.split(' — ')[0])).toEqual([
      "app/x/page.tsx: import '@/server/db/client'",
      "server/realtime/x.ts: import '../db/client'",
      "server/http/x.ts: import '../db/generated/sqlite/client'",
    ]);
    expect(seedViolations(files).map((v) => v.split(' — ')[0])).toEqual(["prisma/seed-x.ts: import '../server/auth/password'"]);
  });

  it('allows what the rules allow: type-only database imports, the data layer, seeds writing through server/db', () => {
    const files = [
      importsOf('server/questions/views.ts', "import type { Prisma } from '../db/client';"),
      importsOf('server/questions/queries.ts', "import { db } from '../db/client';"),
      importsOf('server/db/health.ts', "import { db } from './client';"),
      importsOf(
        'prisma/seed.ts',
        "import type { Db } from '../server/db/client';\nimport { nameKey } from '../lib/users/display-name';\nimport { x } from './seed-library';",
      ),
      importsOf('components/x/list.tsx', "import type { DiscussionCard } from '@/lib/discussions/views';"),
    ];
    expect([...uiViolations(files), ...dbViolations(files, {}), ...seedViolations(files)]).toEqual([]);
  });
});
