// What the discussion's moderators hear after a moderation action (the console's feed, `moderation:action`) and
// what the author hears about their own question (`question:reviewed`). Anonymous askers appear by pseudonym
// only (PersonRef); nothing here names them. Sent through server/realtime/bus.ts after the write committed.

import type { QuestionView } from '@/lib/live/views';
import type { ModerationAction, ModerationFeedItem, PersonRef, QuestionReviewedEvent, SanctionView } from '@/lib/moderation/views';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { publishToModerators, publishToUser } from '../realtime/bus';

type FeedLine = { action: ModerationAction; questionId?: string | null; target?: PersonRef | null; reason?: string | null };

function feedItem(actor: Pick<Actor, 'id' | 'displayName'> | null, line: FeedLine): ModerationFeedItem {
  return {
    action: line.action,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    questionId: line.questionId ?? null,
    target: line.target ?? null,
    reason: line.reason ?? null,
    at: now().toISOString(),
  };
}

/** To the discussion's moderators: the feed line, the question's new moderator view, the sanction. A null actor is the system (care lane, reports). */
export function publishModerationAction(
  discussionId: string,
  actor: Pick<Actor, 'id' | 'displayName'> | null,
  line: FeedLine,
  question: QuestionView | null,
  sanction: SanctionView | null = null,
) {
  publishToModerators(discussionId, 'moderation:action', { item: feedItem(actor, line), question, sanction });
}

/** To the author alone, privately: what happened to their question and why. */
export function publishReviewed(authorId: string, event: QuestionReviewedEvent) {
  publishToUser(authorId, 'question:reviewed', event);
}
