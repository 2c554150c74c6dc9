// What the recap pages show. No Prisma.

/** A public reply to a question, as the recap keeps it (never a private one). */
export type RecapReply = { author: string; body: string };

export type RecapItemView = {
  id: string;
  /** `answered` in the discussion, or approved but unanswered: `follow_up`. */
  kind: 'answered' | 'follow_up';
  body: string;
  /**
   * Who asked, as this viewer may know it: the display name for signed-in viewers; `anonymous` for an anonymous
   * question (never its asker's name, for anyone); `member` for every question when a signed-out visitor reads a
   * public recap (the room itself needs an account, so its askers' names stay inside the community).
   */
  asker: { kind: 'named'; name: string } | { kind: 'anonymous' } | { kind: 'member' };
  replies: RecapReply[];
  removed: boolean;
  /** Editors only (null for everyone else): the staff member who answers the follow-up. */
  assignedTo: { id: string; name: string } | null;
  followUpAnswer: string | null;
  answeredAt: string | null;
};

/**
 * The counts of a discussion, taken when it ended:
 * - asked: every question asked, whatever became of it;
 * - approved: shown to the room (answered or not), including duplicates merged into another question;
 * - held: waited for review (pre-moderation, the new-member tier, the word filter), whatever the outcome;
 * - rejected: not approved;
 * - care: went to the private care lane (counted, never shown);
 * - peakAttendance: the most people in the room at once; durationMinutes: from start to end.
 */
type RecapCounts = {
  asked: number;
  approved: number;
  held: number;
  rejected: number;
  care: number;
  peakAttendance: number;
  durationMinutes: number;
};

export type RecapView = {
  discussion: { id: string; title: string; startsAt: string; timeZone: string };
  status: 'DRAFT' | 'PUBLISHED';
  note: string;
  counts: RecapCounts;
  /** Everyone but editors sees the items that were not removed only. */
  items: RecapItemView[];
  publishedAt: string | null;
  can: {
    /** The host or an admin: remove and restore items, the note, assignments, publishing. */
    edit: boolean;
    /** Item ids whose follow-up this person may answer (editors: every follow-up). */
    answer: string[];
  };
  /** Editors only: who a follow-up may be assigned to (the discussion's hosts and facilitators). */
  staff: { id: string; name: string }[];
};
