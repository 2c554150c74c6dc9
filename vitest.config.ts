import path from 'node:path';
import { defineConfig } from 'vitest/config';

// vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; Node 20 lacks it.
if (!(Map as { groupBy?: unknown }).groupBy) {
  (Map as unknown as { groupBy: <K, V>(items: Iterable<V>, key: (v: V, i: number) => K) => Map<K, V[]> }).groupBy = (items, key) => {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(item);
    }
    return map;
  };
}

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['server/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'server/db/generated/**'],
    // Socket tests run in process; the full-process ones (handshake, lifecycle, scale, faults) start real servers: two
    // files at a time fits a 2-core machine (measured: 4 workers gain little, the suite is CPU-bound).
    pool: 'forks',
    maxWorkers: 2,
    // A worker process runs file after file instead of one fresh process per file: the Prisma client, next-auth and
    // the domain are loaded (and Prisma's query compiler compiled) once per worker, not once per file. Each file
    // still starts with a fresh process state (per-file-setup.ts resets server/runtime.ts's singletons: config,
    // database client, rate-limiter counts, the server clock); no test stubs globals or the environment without
    // restoring them.
    isolate: false,
    setupFiles: ['server/test/per-file-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
