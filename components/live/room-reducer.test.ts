import { describe, expect, it } from 'vitest';
import type { QuestionView, RoomState } from '@/lib/live/views';
import { addToOutbox, readOutbox, removeFromOutbox } from './outbox';
import { emptyRoom, roomReducer, sortedQuestions } from './room-reducer';

const q = (id: string, votes: number, createdAt: string, extra: Partial<QuestionView> = {}): QuestionView => ({
  id,
  body: id,
  anonymous: false,
  author: null,
  contentWarning: null,
  status: 'VISIBLE',
  votes,
  answeredAt: null,
  editedAt: null,
  createdAt,
  replies: [],
  ...extra,
});

const state = (questions: QuestionView[]): RoomState => ({
  discussion: {
    id: 'd',
    title: 't',
    status: 'LIVE',
    startsAt: '',
    startedAt: null,
    endedAt: null,
    anonymousDefault: false,
    moderationMode: 'POST',
    highlightedQuestionId: 'b',
  },
  questions,
  questionCount: questions.length,
  nextOffset: null,
  mine: ['a'],
  myVotes: ['b'],
  attendeeCount: 3,
  role: 'member',
  serverTime: 0,
});

describe('room reducer', () => {
  const joined = roomReducer(emptyRoom, {
    type: 'joined',
    state: state([q('a', 1, '2026-01-01T10:00:00Z'), q('b', 5, '2026-01-01T10:01:00Z'), q('c', 5, '2026-01-01T10:00:30Z')]),
  });

  it('sorts top by votes then age, new by time, answered separately', () => {
    expect(sortedQuestions(joined, 'top').map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(sortedQuestions(joined, 'new').map((x) => x.id)).toEqual(['b', 'c', 'a']);
    const answered = roomReducer(joined, { type: 'answered', id: 'b', answeredAt: '2026-01-01T11:00:00Z' });
    expect(answered.highlight).toBeNull();
    expect(sortedQuestions(answered, 'answered').map((x) => x.id)).toEqual(['b']);
    expect(sortedQuestions(answered, 'top').map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('applies tallies, votes, withdrawals and replies idempotently', () => {
    let m = roomReducer(joined, {
      type: 'tallies',
      tallies: [
        ['a', 9],
        ['zz', 3],
      ],
    });
    expect(m.questions.a.votes).toBe(9);
    m = roomReducer(m, { type: 'myVote', id: 'a', on: true, votes: 10 });
    expect(m.myVotes.sort()).toEqual(['a', 'b']);
    const reply = { id: 'r1', body: 'hi', authorName: 'Sam', authorBadge: 'facilitator' as const, createdAt: '' };
    m = roomReducer(roomReducer(m, { type: 'reply', questionId: 'a', reply }), { type: 'reply', questionId: 'a', reply });
    expect(m.questions.a.replies).toHaveLength(1);
    m = roomReducer(m, { type: 'withdrawn', id: 'b' });
    expect(m.questions.b).toBeUndefined();
    expect(m.highlight).toBeNull();
  });

  it('ending the discussion clears the highlight', () => {
    const m = roomReducer(joined, { type: 'state', status: 'ENDED', startedAt: null, endedAt: 'x' });
    expect(m.room!.discussion.status).toBe('ENDED');
    expect(m.highlight).toBeNull();
  });
});

describe('outbox', () => {
  const store = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
      data,
    } as unknown as Storage & { data: Map<string, string> };
  };
  it('keeps items per discussion, replaces by id, survives garbage', () => {
    const s = store();
    const item = { id: 'q1', discussionId: 'd', body: 'hello', anonymous: true, contentWarning: null, queuedAt: 1 };
    addToOutbox(s, item);
    addToOutbox(s, { ...item, body: 'hello again' });
    expect(readOutbox(s, 'd')).toEqual([{ ...item, body: 'hello again' }]);
    expect(readOutbox(s, 'other')).toEqual([]);
    removeFromOutbox(s, 'd', 'q1');
    expect(readOutbox(s, 'd')).toEqual([]);
    s.setItem('fireside:outbox:d', '{not json');
    expect(readOutbox(s, 'd')).toEqual([]);
  });
});
