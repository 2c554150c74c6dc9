// The typed Socket.IO contract shared by server and browser: event maps, ack shape and room names.

import type { DiscussionStatus } from '../discussions/schema';
import type { JoinDiscussionInput } from '../live/schema';
import type { Attendee, QuestionPage, QuestionView, ReplyView, RoomState } from '../live/views';
import type { NotificationCreatedPayload } from '../notifications/views';
import type { AskQuestionInput, PageQuestionsInput } from '../questions/schema';
import type { Result } from '../result';
import type { RoleName } from '../users/roles';

type DiscussionRef = { discussionId: string };
type QuestionRef = { questionId: string };

export type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents {
  /** Server clock for countdowns and gating (F23): clients never trust their own clock. */
  'time:sync': (payload: Record<string, never>, ack: Ack<{ serverTime: number }>) => void;
  // Live room. The join ack carries the whole room state in one message.
  'discussion:join': (payload: JoinDiscussionInput, ack: Ack<RoomState>) => void;
  'discussion:leave': (payload: DiscussionRef, ack: Ack<null>) => void;
  /** Questions beyond the join state's first 200, in the same order of relevance. */
  'questions:page': (payload: PageQuestionsInput, ack: Ack<QuestionPage>) => void;
  'discussion:start': (payload: DiscussionRef, ack: Ack<null>) => void;
  'discussion:end': (payload: DiscussionRef, ack: Ack<null>) => void;
  'question:ask': (payload: AskQuestionInput, ack: Ack<QuestionView>) => void;
  'question:vote': (payload: QuestionRef, ack: Ack<{ votes: number }>) => void;
  'question:unvote': (payload: QuestionRef, ack: Ack<{ votes: number }>) => void;
  'question:edit': (payload: QuestionRef & { body: string }, ack: Ack<QuestionView>) => void;
  'question:withdraw': (payload: QuestionRef, ack: Ack<null>) => void;
  'question:reply': (payload: QuestionRef & { body: string }, ack: Ack<ReplyView>) => void;
  'question:highlight': (payload: { discussionId: string; questionId: string | null }, ack: Ack<null>) => void;
  'question:answer': (payload: QuestionRef, ack: Ack<null>) => void;
}

export interface ServerToClientEvents {
  /** Your role or profile changed (e.g. an admin promoted you): refresh what you see. */
  'account:changed': (payload: { role: RoleName; displayName: string }) => void;
  /** Your account was suspended; the server disconnects you right after. */
  'account:suspended': (payload: Record<string, never>) => void;
  /** A new in-app notification for you (waitlist promotion, discussion changed or cancelled, starts soon). */
  'notification:created': (payload: NotificationCreatedPayload) => void;
  /** Your rights in this discussion changed (made or no longer staff): join again to get the view you may see. */
  'discussion:rights-changed': (payload: { discussionId: string }) => void;
  /** This node is shutting down; reconnect (to another node in scale mode). */
  'server:shutdown': (payload: { reconnectInMs: number }) => void;
  // Live room broadcasts (audience and moderator rooms get their own views of questions).
  'discussion:state': (payload: { discussionId: string; status: DiscussionStatus; startedAt: string | null; endedAt: string | null }) => void;
  'presence:changed': (payload: { discussionId: string; count: number; attendees?: Attendee[] }) => void;
  'question:asked': (payload: QuestionView) => void;
  'question:edited': (payload: QuestionView) => void;
  'question:withdrawn': (payload: { id: string }) => void;
  /** Vote tallies, coalesced to at most 4 messages a second per room: [questionId, votes][]. */
  'question:voted': (payload: { tallies: [string, number][] }) => void;
  'question:replied': (payload: { questionId: string; reply: ReplyView }) => void;
  'question:highlighted': (payload: { questionId: string | null }) => void;
  'question:answered': (payload: { id: string; answeredAt: string }) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** A client→server event (a command), what it carries, and what its ack answers. */
export type CommandName = keyof ClientToServerEvents;
export type CommandPayload<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
export type CommandData<E extends CommandName> = Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  discussion: (discussionId: string) => `discussion:${discussionId}`,
  discussionMods: (discussionId: string) => `discussion:${discussionId}:mods`,
};

/** Socket.IO limits shared by server and tests. */
export const SOCKET_MAX_BUFFER_BYTES = 32 * 1024;
