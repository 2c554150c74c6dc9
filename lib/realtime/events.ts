// The typed Socket.IO contract shared by server and browser: event maps, ack shape and room names.

import type { ListStaffMessagesInput, PostStaffMessageInput } from '../backchannel/schema';
import type { StaffMessageView } from '../backchannel/views';
import type { ChooseCareOutcomeInput, KeepCareItemPrivateInput, PublishCareItemInput } from '../care/schema';
import type { DiscussionStatus } from '../discussions/schema';
import type { JoinDiscussionInput } from '../live/schema';
import type { Attendee, QuestionPage, QuestionView, ReplyView, RoomState } from '../live/views';
import type {
  ApproveQuestionInput,
  BanParticipantInput,
  ClaimQuestionInput,
  HideQuestionInput,
  MergeQuestionInput,
  MuteParticipantInput,
  QueueQuestionInput,
  RedactQuestionInput,
  RejectQuestionInput,
  RemoveParticipantInput,
  RestoreQuestionInput,
  ResubmitQuestionInput,
  RevealAuthorInput,
  UnanswerQuestionInput,
  UnmuteParticipantInput,
} from '../moderation/schema';
import type { ModerationEvent, ModerationState, QuestionReviewedEvent, SanctionNotice, SanctionView } from '../moderation/views';
import type { NotificationCreatedPayload } from '../notifications/views';
import type { AskQuestionInput, PageQuestionsInput, ReplyToQuestionInput } from '../questions/schema';
import type { ReportOutcome, ReportQuestionInput, ReportReceipt } from '../reports/schema';
import type { Result } from '../result';
import type { RoleName } from '../users/roles';
import type { SetContentWarningInput } from '../warnings/schema';

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
  /** A reply; `private: true` reaches the asker and the staff only (always private on a care-lane question). */
  'question:reply': (payload: ReplyToQuestionInput, ack: Ack<ReplyView>) => void;
  'question:highlight': (payload: { discussionId: string; questionId: string | null }, ack: Ack<null>) => void;
  'question:answer': (payload: QuestionRef, ack: Ack<null>) => void;
  /** Undoes "mark answered" within 10 s. */
  'question:unanswer': (payload: UnanswerQuestionInput, ack: Ack<null>) => void;
  /** The author edits their rejected question and sends it for review again (once). */
  'question:resubmit': (payload: ResubmitQuestionInput, ack: Ack<QuestionView>) => void;
  // Moderation queue (hosts and facilitators; server/moderation/commands.ts). Acks carry the moderator view; a
  // stale `version` answers `conflict` with the current view in the error's `current`.
  'moderation:state': (payload: DiscussionRef, ack: Ack<ModerationState>) => void;
  'question:approve': (payload: ApproveQuestionInput, ack: Ack<QuestionView>) => void;
  'question:reject': (payload: RejectQuestionInput, ack: Ack<QuestionView>) => void;
  'question:hide': (payload: HideQuestionInput, ack: Ack<QuestionView>) => void;
  'question:restore': (payload: RestoreQuestionInput, ack: Ack<QuestionView>) => void;
  'question:redact': (payload: RedactQuestionInput, ack: Ack<QuestionView>) => void;
  'question:merge': (payload: MergeQuestionInput, ack: Ack<QuestionView>) => void;
  'question:queue': (payload: QueueQuestionInput, ack: Ack<QuestionView>) => void;
  'question:claim': (payload: ClaimQuestionInput, ack: Ack<QuestionView>) => void;
  /** Shows the revealer alone who asked an anonymous question; audited, and the author is told who looked and why. */
  'author:reveal': (payload: RevealAuthorInput, ack: Ack<{ name: string }>) => void;
  'participant:mute': (payload: MuteParticipantInput, ack: Ack<SanctionView>) => void;
  'participant:unmute': (payload: UnmuteParticipantInput, ack: Ack<null>) => void;
  'participant:remove': (payload: RemoveParticipantInput, ack: Ack<SanctionView>) => void;
  /** Community ban from the console: admins only. */
  'participant:ban': (payload: BanParticipantInput, ack: Ack<null>) => void;
  // Care lane and member reports (server/care/, server/reports/).
  /** A member reports someone else's visible question (once); "at risk" sends it to the care lane at once. */
  'question:report': (payload: ReportQuestionInput, ack: Ack<ReportReceipt>) => void;
  /** Staff: publish a version of a care question without the risky detail (with the asker's consent). */
  'care:publish': (payload: PublishCareItemInput, ack: Ack<QuestionView>) => void;
  /** Staff: close a care item, keeping it between the asker and the facilitators. */
  'care:keep-private': (payload: KeepCareItemPrivateInput, ack: Ack<QuestionView>) => void;
  /** The asker alone: may a version of their care question without the details be asked ('share_safer'), or 'keep_private'. */
  'care:choose': (payload: ChooseCareOutcomeInput, ack: Ack<QuestionView>) => void;
  // Staff backchannel (hosts, facilitators, moderating admins; server/backchannel/) and content warnings after asking.
  'backchannel:load': (payload: ListStaffMessagesInput, ack: Ack<StaffMessageView[]>) => void;
  'backchannel:post': (payload: PostStaffMessageInput, ack: Ack<StaffMessageView>) => void;
  /** The author or staff set or clear a question's content warning; the room hears 'question:edited'. */
  'question:warn': (payload: SetContentWarningInput, ack: Ack<QuestionView>) => void;
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
  /** To staff on this node: it runs degraded (Redis unreachable: other nodes' broadcasts paused) or has recovered. */
  'system:degraded': (payload: { degraded: boolean; since: string | null }) => void;
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
  'question:unanswered': (payload: { id: string }) => void;
  // Moderation, to the audience: only what changes what they see.
  /** A held question was approved (or a hidden/rejected one restored): it appears for everyone. */
  'question:approved': (payload: QuestionView) => void;
  /** Hidden, rejected or merged: it leaves the audience's list (votes are kept for a restore). */
  'question:hidden': (payload: { id: string }) => void;
  'question:redacted': (payload: QuestionView) => void;
  /** A duplicate merged into `intoId`: its voters now count there, each once. */
  'question:merged': (payload: { id: string; intoId: string; votes: number }) => void;
  /** To the discussion's moderators after every moderation action: the new moderator view and the feed line. */
  'moderation:action': (payload: ModerationEvent) => void;
  /** To the author alone: what happened to their question and why. */
  'question:reviewed': (payload: QuestionReviewedEvent) => void;
  /** To the sanctioned person alone: muted (until when, why), unmuted, or removed from the discussion. */
  'participant:sanctioned': (payload: SanctionNotice) => void;
  /** To one reporter alone: what the facilitators decided about a question they reported (no text of it). */
  'report:outcome': (payload: { discussionId: string; questionId: string; outcome: ReportOutcome; message: string }) => void;
  /** To the discussion's moderators' room only, never the audience (F28): a staff backchannel message. */
  'backchannel:posted': (payload: StaffMessageView) => void;
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
