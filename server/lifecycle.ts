// Readiness and in-flight work, shared by the HTTP edge, socket handlers and graceful shutdown.
const g = globalThis as { __firesideLifecycle?: { draining: boolean; inflight: Set<Promise<unknown>> } };
const state = (g.__firesideLifecycle ??= { draining: false, inflight: new Set() });

export function isDraining(): boolean {
  return state.draining;
}

export function startDraining() {
  state.draining = true;
}

/** Registers work that shutdown must let finish (a request being served, a command being written). */
export function track<T>(work: Promise<T>): Promise<T> {
  state.inflight.add(work);
  const done = () => state.inflight.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves when all tracked work has settled, or false when the deadline passes first. */
export async function settleInflight(deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (state.inflight.size > 0) {
    const left = until - Date.now();
    if (left <= 0) return false;
    await Promise.race([Promise.allSettled([...state.inflight]), new Promise((r) => setTimeout(r, Math.min(left, 200)))]);
  }
  return true;
}
