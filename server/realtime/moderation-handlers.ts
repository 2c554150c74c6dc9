// Socket edge of the moderation queue: each event calls one command (server/moderation/commands.ts, which
// parses its own input and checks the moderator's rights on every event) and acks (server/realtime/handler.ts).
import {
  approveQuestion,
  banParticipant,
  claimQuestion,
  hideQuestion,
  mergeQuestion,
  muteParticipant,
  queueQuestion,
  redactQuestion,
  rejectQuestion,
  removeParticipant,
  restoreQuestion,
  resubmitQuestion,
  revealAuthor,
  unanswerQuestion,
  unmuteParticipant,
} from '../moderation/commands';
import { getModerationState } from '../moderation/queries';
import { type AppSocket, handle } from './handler';

export function registerModerationHandlers(socket: AppSocket) {
  socket.on('moderation:state', handle(socket, getModerationState));
  socket.on('question:approve', handle(socket, approveQuestion));
  socket.on('question:reject', handle(socket, rejectQuestion));
  socket.on('question:hide', handle(socket, hideQuestion));
  socket.on('question:restore', handle(socket, restoreQuestion));
  socket.on('question:redact', handle(socket, redactQuestion));
  socket.on('question:merge', handle(socket, mergeQuestion));
  socket.on('question:queue', handle(socket, queueQuestion));
  socket.on('question:claim', handle(socket, claimQuestion));
  socket.on('question:unanswer', handle(socket, unanswerQuestion));
  socket.on('question:resubmit', handle(socket, resubmitQuestion));
  socket.on('author:reveal', handle(socket, revealAuthor));
  socket.on('participant:mute', handle(socket, muteParticipant));
  socket.on('participant:unmute', handle(socket, unmuteParticipant));
  socket.on('participant:remove', handle(socket, removeParticipant));
  socket.on('participant:ban', handle(socket, banParticipant));
}
