// Socket edge of the staff backchannel and of content warnings: each event calls one use case and acks
// (server/realtime/handler.ts); the use cases parse their own input and check the rights.
import { postStaffMessage } from '../backchannel/commands';
import { listStaffMessages } from '../backchannel/queries';
import { setContentWarning } from '../warnings/commands';
import { type AppSocket, handle } from './handler';

export function registerBackchannelHandlers(socket: AppSocket) {
  socket.on('backchannel:load', handle(socket, listStaffMessages));
  socket.on('backchannel:post', handle(socket, postStaffMessage));
  socket.on('question:warn', handle(socket, setContentWarning));
}
