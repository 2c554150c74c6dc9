// The shared coalescer (vote tallies, presence): per key at most one flush per interval, with every item marked
// since the last one; flushes of one key never overlap; shutdown sends what is pending and takes no more.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetProcess, runStopPhase, stopInventory } from '../runtime';
import { coalescer, createCoalescer } from './coalesce';

const INTERVAL = 250; // the "at most 4 messages a second per room"

describe('coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    resetProcess();
  });

  it('marks within one interval make one flush per key, with each item once', async () => {
    const flushed: [string, string[]][] = [];
    const c = createCoalescer<string>(INTERVAL, (key, items) => void flushed.push([key, items]));
    for (let i = 0; i < 50; i++) c.mark('room-a', `q${i % 3}`);
    c.mark('room-b', 'q9');
    expect(c.pending()).toBe(2);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(flushed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushed).toEqual([
      ['room-a', ['q0', 'q1', 'q2']],
      ['room-b', ['q9']],
    ]);
    expect(c.pending()).toBe(0);
  });

  it('at most one flush per interval: a steady stream of marks flushes every interval, not on every mark', async () => {
    const times: number[] = [];
    const t0 = Date.now();
    const c = createCoalescer(INTERVAL, () => void times.push(Date.now() - t0));
    for (let ms = 0; ms < 1000; ms += 10) {
      c.mark('room');
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect(times.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL);
  });

  it('keys without items (presence) flush with an empty list', async () => {
    const flush = vi.fn();
    const c = createCoalescer(INTERVAL, flush);
    c.mark('room');
    c.mark('room');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledWith('room', []);
  });

  it('flushes of one key never overlap: a slow flush finishes before the next one starts', async () => {
    const log: string[] = [];
    const c = createCoalescer<number>(INTERVAL, async (_key, items) => {
      log.push(`start ${items}`);
      await new Promise((r) => setTimeout(r, INTERVAL * 3));
      log.push(`end ${items}`);
    });
    c.mark('room', 1);
    await vi.advanceTimersByTimeAsync(INTERVAL); // flush 1 starts, takes 3 intervals
    c.mark('room', 2);
    await vi.advanceTimersByTimeAsync(INTERVAL); // flush 2 is due but waits
    expect(log).toEqual(['start 1']);
    await vi.advanceTimersByTimeAsync(INTERVAL * 6);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('a failing flush is reported and the key keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const c = createCoalescer(
      INTERVAL,
      () => {
        if (++calls === 1) throw new Error('database busy');
      },
      (err) => errors.push(err),
    );
    c.mark('room');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    c.mark('room');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('stop sends what is pending at once and ignores later marks', async () => {
    const flushed: string[][] = [];
    const c = createCoalescer<string>(INTERVAL, (_key, items) => void flushed.push(items));
    c.mark('room', 'q1');
    await c.stop();
    expect(flushed).toEqual([['q1']]);
    c.mark('room', 'q2');
    await vi.advanceTimersByTimeAsync(INTERVAL * 4);
    expect(flushed).toEqual([['q1']]);
    expect(c.pending()).toBe(0);
  });

  it('a named coalescer is one per process and is stopped (flushed) by the shutdown phase "flush"', async () => {
    const flushed: string[][] = [];
    const a = coalescer<string>('test tallies', INTERVAL, (_key, items) => void flushed.push(items));
    const b = coalescer<string>('test tallies', INTERVAL, () => {
      throw new Error('a second coalescer must not be made');
    });
    expect(b).toBe(a);
    expect(stopInventory()).toContainEqual({ phase: 'flush', name: 'test tallies coalescer' });
    a.mark('room', 'q1');
    await runStopPhase('flush');
    expect(flushed).toEqual([['q1']]);
    a.mark('room', 'q2');
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(flushed).toEqual([['q1']]);
  });
});
