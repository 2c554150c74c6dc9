// The edge of every client→server event: one payload and an ack, re-check the actor (a database read at most a few
// seconds old, forgotten on every node when the person changes: server/auth/actor.ts),
// run the command (which parses its own input: no transport can skip validation), acknowledge with a Result.
// A banned or signed-out actor is disconnected. While the node shuts down, new events are refused and the ones
// already running are tracked until their ack is sent (F25).
import type { Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events';
import type { Result } from '@/lib/result';
import { type Actor, recentActorFromClaims } from '../auth/actor';
import { isBusyError, toErrorBody } from '../errors';
import { isDraining, track } from '../lifecycle';
import type { SocketData } from './types';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Events one socket may have in flight; more are refused before any database work (F04). */
const MAX_INFLIGHT_PER_SOCKET = 16;
/** After this many rate-limited events in a row the socket is dropped (F04). */
const ABUSE_DISCONNECT_AFTER = 20;

type Pressure = { inflight: number; limited: number };
const pressure = new WeakMap<AppSocket, Pressure>();

const RATE_LIMITED = { code: 'rate_limited', message: 'Too many requests at once. Try again in 1 s.' } as const;
// Retryable: the client keeps the question in its outbox and resends it after reconnecting (to another node).
const SHUTTING_DOWN = { code: 'unavailable', message: 'This server is restarting, so nothing was done. Reconnecting; please try again in a moment.' } as const;

function afterResult(socket: AppSocket, p: Pressure, result: Result<unknown>) {
  if (result.ok || result.error.code !== 'rate_limited') {
    p.limited = 0;
    return;
  }
  if (++p.limited >= ABUSE_DISCONNECT_AFTER) socket.disconnect(true);
}

/**
 * A use case as the socket edge calls it: the verified actor, the raw payload (which the command parses) and the
 * socket (joining and leaving move it between rooms).
 */
type SocketCommand<T> = (actor: Actor, raw: unknown, socket: AppSocket) => Promise<T>;

type ClientEvent = keyof ClientToServerEvents;
type AckData<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

/**
 * Every client event and the command that answers it. The map only compiles when each command answers what the
 * event map (lib/realtime/events.ts) promises the client, and when no event is left without one.
 */
export type SocketRoutes = { [E in ClientEvent]: SocketCommand<AckData<E>> };

/**
 * The one listener every socket shares (`socket.onAny`, called with the socket as `this`): a socket costs one
 * array slot, not a closure and a listener per event (bench/README.md, memory). Unknown events are ignored.
 */
export function router(routes: SocketRoutes): (this: AppSocket, event: unknown, ...args: unknown[]) => void {
  const byEvent = new Map<unknown, SocketCommand<unknown>>(Object.entries(routes));
  return function route(this: AppSocket, event, ...args) {
    const command = byEvent.get(event);
    if (command) dispatch(this, command, args);
  };
}

function dispatch<T>(socket: AppSocket, command: SocketCommand<T>, args: unknown[]) {
  // The ack is the last argument: a client that sends no payload, or extra arguments, still gets an answer (F03).
  const reply: Ack<T> = typeof args.at(-1) === 'function' ? (args.pop() as Ack<T>) : () => {};
  // Once shutdown has begun nothing new starts, so what is in flight is a fixed set shutdown can wait for (F25).
  if (isDraining()) return reply({ ok: false, error: SHUTTING_DOWN });
  let p = pressure.get(socket);
  if (!p) {
    p = { inflight: 0, limited: 0 };
    pressure.set(socket, p);
  }
  if (p.inflight >= MAX_INFLIGHT_PER_SOCKET) {
    const refused: Result<T> = { ok: false, error: RATE_LIMITED };
    reply(refused);
    return afterResult(socket, p, refused);
  }
  p.inflight++;
  const pressed = p;
  // Tracked from the first line to the ack, not only around the command: shutdown closes sockets after
  // tracked work settles, and a command that has written must still be able to say so (F25).
  void track(
    (async () => {
      let result: Result<T>;
      try {
        result = await execute(socket, command, args);
      } finally {
        pressed.inflight--;
      }
      reply(result);
      afterResult(socket, pressed, result);
    })(),
  );
}

async function execute<T>(socket: AppSocket, command: SocketCommand<T>, args: unknown[]): Promise<Result<T>> {
  if (args.length > 1) return { ok: false, error: { code: 'validation_error', message: 'Send one payload with each event.' } };
  let actor: Actor | null;
  try {
    actor = await recentActorFromClaims(socket.data.claims);
  } catch (err) {
    // A busy database (F20, F21) is not a signed-out user: answer "try again" and keep the socket.
    if (isBusyError(err)) return { ok: false, error: toErrorBody(err) };
    actor = null;
  }
  if (!actor) {
    setImmediate(() => socket.disconnect(true));
    return { ok: false, error: { code: 'unauthenticated', message: 'Your session has ended. Please sign in again.' } };
  }
  socket.data.actor = actor;
  try {
    return { ok: true, data: await command(actor, args[0], socket) };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
