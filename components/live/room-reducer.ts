// The live room's client state: the joined snapshot plus every broadcast applied in order. Pure, unit-tested.
import type { Attendee, QuestionView, RoomState } from '@/lib/live/views';
import type { QuestionReviewedEvent, SanctionNotice } from '@/lib/moderation/views';

export type SortMode = 'top' | 'new' | 'answered';

/** The latest review of one of my questions, and the redaction note (it outlasts the approval that follows). */
export type QuestionReview = Pick<QuestionReviewedEvent, 'action' | 'message'> & { redactionNote: string | null };

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
  /**
   * Joins are numbered by the client: the newest one sent, and the one whose answer this model shows (0: none).
   * Two joins can be in flight at once (a reconnection and a rights change) and their acks arrive in any order;
   * only the newest one's answer may replace the model, or an older moderator view would come back.
   */
  joinSeq: number;
  joinedSeq: number;
  /** Our rights here changed and the re-join has not answered yet: the model holds only what the audience sees. */
  rejoining: boolean;
  /** What the facilitators told me about my own questions (the reason, the redaction note), by question id. */
  reviews: Record<string, QuestionReview>;
  /** I am muted (until when; null: until the discussion ends) or removed from this discussion. */
  sanction: { kind: 'mute' | 'remove'; until: string | null; reason: string | null } | null;
};

export type RoomAction =
  | { type: 'joining'; seq: number; rightsChanged?: boolean }
  | { type: 'joined'; seq: number; state: RoomState }
  | { type: 'question'; question: QuestionView; mine?: boolean }
  /** `joinSeq`: the join whose model the page was asked for (its offset counts in that join's list). */
  | { type: 'page'; joinSeq: number; questions: QuestionView[]; nextOffset: number | null }
  | { type: 'withdrawn'; id: string }
  | { type: 'tallies'; tallies: [string, number][] }
  | { type: 'reply'; questionId: string; reply: QuestionView['replies'][number] }
  | { type: 'highlight'; questionId: string | null }
  | { type: 'answered'; id: string; answeredAt: string }
  | { type: 'state'; status: RoomState['discussion']['status']; startedAt: string | null; endedAt: string | null }
  | { type: 'presence'; count: number; attendees?: Attendee[] }
  | { type: 'myVote'; id: string; on: boolean; votes?: number }
  // Moderation, as the audience and the author see it.
  | { type: 'approved'; question: QuestionView }
  | { type: 'hidden'; id: string }
  | { type: 'redacted'; question: QuestionView }
  | { type: 'merged'; id: string; intoId: string; votes: number }
  | { type: 'unanswered'; id: string }
  | { type: 'reviewed'; event: QuestionReviewedEvent }
  | { type: 'sanctioned'; notice: Omit<SanctionNotice, 'discussionId'> };

export const emptyRoom: RoomModel = {
  room: null,
  questions: {},
  highlight: null,
  myVotes: [],
  mine: [],
  attendeeCount: 0,
  attendees: undefined,
  nextOffset: null,
  joinSeq: 0,
  joinedSeq: 0,
  rejoining: false,
  reviews: {},
  sanction: null,
};

/**
 * What stays of a model when our rights change, before the re-join answers: only what the audience may see.
 * A demoted moderator must not keep attendees, author ids, the authors of anonymous questions, or pending and
 * hidden questions of others on screen (nor the moderator buttons: role falls back to member until the answer).
 */
function audienceOnly(m: RoomModel): RoomModel {
  const keep = (q: QuestionView) => q.status === 'VISIBLE' || m.mine.includes(q.id);
  const strip = (q: QuestionView): QuestionView => {
    const own = m.mine.includes(q.id);
    return {
      ...q,
      author: q.anonymous || !q.author ? null : { name: q.author.name, badge: q.author.badge },
      pseudonym: null,
      queuePosition: null,
      claim: null,
      heldFor: own ? q.heldFor : [],
      rejectReason: own ? q.rejectReason : null,
      redactionNote: own ? q.redactionNote : null,
    };
  };
  const questions = Object.values(m.questions).filter(keep).map(strip);
  return {
    ...m,
    room: m.room ? { ...m.room, role: 'member', attendees: undefined, questions: m.room.questions.filter(keep).map(strip) } : null,
    questions: Object.fromEntries(questions.map((q) => [q.id, q])),
    attendees: undefined,
    // The offset counted in the moderators' list; the re-join brings the audience's.
    nextOffset: null,
    rejoining: true,
  };
}

export function roomReducer(m: RoomModel, a: RoomAction): RoomModel {
  switch (a.type) {
    case 'joining': {
      const next = { ...m, joinSeq: Math.max(m.joinSeq, a.seq) };
      return a.rightsChanged ? audienceOnly(next) : next;
    }
    case 'joined':
      // The answer to an older join than the newest one sent: the newer answer (or its timeout) decides.
      if (a.seq < m.joinSeq) return m;
      return {
        ...m,
        joinSeq: a.seq,
        joinedSeq: a.seq,
        rejoining: false,
        room: a.state,
        questions: Object.fromEntries(a.state.questions.map((q) => [q.id, q])),
        highlight: a.state.discussion.highlightedQuestionId,
        myVotes: a.state.myVotes,
        mine: a.state.mine,
        attendeeCount: a.state.attendeeCount,
        attendees: a.state.attendees,
        nextOffset: a.state.nextOffset,
        // The join state knows my mute (also after a reload, or lifted while I was away); a removal stays.
        sanction: m.sanction?.kind === 'remove' ? m.sanction : a.state.mySanction,
      };
    case 'page': {
      // A page asked for under an earlier join (maybe as a moderator, with the moderators' offset), or while a
      // newer join is in flight, does not belong to the list on screen.
      if (a.joinSeq !== m.joinedSeq || m.joinSeq !== m.joinedSeq) return m;
      // What we already hold is at least as fresh as a page read a moment ago.
      const questions = { ...m.questions };
      for (const q of a.questions) questions[q.id] ??= q;
      return { ...m, questions, nextOffset: a.nextOffset };
    }
    case 'question': {
      const prev = m.questions[a.question.id];
      // A view older than the one we hold (its version is lower) arrived late: what we hold stays.
      if (prev && a.question.version < prev.version) {
        return a.mine && !m.mine.includes(prev.id) ? { ...m, mine: [...m.mine, prev.id] } : m;
      }
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
    case 'approved':
    case 'redacted':
      return roomReducer(m, { type: 'question', question: a.question });
    case 'hidden': {
      const q = m.questions[a.id];
      if (!q) return m;
      const highlight = m.highlight === a.id ? null : m.highlight;
      // My own question stays with me (the author is told what happened and why); it leaves everyone else's list.
      if (m.mine.includes(a.id)) {
        const status = q.status === 'VISIBLE' || q.status === 'PENDING' ? 'HIDDEN' : q.status;
        return { ...m, highlight, questions: { ...m.questions, [a.id]: { ...q, status } } };
      }
      const { [a.id]: _gone, ...rest } = m.questions;
      return { ...m, highlight, questions: rest };
    }
    case 'merged': {
      // The duplicate's voters now count on the question it was merged into, each once.
      const into = m.questions[a.intoId];
      const questions = { ...m.questions };
      if (into) questions[a.intoId] = { ...into, votes: a.votes };
      const dup = questions[a.id];
      if (dup && m.mine.includes(a.id)) questions[a.id] = { ...dup, status: 'MERGED', mergedIntoId: a.intoId };
      else delete questions[a.id];
      const myVotes = m.myVotes.includes(a.id) ? [...new Set([...m.myVotes.filter((v) => v !== a.id), a.intoId])] : m.myVotes;
      return { ...m, questions, myVotes, highlight: m.highlight === a.id ? a.intoId : m.highlight };
    }
    case 'unanswered': {
      const q = m.questions[a.id];
      return q ? { ...m, questions: { ...m.questions, [a.id]: { ...q, answeredAt: null } } } : m;
    }
    case 'reviewed': {
      const { question, action, message } = a.event;
      const next = roomReducer(m, { type: 'question', question, mine: true });
      const redactionNote = action === 'redacted' ? message : (m.reviews[question.id]?.redactionNote ?? null);
      return { ...next, reviews: { ...m.reviews, [question.id]: { action, message, redactionNote } } };
    }
    case 'sanctioned':
      return { ...m, sanction: a.notice.kind === 'unmute' ? null : { kind: a.notice.kind, until: a.notice.until, reason: a.notice.reason } };
  }
}

/** What this person may see in the room's lists: what is visible, their own questions, and (staff) what waits for review. */
function shownInRoom(m: RoomModel, q: QuestionView): boolean {
  if (q.status === 'VISIBLE') return true;
  if (q.status === 'WITHDRAWN') return false;
  if (m.mine.includes(q.id)) return true;
  return q.status === 'PENDING' && (m.room?.role ?? 'member') !== 'member';
}

/** The list for a tab: top = most votes first; new = newest first; answered = most recently answered. */
export function sortedQuestions(m: RoomModel, mode: SortMode): QuestionView[] {
  const all = Object.values(m.questions).filter((q) => shownInRoom(m, q));
  if (mode === 'answered') return all.filter((q) => q.answeredAt).sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  const open = all.filter((q) => !q.answeredAt);
  if (mode === 'new') return open.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return open.sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
