// Socket edge of the care lane and member reports: each event calls one command (server/care/commands.ts,
// server/reports/commands.ts: they parse their own input and check rights on every event) and acks.
import { chooseCareOutcome, keepCareItemPrivate, publishCareItem } from '../care/commands';
import { reportQuestion } from '../reports/commands';
import { type AppSocket, handle } from './handler';

export function registerCareHandlers(socket: AppSocket) {
  socket.on('question:report', handle(socket, reportQuestion));
  socket.on('care:publish', handle(socket, publishCareItem));
  socket.on('care:keep-private', handle(socket, keepCareItemPrivate));
  socket.on('care:choose', handle(socket, chooseCareOutcome));
}
