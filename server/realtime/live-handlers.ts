// Socket edge of the live room: each event calls one command and acks (server/realtime/handler.ts); the
// commands parse their own input. Joining and leaving also move the socket between the room's rooms.
import { discussionRefSchema } from '@/lib/live/schema';
import { rooms } from '@/lib/realtime/events';
import type { Actor } from '../auth/actor';
import { spendBudget } from '../live/budgets';
import { endDiscussion, joinDiscussion, startDiscussion } from '../live/commands';
import { removedError } from '../live/context';
import { schedulePresence, socketLeftRoom } from '../live/presence';
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
import { moderatorRightsEndedSince, removedFromDiscussionSince } from './bus';
import type { AppSocket, SocketRoutes } from './handler';

function leaveCurrent(socket: AppSocket) {
  const joined = socket.data.joined;
  if (!joined) return;
  void socket.leave(rooms.discussion(joined.discussionId));
  void socket.leave(rooms.discussionMods(joined.discussionId));
  socket.data.joined = undefined;
  socketLeftRoom(joined.discussionId, socket.id);
  schedulePresence(joined.discussionId);
}

async function join(actor: Actor, raw: unknown, socket: AppSocket) {
  const ctx = await joinDiscussion(
    actor,
    raw,
    async (ctx) => {
      // Removed on this node since the rights were read: refused before entering (same turn as the join below).
      if (!ctx.isMod && removedFromDiscussionSince(actor.id, ctx.discussion.id, ctx.loadedAt)) throw removedError();
      if (socket.data.joined?.discussionId !== ctx.discussion.id) leaveCurrent(socket);
      await socket.join(rooms.discussion(ctx.discussion.id));
      // Checked in the same turn as entering: a removal since the rights were read keeps the socket out.
      if (ctx.isMod && !moderatorRightsEndedSince(actor.id, ctx.discussion.id, ctx.loadedAt)) await socket.join(rooms.discussionMods(ctx.discussion.id));
      else await socket.leave(rooms.discussionMods(ctx.discussion.id));
      socket.data.joined ??= { discussionId: ctx.discussion.id, at: new Date().toISOString() };
      schedulePresence(ctx.discussion.id);
    },
    () => leaveCurrent(socket),
  );
  // The join state: the room core's part and each room feature's part, read for the rights of now.
  const [core, questions] = await Promise.all([getRoomCore(actor, ctx), getRoomQuestions(actor, ctx)]);
  return { ...core, ...questions };
}

async function leave(actor: Actor, raw: unknown, socket: AppSocket) {
  discussionRefSchema.parse(raw);
  await spendBudget('leave', actor.id);
  leaveCurrent(socket);
  return null;
}

export const liveRoutes = {
  'discussion:join': join,
  'discussion:leave': leave,
  'questions:page': pageQuestions,
  'discussion:start': startDiscussion,
  'discussion:end': endDiscussion,
  'question:ask': askQuestion,
  'question:vote': voteQuestion,
  'question:unvote': unvoteQuestion,
  'question:edit': editQuestion,
  'question:withdraw': withdrawQuestion,
  'question:reply': replyToQuestion,
  'question:highlight': highlightQuestion,
  'question:answer': answerQuestion,
} satisfies Partial<SocketRoutes>;

/** The socket's room is left when it goes (shared by every socket: `this` is the socket). */
export function leftOnDisconnect(this: AppSocket) {
  if (!this.data.joined) return;
  socketLeftRoom(this.data.joined.discussionId, this.id);
  schedulePresence(this.data.joined.discussionId);
}
