// Readiness and in-flight work, shared by the HTTP edge, socket handlers and graceful shutdown.
import type { EventEmitter } from 'node:events';
import { processSingleton } from './runtime';

const state = () => processSingleton('lifecycle', () => ({ draining: false, inflight: new Set<Promise<unknown>>() }));

export function isDraining(): boolean {
  return state().draining;
}

/** From here on: readiness fails, new socket handshakes are refused and new socket events answered `unavailable`. */
export function startDraining() {
  state().draining = true;
}

/**
 * Registers work that shutdown must let finish (a request being served, a command being written and acked, a
 * publication waiting for its turn).
 */
export function track<T>(work: Promise<T>): Promise<T> {
  const { inflight } = state();
  inflight.add(work);
  const done = () => inflight.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves when all tracked work has settled (work it starts included), or false when the deadline passes first. */
export async function settleInflight(deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  const { inflight } = state();
  while (inflight.size > 0) {
    const left = until - Date.now();
    if (left <= 0) return false;
    await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, Math.min(left, 200)))]);
  }
  return true;
}

/** The parts of an engine.io connection (socket.conn) that say whether its queued packets are on the wire. */
export type WireConnection = EventEmitter & {
  readyState: string;
  writeBuffer: unknown[];
  transport: EventEmitter & { writable: boolean; name: string };
};

// Queued packets wait in writeBuffer until the transport is writable. A websocket is unwritable while a send is
// still being written out; a polling transport is unwritable between the client's polls, with nothing of ours
// in flight (its last response was written whole), so only its buffer counts: a client that stopped polling
// must not hold shutdown up.
const onWire = (conn: WireConnection) =>
  conn.readyState !== 'open' || (conn.writeBuffer.length === 0 && (conn.transport.writable || conn.transport.name !== 'websocket'));

/**
 * Resolves true once every connection has written all it queued (acks included) to the network, or has closed;
 * false when the deadline passes first. engine.io emits "ready" on the transport whenever it becomes writable
 * again (websocket: the write callback ran; polling: the next poll arrived) and flushes the buffer right then.
 */
export async function wireFlushed(conns: Iterable<WireConnection>, deadlineMs: number): Promise<boolean> {
  const waits = [...conns]
    .filter((c) => !onWire(c))
    .map(
      (conn) =>
        new Promise<void>((resolve) => {
          let transport = conn.transport;
          const check = () => {
            if (!onWire(conn)) return;
            transport.off('ready', check);
            conn.off('upgrade', moved);
            conn.off('close', check);
            resolve();
          };
          const moved = () => {
            transport.off('ready', check);
            transport = conn.transport;
            transport.on('ready', check);
            check();
          };
          transport.on('ready', check);
          conn.on('upgrade', moved);
          conn.on('close', check);
        }),
    );
  if (waits.length === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadlineMs))));
  try {
    return await Promise.race([Promise.all(waits).then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
