// Per-process singletons and the onStop registry: one of each per process, every hook run once, in phase order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onStop, processSingleton, resetProcess, runStopPhase, stopInventory } from './runtime';

describe('runtime', () => {
  afterEach(() => resetProcess());

  it('processSingleton makes a value once per process, shared through globalThis (Next bundle and server alike)', async () => {
    let made = 0;
    const a = processSingleton('thing', () => ({ n: ++made }));
    const b = processSingleton('thing', () => ({ n: ++made }));
    expect(b).toBe(a);
    expect(made).toBe(1);
    // A second copy of this module (as Next's bundle loads it) sees the same singletons.
    vi.resetModules();
    const copy = await import('./runtime');
    expect(copy.processSingleton).not.toBe(processSingleton);
    expect(copy.processSingleton('thing', () => ({ n: -1 }))).toBe(a);
  });

  it('shutdown phases run intake → flush → close, last-registered first within a phase, each hook once', async () => {
    const ran: string[] = [];
    onStop('close', 'db', () => ran.push('close db'));
    onStop('flush', 'tallies', async () => {
      await new Promise((r) => setTimeout(r, 5));
      ran.push('flush tallies');
    });
    onStop('intake', 'scheduler', () => ran.push('stop scheduler'));
    onStop('close', 'redis', () => ran.push('close redis'));
    expect(stopInventory()).toEqual([
      { phase: 'intake', name: 'scheduler' },
      { phase: 'flush', name: 'tallies' },
      { phase: 'close', name: 'redis' },
      { phase: 'close', name: 'db' },
    ]);
    for (const phase of ['intake', 'flush', 'close'] as const) await runStopPhase(phase);
    expect(ran).toEqual(['stop scheduler', 'flush tallies', 'close redis', 'close db']);
    for (const phase of ['intake', 'flush', 'close'] as const) await runStopPhase(phase);
    expect(ran).toHaveLength(4);
    expect(stopInventory()).toEqual([]);
  });

  it('a failing hook does not keep the others from running', async () => {
    const ran: string[] = [];
    onStop('close', 'first', () => ran.push('first'));
    onStop('close', 'broken', () => {
      throw new Error('boom');
    });
    await runStopPhase('close');
    expect(ran).toEqual(['first']);
  });

  it('resetProcess forgets singletons and hooks, so a fresh node can start in the same process', () => {
    const a = processSingleton('thing', () => ({}));
    onStop('close', 'thing', () => {});
    resetProcess();
    expect(processSingleton('thing', () => ({}))).not.toBe(a);
    expect(stopInventory()).toEqual([]);
  });

  it('the node lists its timers, maps and connections: the database client registers itself on first use', async () => {
    const { db } = await import('./db/client');
    const { parseConfig, setConfig } = await import('./config');
    const dir = mkdtempSync(path.join(tmpdir(), 'fireside-runtime-'));
    setConfig(parseConfig({ DATABASE_URL: `file:${path.join(dir, 'fireside.db')}`, DATA_DIR: dir }));
    const client = db();
    expect(stopInventory()).toContainEqual({ phase: 'close', name: 'database client' });
    await runStopPhase('close');
    // Closed by the hook: the next use makes a new client.
    expect(db()).not.toBe(client);
    await db().$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
});
