// vitest runs test files one after another in the same worker process (vitest.config.ts: isolate: false). Before
// each file is even loaded, this stops whatever a previous file left running (its onStop hooks) and forgets every
// per-process singleton (server/runtime.ts: config, database client, rate-limiter counts, the server-clock offset),
// so each file starts with the state of a fresh process, as it did with one process per file.
import { resetProcess, runStopPhase } from '../runtime';

for (const phase of ['intake', 'flush', 'close'] as const) await runStopPhase(phase);
resetProcess();
