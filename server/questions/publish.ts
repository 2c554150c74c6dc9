// Broadcasts for questions, always after the write has committed and after the ack (write → ack → broadcast):
// publication is deferred to the next turn of the event loop. Audience and moderators get their own views.
import { rooms, type ServerEventName, type ServerEventPayload } from '@/lib/realtime/events';
import { db } from '../db/client';
import { getIo } from '../realtime/bus';
import { audienceView, moderatorView, type Badges, type QuestionRow } from './views';

export const TALLY_INTERVAL_MS = 250; // at most 4 tally messages per second per room

function later(fn: () => void) {
  setImmediate(() => {
    try {
      fn();
    } catch (err) {
      console.warn('[fireside] publish failed', err);
    }
  });
}

type ViewEvent = 'question:asked' | 'question:edited';

/** A question as the audience and as moderators see it. Pending questions go to moderators only. */
export function publishQuestion(discussionId: string, event: ViewEvent, row: QuestionRow, badges: Badges) {
  later(() => {
    const io = getIo();
    if (!io) return;
    if (row.status === 'VISIBLE') io.to(rooms.discussion(discussionId)).except(rooms.discussionMods(discussionId)).emit(event, audienceView(row, badges));
    io.to(rooms.discussionMods(discussionId)).emit(event, moderatorView(row, badges));
  });
}

/** An event for everyone in the discussion's room, audience and moderators alike. */
export function publishToRoom<E extends ServerEventName>(discussionId: string, event: E, payload: ServerEventPayload<E>) {
  later(() => {
    const room = getIo()?.to(rooms.discussion(discussionId)) as { emit(event: string, payload: unknown): void } | undefined;
    room?.emit(event, payload);
  });
}

type AboutQuestion = { discussionId: string; status: QuestionRow['status']; authorId: string };

/**
 * An event about one question (reply, answered, withdrawn), sent to whoever may see the question: the whole
 * room when it is visible; otherwise only the moderators and its author (who sees their own pending question).
 */
export function publishAboutQuestion<E extends ServerEventName>(q: AboutQuestion, event: E, payload: ServerEventPayload<E>) {
  if (q.status === 'VISIBLE') return publishToRoom(q.discussionId, event, payload);
  later(() => {
    const to = getIo()?.to(rooms.discussionMods(q.discussionId)).to(rooms.user(q.authorId)) as { emit(event: string, payload: unknown): void } | undefined;
    to?.emit(event, payload);
  });
}

// Tallies: votes mark a question dirty; one timer per room reads the current counts and sends them together.
const g = globalThis as { __firesideTallies?: Map<string, { ids: Set<string>; timer: NodeJS.Timeout }> };
const dirty = (g.__firesideTallies ??= new Map());

export function markTallyDirty(discussionId: string, questionId: string) {
  const entry = dirty.get(discussionId);
  if (entry) {
    entry.ids.add(questionId);
    return;
  }
  dirty.set(discussionId, {
    ids: new Set([questionId]),
    timer: setTimeout(() => void flushTallies(discussionId), TALLY_INTERVAL_MS),
  });
}

async function flushTallies(discussionId: string) {
  const entry = dirty.get(discussionId);
  dirty.delete(discussionId);
  const io = getIo();
  if (!entry || !io) return;
  try {
    // Counts come from the database, so nodes that coalesce separately never send a stale number last.
    const rows = await db().question.findMany({ where: { id: { in: [...entry.ids] } }, select: { id: true, voteCount: true } });
    io.to(rooms.discussion(discussionId)).emit('question:voted', { tallies: rows.map((r) => [r.id, r.voteCount] as [string, number]) });
  } catch (err) {
    console.warn('[fireside] tally flush failed', (err as Error).message);
  }
}

export function stopTallyTimers() {
  for (const { timer } of dirty.values()) clearTimeout(timer);
  dirty.clear();
}
