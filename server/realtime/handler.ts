// The edge of every client→server event: validate the payload, re-check the actor against the database,
// run the command, acknowledge with a Result. A banned or signed-out actor is disconnected.
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/events';
import type { Result } from '@/lib/result';
import { actorFromClaims, type Actor } from '../auth/actor';
import { toErrorBody } from '../errors';
import { track } from '../lifecycle';
import type { SocketData } from './types';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function handle<S extends z.ZodType, T>(
  socket: AppSocket,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown) => {
    const reply: Ack<T> = typeof ack === 'function' ? (ack as Ack<T>) : () => {};
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: toErrorBody(parsed.error) });
    const actor = await actorFromClaims(socket.data.claims).catch(() => null);
    if (!actor) {
      reply({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended. Please sign in again.' } });
      socket.disconnect(true);
      return;
    }
    socket.data.actor = actor;
    let result: Result<T>;
    try {
      result = { ok: true, data: await track(run(actor, parsed.data)) };
    } catch (err) {
      result = { ok: false, error: toErrorBody(err) };
    }
    reply(result);
  };
}
