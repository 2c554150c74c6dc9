// The browser's side of the typed event map (lib/realtime/events.ts): commands and subscriptions stay typed
// per event, so a wrong payload, a misread ack or a misspelled event name fails the type-check.
import type { CommandData, CommandName, CommandPayload, ServerEventName, ServerToClientEvents } from '@/lib/realtime/events';
import type { Result } from '@/lib/result';
import type { AppClientSocket } from './realtime-provider';

const ACK_TIMEOUT_MS = 10_000;

/**
 * Emits one command and resolves with its ack; null when no answer came (offline, the connection dropped, or
 * nothing within the timeout). The caller decides what that means: an outbox item is resent after the next
 * join, a button shows "the server did not answer".
 */
export function emitCommand<E extends CommandName>(
  socket: AppClientSocket | null,
  event: E,
  payload: CommandPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<Result<CommandData<E>> | null> {
  return new Promise((resolve) => {
    if (!socket?.connected) return resolve(null);
    // Socket.IO's emit typing cannot follow a generic event name; this function's signature keeps callers typed.
    const withTimeout = socket.timeout(timeoutMs) as unknown as {
      emit(event: E, payload: CommandPayload<E>, ack: (err: Error | null, res: Result<CommandData<E>>) => void): void;
    };
    withTimeout.emit(event, payload, (err, res) => resolve(err ? null : res));
  });
}

type ServerEventHandlers = { [E in ServerEventName]?: ServerToClientEvents[E] };

/** Subscribes the handlers to their events; returns the unsubscribe (for an effect's cleanup). */
export function onServerEvents(socket: AppClientSocket, handlers: ServerEventHandlers): () => void {
  const entries = Object.entries(handlers) as [ServerEventName, (...args: never[]) => void][];
  // The same widening as emitCommand: each handler was checked against its own event above.
  const untyped = socket as unknown as { on(e: string, f: (...args: never[]) => void): void; off(e: string, f: (...args: never[]) => void): void };
  for (const [event, fn] of entries) untyped.on(event, fn);
  return () => {
    for (const [event, fn] of entries) untyped.off(event, fn);
  };
}
