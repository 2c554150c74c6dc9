// Events that belong to no domain: the server clock.
import { z } from 'zod';
import { handle, type AppSocket } from './handler';

const emptySchema = z.object({}).strict();

export function registerSystemHandlers(socket: AppSocket) {
  socket.on('time:sync', handle(socket, emptySchema, async () => ({ serverTime: Date.now() })));
}
