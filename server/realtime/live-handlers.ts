// Socket edge of the live room: each event validates, calls one command and acks (server/realtime/handler.ts).
import { discussionRefSchema } from '@/lib/live/schema';
import { rooms } from '@/lib/realtime/events';
import { z } from 'zod';
import { endDiscussion, joinDiscussion, startDiscussion } from '../live/commands';
import { schedulePresence } from '../live/presence';
import { getRoomCore } from '../live/queries';
import {
  answerQuestion,
  askQuestion,
  editQuestion,
  highlightQuestion,
  replyToQuestion,
  unvoteQuestion,
  voteQuestion,
  withdrawQuestion,
} from '../questions/commands';
import { getRoomQuestions, pageQuestions } from '../questions/queries';
import { handle, type AppSocket } from './handler';

const any = z.unknown(); // commands parse their own input with the shared schemas

function leaveCurrent(socket: AppSocket) {
  const joined = socket.data.joined;
  if (!joined) return;
  void socket.leave(rooms.discussion(joined.discussionId));
  void socket.leave(rooms.discussionMods(joined.discussionId));
  socket.data.joined = undefined;
  schedulePresence(joined.discussionId);
}

export function registerLiveHandlers(socket: AppSocket) {
  socket.on(
    'discussion:join',
    handle(socket, any, async (actor, input) => {
      const ctx = await joinDiscussion(actor, input, async (ctx) => {
        if (socket.data.joined?.discussionId !== ctx.discussion.id) leaveCurrent(socket);
        await socket.join(rooms.discussion(ctx.discussion.id));
        if (ctx.isMod) await socket.join(rooms.discussionMods(ctx.discussion.id));
        else await socket.leave(rooms.discussionMods(ctx.discussion.id));
        socket.data.joined ??= { discussionId: ctx.discussion.id, at: new Date().toISOString() };
        schedulePresence(ctx.discussion.id);
      });
      // The join state: the room core's part and each room feature's part, read for the rights of now.
      const [core, questions] = await Promise.all([getRoomCore(actor, ctx), getRoomQuestions(actor, ctx)]);
      return { ...core, ...questions };
    }),
  );
  socket.on(
    'discussion:leave',
    handle(socket, discussionRefSchema, async () => {
      leaveCurrent(socket);
      return null;
    }),
  );
  socket.on('questions:page', handle(socket, any, (actor, input) => pageQuestions(actor, input)));
  socket.on('discussion:start', handle(socket, any, (actor, input) => startDiscussion(actor, input)));
  socket.on('discussion:end', handle(socket, any, (actor, input) => endDiscussion(actor, input)));
  socket.on('question:ask', handle(socket, any, (actor, input) => askQuestion(actor, input)));
  socket.on('question:vote', handle(socket, any, (actor, input) => voteQuestion(actor, input)));
  socket.on('question:unvote', handle(socket, any, (actor, input) => unvoteQuestion(actor, input)));
  socket.on('question:edit', handle(socket, any, (actor, input) => editQuestion(actor, input)));
  socket.on('question:withdraw', handle(socket, any, (actor, input) => withdrawQuestion(actor, input)));
  socket.on('question:reply', handle(socket, any, (actor, input) => replyToQuestion(actor, input)));
  socket.on('question:highlight', handle(socket, any, (actor, input) => highlightQuestion(actor, input)));
  socket.on('question:answer', handle(socket, any, (actor, input) => answerQuestion(actor, input)));
  socket.on('disconnect', () => {
    if (socket.data.joined) schedulePresence(socket.data.joined.discussionId);
  });
}
