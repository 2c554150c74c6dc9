// Events that belong to no domain: the server clock, and the node's own state for staff (running degraded).
import { z } from 'zod';
import { atLeast } from '@/lib/users/roles';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { spendBudget } from '../live/budgets';
import { redisHealth } from '../redis';
import type { AppSocket, SocketRoutes } from './handler';

const timeSyncSchema = z.object({}).strict();

/** The server's clock for countdowns and gating (F23); the payload is an empty object. */
async function syncTime(actor: Actor, raw: unknown) {
  timeSyncSchema.parse(raw);
  await spendBudget('timeSync', actor.id);
  return { serverTime: now().getTime() };
}

export const systemRoutes = { 'time:sync': syncTime } satisfies Partial<SocketRoutes>;

/** Staff who connect while this node runs degraded see the banner at once (changes reach them from server/app.ts). */
export function greetSystem(socket: AppSocket) {
  const redis = redisHealth();
  if (redis.configured && !redis.up && atLeast(socket.data.actor.role, 'FACILITATOR')) {
    socket.emit('system:degraded', { degraded: true, since: redis.downSince });
  }
}
