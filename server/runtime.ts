// What one Fireside node holds in memory: the per-process singletons (database client, Socket.IO server, Redis
// connection, rate limiters, coalescers, lifecycle state) and the onStop registry through which shutdown stops
// every timer, map and connection of the node. Both live on globalThis because Next's bundle (server actions,
// pages) and the custom server load the same modules separately and must share one of each.
// This module imports nothing from the server, so anything may use it.
import { randomUUID } from 'node:crypto';

/**
 * Shutdown runs the phases in this order (server/app.ts stop):
 * - `intake`: stop what starts new work on its own (schedulers), right after the node starts draining;
 * - `flush`: once in-flight commands have settled, send what is still held back (coalesced tallies, presence),
 *   while sockets are still open;
 * - `close`: after the sockets are closed, release connections and maps (adapter, Redis, database, limiters).
 */
export type StopPhase = 'intake' | 'flush' | 'close';
const PHASES: readonly StopPhase[] = ['intake', 'flush', 'close'];

type StopHook = { phase: StopPhase; name: string; run: () => unknown };
type ProcessState = { singletons: Map<string, unknown>; hooks: StopHook[] };

const g = globalThis as { __firesideProcess?: ProcessState };
const state = (): ProcessState => (g.__firesideProcess ??= { singletons: new Map(), hooks: [] });

/**
 * The one `name` object of this process, made by `create` on first use. Singletons that change over the
 * process's life (a client that is closed and reopened) are holder objects: `{ client: ... }`.
 * `create` is the place to register the singleton's onStop hook, so it is registered exactly once.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const { singletons } = state();
  if (singletons.has(name)) return singletons.get(name) as T;
  const value = create();
  singletons.set(name, value);
  return value;
}

/**
 * This node's id among the nodes of a deployment (scale mode): a random one per process, so a restarted node is a
 * new node. Used for its share of the presence counts and as the holder of cluster-wide leases (server/jobs/).
 */
export function nodeId(): string {
  return processSingleton('node-id', () => randomUUID());
}

export type RecurringJob = { stop: () => Promise<void> };

/**
 * Runs `run` now and then every `intervalMs` (the timer does not keep the process alive); stop() — also run at
 * shutdown, in the `intake` phase — waits for a run in progress. A failed run is logged and the next one goes on.
 */
export function startRecurringJob(name: string, intervalMs: number, run: () => Promise<unknown>, opts: { when?: () => boolean } = {}): RecurringJob {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    // `when`: e.g. "this node holds the job's lease" (server/jobs/cluster-job.ts); a skipped tick is not a failure.
    if (stopped || (opts.when && !opts.when())) return;
    running = run().catch((err) => console.error(`[fireside] ${name} failed`, err));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
  onStop('intake', name, stop);
  return { stop };
}

/** Registers what shutdown must stop; hooks of a phase run last-registered first (what opened last closes first). */
export function onStop(phase: StopPhase, name: string, run: () => unknown): void {
  state().hooks.push({ phase, name, run });
}

/** Everything shutdown will stop, in the order it will: the node's inventory. */
export function stopInventory(): { phase: StopPhase; name: string }[] {
  const hooks = state().hooks;
  return PHASES.flatMap((phase) =>
    hooks
      .filter((h) => h.phase === phase)
      .reverse()
      .map(({ name }) => ({ phase, name })),
  );
}

/** Runs (once) and removes the hooks of one phase. A hook that fails is logged; the others still run. */
export async function runStopPhase(phase: StopPhase): Promise<void> {
  const s = state();
  const due = s.hooks.filter((h) => h.phase === phase).reverse();
  s.hooks = s.hooks.filter((h) => h.phase !== phase);
  for (const hook of due) {
    try {
      await hook.run();
    } catch (err) {
      console.warn(`[fireside] stopping ${hook.name} failed:`, err instanceof Error ? err.message : err);
    }
  }
}

/**
 * Forgets every singleton and hook, after shutdown has run its phases: the node's state is gone, and another
 * node could start in this process (tests do) with fresh singletons.
 */
export function resetProcess(): void {
  const s = state();
  s.singletons.clear();
  s.hooks = [];
}
