// What the live room sends. Audience views never carry the author of an anonymous question; moderator views
// (room `discussion:<id>:mods`) do.
import type { DiscussionStatus } from '../discussions/schema';

type QuestionStatus = 'PENDING' | 'VISIBLE' | 'HIDDEN' | 'REJECTED' | 'WITHDRAWN';
export type RoomRole = 'member' | 'facilitator' | 'host' | 'admin';

/** A staff mark computed on the server from the person's rights in this discussion, shown next to their name. */
export type StaffBadge = 'host' | 'facilitator' | 'admin';

export type ReplyView = { id: string; body: string; authorName: string; authorBadge: StaffBadge | null; createdAt: string };

export type QuestionView = {
  id: string;
  body: string;
  anonymous: boolean;
  /** null on audience views of anonymous questions. `id` only on moderator views. */
  author: { name: string; id?: string; badge: StaffBadge | null } | null;
  contentWarning: string | null;
  status: QuestionStatus;
  votes: number;
  answeredAt: string | null;
  editedAt: string | null;
  createdAt: string;
  replies: ReplyView[];
};

type RoomDiscussion = {
  id: string;
  title: string;
  status: DiscussionStatus;
  startsAt: string;
  startedAt: string | null;
  endedAt: string | null;
  anonymousDefault: boolean;
  moderationMode: 'PRE' | 'POST';
  highlightedQuestionId: string | null;
};

export type Attendee = { userId: string; name: string; joinedAt: string };

/** The room core's part of the join state (server/live/queries.ts). */
export type RoomCore = {
  discussion: RoomDiscussion;
  attendeeCount: number;
  attendees?: Attendee[];
  role: RoomRole;
  serverTime: number;
};

/** The questions' part of the join state (server/questions/queries.ts). */
export type RoomQuestions = {
  /** The most relevant questions (at most 200; own and highlighted always included); more with `questions:page`. */
  questions: QuestionView[];
  /** How many questions this person may see in all; more than `questions` holds when the room is large. */
  questionCount: number;
  /** Where `questions:page` continues, or null when nothing more is there. */
  nextOffset: number | null;
  /** Ids of the questions this person asked (so they can edit/withdraw them) and voted for. */
  mine: string[];
  myVotes: string[];
};

/** What a joiner receives in one message: the room core and each room feature's part. */
export type RoomState = RoomCore & RoomQuestions;

/** One page of questions beyond those in the join state. */
export type QuestionPage = { questions: QuestionView[]; nextOffset: number | null };
