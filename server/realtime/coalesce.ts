// The one coalescer for frequent broadcasts (vote tallies, presence; poll tallies next): changes mark a key
// (a discussion) dirty, and one flush per key runs at most once per interval with everything marked since.
// A flush reads the current state itself (counts from the database, sockets in the room), so what it sends is
// never older than the marks it covers. Flushes of one key never overlap, so a slow one cannot send last.
import { onStop, processSingleton } from '../runtime';

export type Coalescer<T> = {
  /** Notes a change under `key` (with `item`, e.g. a question id); its flush runs within one interval. */
  mark(key: string, item?: T): void;
  /** How many keys wait for a flush. */
  pending(): number;
  /** Runs every waiting flush now and takes no further marks (shutdown, phase `flush`). */
  stop(): Promise<void>;
};

type Entry<T> = { items: Set<T>; timer: NodeJS.Timeout };

/** The interval, fixed or per key (a big room may be announced less often than a small one). */
export type Interval = number | ((key: string) => number);

export function createCoalescer<T = never>(
  intervalMs: Interval,
  flush: (key: string, items: T[]) => Promise<void> | void,
  onError: (err: unknown) => void = warn,
): Coalescer<T> {
  const waiting = new Map<string, Entry<T>>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const run = (key: string) => {
    const entry = waiting.get(key);
    if (!entry) return Promise.resolve();
    waiting.delete(key);
    clearTimeout(entry.timer);
    const before = running.get(key) ?? Promise.resolve();
    const current = before
      .then(() => flush(key, [...entry.items]))
      .catch(onError)
      .finally(() => {
        if (running.get(key) === current) running.delete(key);
      });
    running.set(key, current);
    return current;
  };

  return {
    mark(key, item) {
      if (stopped) return;
      const entry = waiting.get(key);
      if (entry) {
        if (item !== undefined) entry.items.add(item);
        return;
      }
      const timer = setTimeout(() => void run(key), typeof intervalMs === 'number' ? intervalMs : intervalMs(key));
      // Never what keeps a process alive: the server's sockets do that.
      timer.unref();
      waiting.set(key, { items: new Set(item === undefined ? [] : [item]), timer });
    },
    pending: () => waiting.size,
    async stop() {
      stopped = true;
      await Promise.all([...waiting.keys()].map(run));
      await Promise.all(running.values());
    },
  };
}

/** The process's coalescer `name` (shared by the custom server and Next's bundle), stopped with the node. */
export function coalescer<T = never>(name: string, intervalMs: Interval, flush: (key: string, items: T[]) => Promise<void> | void): Coalescer<T> {
  return processSingleton(`coalesce:${name}`, () => {
    const c = createCoalescer<T>(intervalMs, flush, (err) => warn(err, name));
    onStop('flush', `${name} coalescer`, () => c.stop());
    return c;
  });
}

function warn(err: unknown, name = 'coalesced broadcast') {
  console.warn(`[fireside] ${name} flush failed:`, err instanceof Error ? err.message : err);
}
