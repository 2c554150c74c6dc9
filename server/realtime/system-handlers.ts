// Events that belong to no domain: the server clock.
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { spendBudget } from '../live/budgets';
import { type AppSocket, handle } from './handler';

const timeSyncSchema = z.object({}).strict();

/** The server's clock for countdowns and gating (F23); the payload is an empty object. */
async function syncTime(actor: Actor, raw: unknown) {
  timeSyncSchema.parse(raw);
  await spendBudget('timeSync', actor.id);
  return { serverTime: now().getTime() };
}

export function registerSystemHandlers(socket: AppSocket) {
  socket.on('time:sync', handle(socket, syncTime));
}
