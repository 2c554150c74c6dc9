// What the live room sends. No view carries the author of an anonymous question: the audience sees "Anonymous",
// moderators (room `discussion:<id>:mods`) a pseudonym per discussion (F27); the author knows their own through
// `mine`.
import type { CareInfo } from '../care/views';
import type { DiscussionStatus } from '../discussions/schema';
import type { HoldReason } from '../moderation/schema';
import type { ReportSummary } from '../reports/schema';

type QuestionStatus = 'PENDING' | 'VISIBLE' | 'HIDDEN' | 'REJECTED' | 'WITHDRAWN' | 'MERGED' | 'CARE';
export type RoomRole = 'member' | 'facilitator' | 'host' | 'admin';

/** A staff mark computed on the server from the person's rights in this discussion, shown next to their name. */
export type StaffBadge = 'host' | 'facilitator' | 'admin';

export type ReplyView = {
  id: string;
  body: string;
  authorName: string;
  authorBadge: StaffBadge | null;
  createdAt: string;
  /** A private reply: seen by the asker and the discussion's staff only (never sent to the audience, F28). */
  private?: boolean;
};

export type QuestionView = {
  id: string;
  body: string;
  anonymous: boolean;
  /** null for anonymous questions in every view. `id` only on moderator views of named questions. */
  author: { name: string; id?: string; badge: StaffBadge | null } | null;
  /** Moderator views of anonymous questions: the asker's stable pseudonym in this discussion ("Anonymous fox"). */
  pseudonym: string | null;
  contentWarning: string | null;
  status: QuestionStatus;
  votes: number;
  answeredAt: string | null;
  editedAt: string | null;
  createdAt: string;
  replies: ReplyView[];
  /** Grows with every change of status, body or order; moderation actions name the version they saw (F26). */
  version: number;
  /** Why it waits for review: on moderator views and the author's own; [] otherwise. */
  heldFor: HoldReason[];
  /** Why it was rejected: on moderator views and the author's own; null otherwise. */
  rejectReason: string | null;
  /** A facilitator edited it (e.g. removed a name); everyone may know that it was edited. */
  redacted: boolean;
  /** The facilitator's note on that edit: on the author's own view and moderator views only; null otherwise. */
  redactionNote: string | null;
  /** The author's own view of a rejected question that may still be edited and resubmitted (once). */
  canResubmit: boolean;
  /** Merged into that question (a duplicate). */
  mergedIntoId: string | null;
  /** "Up next" order of approved questions (0 first): moderator views only. */
  queuePosition: number | null;
  /** Who is on it ("Sam is on it") and until when: moderator views only. */
  claim: { byId: string; byName: string; until: string } | null;
  /** The care lane (status CARE, or closed care items): moderator views only. */
  care?: CareInfo | null;
  /** The asker's own answer on their open care question (the author's own view only; staff read `care.askerChoice`). */
  careChoice?: CareInfo['askerChoice'];
  /** Members' open reports, counted per category, with the newest notes (never who reported): moderator views only. */
  reports?: ReportSummary | null;
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
  /** My own mute in this discussion that is in force now (null: until the discussion ends), so a reload still shows it. Never on others' views. */
  mySanction: { kind: 'mute'; until: string | null; reason: string | null } | null;
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
