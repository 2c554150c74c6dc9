// Who hears about a question, and in which view: the audience gets the audience view (no anonymous authors),
// moderators theirs (anonymous askers by pseudonym only); an event about a question the audience may not see goes to moderators and its author
// only. Vote tallies are coalesced per room. Everything is sent through server/realtime/bus.ts, after the write.
import type { ServerEventName, ServerEventPayload } from '@/lib/realtime/events';
import { db } from '../db/client';
import { isPublishing, publishToAudience, publishToModerators, publishToRoom } from '../realtime/bus';
import { coalescer } from '../realtime/coalesce';
import { audienceView, type Badges, moderatorView, type Pseudonyms, type QuestionRow } from './views';

const TALLY_INTERVAL_MS = 250; // at most 4 tally messages per second per room

/** A question as the audience and as moderators see it. Pending questions go to moderators only. */
export function publishQuestion(discussionId: string, event: 'question:asked' | 'question:edited', row: QuestionRow, badges: Badges, pseudonyms: Pseudonyms) {
  if (row.status === 'VISIBLE') publishToAudience(discussionId, event, audienceView(row, badges));
  publishToModerators(discussionId, event, moderatorView(row, badges, pseudonyms));
}

type AboutQuestion = { discussionId: string; status: QuestionRow['status']; authorId: string };

/**
 * An event about one question (reply, answered, withdrawn), sent to whoever may see the question: the whole
 * room when it is visible; otherwise only the moderators and its author (who sees their own pending question).
 */
export function publishAboutQuestion<E extends ServerEventName>(q: AboutQuestion, event: E, payload: ServerEventPayload<E>) {
  if (q.status === 'VISIBLE') publishToRoom(q.discussionId, event, payload);
  else publishToModerators(q.discussionId, event, payload, { andUser: q.authorId });
}

const tallies = () => coalescer<string>('vote tallies', TALLY_INTERVAL_MS, sendTallies);

/** A vote changed a question's count: the room hears the new counts within one tally interval. */
export function markTallyDirty(discussionId: string, questionId: string) {
  tallies().mark(discussionId, questionId);
}

async function sendTallies(discussionId: string, questionIds: string[]) {
  if (!isPublishing()) return;
  // Counts come from the database, so nodes that coalesce separately never send a stale number last.
  // Only visible questions: one hidden between a vote and this flush must not reach the audience, not even its id.
  const rows = await db().question.findMany({ where: { id: { in: questionIds }, status: 'VISIBLE' }, select: { id: true, voteCount: true } });
  publishToRoom(discussionId, 'question:voted', { tallies: rows.map((r) => [r.id, r.voteCount] as [string, number]) });
}
