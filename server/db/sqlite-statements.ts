// Prepared statements kept per SQLite connection. The better-sqlite3 adapter prepares every query's SQL again
// (`db.prepare(sql).bind(args)`): a third of a small query's native time in the join storm's profile
// (README.md, "Benchmarks"). This wrapper keeps the most recent statements and hands the adapter one bound to its
// arguments, so each SQL text (Prisma's repeat for each query shape) is compiled once per connection.
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { setBounded } from '@/lib/bounded-map';

const STATEMENTS_KEPT = 1000;

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
/** The part of better-sqlite3's Statement the adapter uses. */
type Statement = {
  reader: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  raw(on?: boolean): Statement;
  columns(): unknown[];
};
type Database = { prepare(sql: string): Statement };

/** The connection's `prepare`, answering from the kept statements. Without the field it expects, nothing changes. */
function keepPrepared(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client?: Database }).client;
  if (typeof client?.prepare !== 'function') return adapter;
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Statement>();
  client.prepare = (sql: string) => {
    const stmt = kept.get(sql) ?? prepare(sql);
    setBounded(kept, sql, stmt, STATEMENTS_KEPT);
    const bound = (args: unknown[]): Statement => ({
      reader: stmt.reader,
      run: () => stmt.run(...args),
      all: () => stmt.all(...args),
      raw: (on = true) => {
        stmt.raw(on);
        return bound(args);
      },
      columns: () => stmt.columns(),
    });
    return { ...bound([]), bind: (args: unknown[]) => bound(args) } as unknown as Statement;
  };
  return adapter;
}

/** The adapter factory, its connections keeping their prepared statements. */
export function keepStatementsPrepared(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => keepPrepared(await factory.connect()),
    connectToShadowDb: async () => keepPrepared(await factory.connectToShadowDb()),
  } as unknown as PrismaBetterSqlite3;
}
