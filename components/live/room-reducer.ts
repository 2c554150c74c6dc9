// The live room's client state: the joined snapshot plus every broadcast applied in order. Pure, unit-tested.
import type { Attendee, QuestionView, RoomState } from '@/lib/live/views';

export type SortMode = 'top' | 'new' | 'answered';

export type RoomModel = {
  room: RoomState | null;
  questions: Record<string, QuestionView>;
  highlight: string | null;
  myVotes: string[];
  mine: string[];
  attendeeCount: number;
  attendees: Attendee[] | undefined;
  /** Where the next page of older/less-voted questions starts (large rooms), or null. */
  nextOffset: number | null;
};

export type RoomAction =
  | { type: 'joined'; state: RoomState }
  | { type: 'question'; question: QuestionView; mine?: boolean }
  | { type: 'page'; questions: QuestionView[]; nextOffset: number | null }
  | { type: 'withdrawn'; id: string }
  | { type: 'tallies'; tallies: [string, number][] }
  | { type: 'reply'; questionId: string; reply: QuestionView['replies'][number] }
  | { type: 'highlight'; questionId: string | null }
  | { type: 'answered'; id: string; answeredAt: string }
  | { type: 'state'; status: RoomState['discussion']['status']; startedAt: string | null; endedAt: string | null }
  | { type: 'presence'; count: number; attendees?: Attendee[] }
  | { type: 'myVote'; id: string; on: boolean; votes?: number };

export const emptyRoom: RoomModel = {
  room: null,
  questions: {},
  highlight: null,
  myVotes: [],
  mine: [],
  attendeeCount: 0,
  attendees: undefined,
  nextOffset: null,
};

export function roomReducer(m: RoomModel, a: RoomAction): RoomModel {
  switch (a.type) {
    case 'joined':
      return {
        room: a.state,
        questions: Object.fromEntries(a.state.questions.map((q) => [q.id, q])),
        highlight: a.state.discussion.highlightedQuestionId,
        myVotes: a.state.myVotes,
        mine: a.state.mine,
        attendeeCount: a.state.attendeeCount,
        attendees: a.state.attendees,
        nextOffset: a.state.nextOffset,
      };
    case 'page': {
      // What we already hold is at least as fresh as a page read a moment ago.
      const questions = { ...m.questions };
      for (const q of a.questions) questions[q.id] ??= q;
      return { ...m, questions, nextOffset: a.nextOffset };
    }
    case 'question': {
      const prev = m.questions[a.question.id];
      // Keep our own tally/replies if a broadcast view is older than what we already hold.
      const question = prev
        ? {
            ...a.question,
            votes: Math.max(prev.votes, a.question.votes),
            replies: prev.replies.length > a.question.replies.length ? prev.replies : a.question.replies,
          }
        : a.question;
      return {
        ...m,
        questions: { ...m.questions, [a.question.id]: question },
        mine: a.mine && !m.mine.includes(a.question.id) ? [...m.mine, a.question.id] : m.mine,
      };
    }
    case 'withdrawn': {
      const { [a.id]: _gone, ...rest } = m.questions;
      return { ...m, questions: rest, highlight: m.highlight === a.id ? null : m.highlight };
    }
    case 'tallies': {
      const questions = { ...m.questions };
      for (const [id, votes] of a.tallies) if (questions[id]) questions[id] = { ...questions[id], votes };
      return { ...m, questions };
    }
    case 'reply': {
      const q = m.questions[a.questionId];
      if (!q || q.replies.some((r) => r.id === a.reply.id)) return m;
      return { ...m, questions: { ...m.questions, [q.id]: { ...q, replies: [...q.replies, a.reply] } } };
    }
    case 'highlight':
      return { ...m, highlight: a.questionId };
    case 'answered': {
      const q = m.questions[a.id];
      return {
        ...m,
        highlight: m.highlight === a.id ? null : m.highlight,
        questions: q ? { ...m.questions, [a.id]: { ...q, answeredAt: a.answeredAt } } : m.questions,
      };
    }
    case 'state':
      if (!m.room) return m;
      return {
        ...m,
        highlight: a.status === 'ENDED' ? null : m.highlight,
        room: { ...m.room, discussion: { ...m.room.discussion, status: a.status, startedAt: a.startedAt, endedAt: a.endedAt } },
      };
    case 'presence':
      return { ...m, attendeeCount: a.count, attendees: a.attendees ?? m.attendees };
    case 'myVote': {
      const myVotes = a.on ? [...new Set([...m.myVotes, a.id])] : m.myVotes.filter((v) => v !== a.id);
      const q = m.questions[a.id];
      const votes = a.votes ?? (q ? Math.max(0, q.votes + (a.on ? 1 : -1)) : 0);
      return { ...m, myVotes, questions: q ? { ...m.questions, [a.id]: { ...q, votes } } : m.questions };
    }
  }
}

/** The list for a tab: top = most votes first; new = newest first; answered = most recently answered. */
export function sortedQuestions(m: RoomModel, mode: SortMode): QuestionView[] {
  const all = Object.values(m.questions).filter((q) => q.status !== 'WITHDRAWN');
  if (mode === 'answered') return all.filter((q) => q.answeredAt).sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  const open = all.filter((q) => !q.answeredAt);
  if (mode === 'new') return open.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return open.sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
