// What the moderation queue sends. Facilitators see anonymous askers by pseudonym only ("Anonymous fox"): no
// frame carries an anonymous author's id or name unless a reveal happened, and then only the revealer's ack (F27).
import type { QuestionView } from '../live/views';

/** A moderation action as the console's feed and the audit log name it. */
export type ModerationAction =
  | 'approved'
  | 'rejected'
  | 'hidden'
  | 'restored'
  | 'redacted'
  | 'merged'
  | 'queued'
  | 'highlighted'
  | 'answered'
  | 'unanswered'
  | 'claimed'
  | 'released'
  | 'revealed'
  | 'muted'
  | 'unmuted'
  | 'removed'
  | 'banned'
  // The care lane and reports (issue 10): opened and auto-hidden are the system's (actor null).
  | 'care_opened'
  | 'care_published'
  | 'care_kept_private'
  | 'replied_privately'
  | 'auto_hidden';

/** A person as staff may see them: by name, or by pseudonym when they were named through an anonymous question. */
export type PersonRef = { userId: string; name: string } | { pseudonym: string; questionId: string };

export type SanctionView = {
  id: string;
  kind: 'mute' | 'remove';
  target: PersonRef;
  /** When a mute ends (ISO); null: until the discussion ends (mutes) or for good (removals). */
  until: string | null;
  reason: string;
  byName: string | null;
  at: string;
};

/** One line of the console's feed: what a facilitator did, as it happened. */
export type ModerationFeedItem = {
  action: ModerationAction;
  /** The staff member who acted (staff ids are not secret to staff; an asker is never the actor of a feed line). */
  actorId: string | null;
  actorName: string | null;
  /** The question acted on, when there is one. */
  questionId: string | null;
  /** The person acted on (sanctions), by name or pseudonym. */
  target: PersonRef | null;
  reason: string | null;
  at: string;
};

export type ReasonTemplateView = { id: string; label: string; body: string };

/** What the console loads after joining the room as a moderator (`moderation:state`). */
export type ModerationState = {
  sanctions: SanctionView[];
  templates: ReasonTemplateView[];
  /** The latest actions in this discussion, newest first. */
  feed: ModerationFeedItem[];
};

/** To the discussion's moderators after every moderation action: the new moderator view and the feed line. */
export type ModerationEvent = { item: ModerationFeedItem; question: QuestionView | null; sanction: SanctionView | null };

/** To the author alone, privately: what happened to their question and why. */
export type QuestionReviewedEvent = {
  /** `care`: the question went to the care lane (the facilitators answer privately); `care_published`: a safer version is asked. */
  action: 'approved' | 'rejected' | 'hidden' | 'restored' | 'redacted' | 'merged' | 'revealed' | 'care' | 'care_published';
  question: QuestionView;
  /** The reason (rejection), the redaction note, the merge target's text, or who looked and why (reveal). */
  message: string | null;
};

/** To the sanctioned person alone. */
export type SanctionNotice = { discussionId: string; kind: 'mute' | 'remove' | 'unmute'; until: string | null; reason: string | null };
