import { describe, expect, it } from 'vitest';
import type { QuestionView, RoomState } from '@/lib/live/views';
import { addToOutbox, readOutbox, removeFromOutbox } from './outbox';
import { emptyRoom, type RoomAction, type RoomModel, roomReducer, sortedQuestions } from './room-reducer';

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
  pseudonym: null,
  version: 0,
  heldFor: [],
  rejectReason: null,
  redacted: false,
  redactionNote: null,
  canResubmit: false,
  mergedIntoId: null,
  queuePosition: null,
  claim: null,
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
  mySanction: null,
});

describe('room reducer', () => {
  const joined = roomReducer(emptyRoom, {
    type: 'joined',
    seq: 1,
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

describe('room reducer across a rights change', () => {
  const attendees = [{ userId: 'u-ann', name: 'Ann', joinedAt: '2026-01-01T10:00:00Z' }];
  const asMod = (s: RoomState): RoomState => ({ ...s, role: 'facilitator', attendees, nextOffset: 200, questionCount: 500 });
  const named = { name: 'Ann', id: 'u-ann', badge: null };
  // What a facilitator holds: authors with ids, an anonymous author's name, others' pending and hidden questions.
  const modQuestions = [
    q('a', 1, '2026-01-01T10:00:00Z', { status: 'PENDING', author: { name: 'Me', id: 'u-me', badge: null } }),
    q('v', 2, '2026-01-01T10:01:00Z', { author: named }),
    q('anon', 3, '2026-01-01T10:02:00Z', { anonymous: true, author: { name: 'Secret', id: 'u-secret', badge: null } }),
    q('p', 0, '2026-01-01T10:03:00Z', { status: 'PENDING', author: named }),
    q('h', 0, '2026-01-01T10:04:00Z', { status: 'HIDDEN', author: named }),
  ];
  const audienceQuestions = [
    q('a', 1, '2026-01-01T10:00:00Z', { status: 'PENDING', author: { name: 'Me', badge: null } }),
    q('v', 2, '2026-01-01T10:01:00Z', { author: { name: 'Ann', badge: null } }),
    q('anon', 3, '2026-01-01T10:02:00Z', { anonymous: true }),
  ];
  const modState = asMod(state(modQuestions));
  const audienceState = state(audienceQuestions);
  const asModerator = roomReducer(roomReducer(emptyRoom, { type: 'joining', seq: 1 }), { type: 'joined', seq: 1, state: modState });

  /** Nothing a moderator alone may see is left anywhere in the model. */
  const expectAudienceOnly = (m: RoomModel) => {
    expect(m.room?.role).toBe('member');
    expect(m.attendees).toBeUndefined();
    expect(m.room?.attendees).toBeUndefined();
    expect(Object.keys(m.questions).sort()).toEqual(['a', 'anon', 'v']);
    expect(m.questions.anon.author).toBeNull();
    expect(m.questions.v.author).toEqual({ name: 'Ann', badge: null });
    expect(JSON.stringify(m)).not.toMatch(/u-ann|u-me|u-secret|Secret/);
    expect(m.nextOffset).toBeNull();
  };

  it('ignores a stale join ack: the moderator answer to an older join after the audience answer to a newer one', () => {
    // Join 1 on connect (as facilitator), join 2 on rights-changed (demoted); 2 answers first, then 1.
    let m = roomReducer(emptyRoom, { type: 'joining', seq: 1 });
    m = roomReducer(m, { type: 'joining', seq: 2, rightsChanged: true });
    m = roomReducer(m, { type: 'joined', seq: 2, state: audienceState });
    m = roomReducer(m, { type: 'joined', seq: 1, state: modState });
    expectAudienceOnly(m);
    expect(m.rejoining).toBe(false);
    // The other order: the older answer is ignored too, the newer one still applies.
    let n = roomReducer(asModerator, { type: 'joining', seq: 2 });
    n = roomReducer(n, { type: 'joining', seq: 3, rightsChanged: true });
    n = roomReducer(n, { type: 'joined', seq: 2, state: modState });
    expect(n.rejoining).toBe(true);
    expectAudienceOnly(n);
    n = roomReducer(n, { type: 'joined', seq: 3, state: audienceState });
    expectAudienceOnly(n);
  });

  it('rights-changed strips moderator data at once, and it stays stripped ("reconnecting") if the re-join never answers', () => {
    expect(asModerator.attendees).toEqual(attendees);
    expect(asModerator.questions.p).toBeDefined();
    const m = roomReducer(asModerator, { type: 'joining', seq: 2, rightsChanged: true });
    expectAudienceOnly(m);
    expect(m.rejoining).toBe(true);
    // My own pending question stays (I may see it), without my id on it.
    expect(m.questions.a).toMatchObject({ status: 'PENDING', author: { name: 'Me' } });
    expect(m.mine).toEqual(['a']);
    // A plain reconnection join keeps the model until it answers.
    expect(roomReducer(asModerator, { type: 'joining', seq: 2 }).attendees).toEqual(attendees);
  });

  it('ignores a page asked for before the re-join (moderator list, moderator offset)', () => {
    const modPage: RoomAction & { type: 'page' } = {
      type: 'page',
      joinSeq: 1,
      questions: [q('p2', 0, '2026-01-01T09:00:00Z', { status: 'PENDING', author: named })],
      nextOffset: 400,
    };
    // Answered while the re-join is in flight.
    let m = roomReducer(asModerator, { type: 'joining', seq: 2, rightsChanged: true });
    expect(roomReducer(m, modPage)).toBe(m);
    // Answered after the re-join.
    m = roomReducer(m, { type: 'joined', seq: 2, state: { ...audienceState, nextOffset: 200 } });
    const after = roomReducer(m, modPage);
    expect(after.questions.p2).toBeUndefined();
    expect(after.nextOffset).toBe(200);
    // A page of the current join still merges.
    const current = roomReducer(m, { ...modPage, joinSeq: 2, questions: [q('v2', 0, '2026-01-01T09:00:00Z')], nextOffset: null });
    expect(current.questions.v2).toBeDefined();
    expect(current.nextOffset).toBeNull();
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

describe('room reducer: moderation as members and authors see it', () => {
  const view = (id: string, extra: Partial<QuestionView> = {}): QuestionView => ({
    id,
    body: `body ${id}`,
    anonymous: false,
    author: null,
    pseudonym: null,
    contentWarning: null,
    status: 'VISIBLE',
    votes: 0,
    answeredAt: null,
    editedAt: null,
    createdAt: `2026-01-01T10:00:0${id.length}Z`,
    replies: [],
    version: 1,
    heldFor: [],
    rejectReason: null,
    redacted: false,
    redactionNote: null,
    canResubmit: false,
    mergedIntoId: null,
    queuePosition: null,
    claim: null,
    ...extra,
  });
  const pre = (questions: QuestionView[], mine: string[], myVotes: string[] = []): RoomModel =>
    roomReducer(emptyRoom, {
      type: 'joined',
      seq: 1,
      state: { ...state(questions), discussion: { ...state([]).discussion, moderationMode: 'PRE', highlightedQuestionId: null }, mine, myVotes },
    });
  const ids = (m: RoomModel) => sortedQuestions(m, 'new').map((x) => x.id);

  it('shows my held question to me alone, then everyone sees it once approved', () => {
    const held = view('mine', { status: 'PENDING', heldFor: ['pre_moderation'], version: 0 });
    const author = pre([held], ['mine']);
    expect(ids(author)).toEqual(['mine']);
    // Another member's model never holds it; a stray pending view is not listed for a member either.
    const other = roomReducer(pre([], []), { type: 'question', question: { ...held, heldFor: [] } });
    expect(ids(other)).toEqual([]);
    const approved = view('mine', { version: 1 });
    expect(ids(roomReducer(other, { type: 'approved', question: approved }))).toEqual(['mine']);
    const a2 = roomReducer(author, { type: 'approved', question: approved });
    expect(a2.questions.mine.status).toBe('VISIBLE');
    expect(a2.mine).toEqual(['mine']);
  });

  it('ignores a view older than the one held (a late broadcast cannot undo an approval)', () => {
    const m = roomReducer(pre([view('x', { version: 3 })], []), { type: 'question', question: view('x', { status: 'PENDING', version: 2 }) });
    expect(m.questions.x.status).toBe('VISIBLE');
  });

  it('hidden: leaves the audience list, stays (as hidden) for its author, clears the highlight', () => {
    const base = { ...pre([view('a'), view('b')], ['b']), highlight: 'a' };
    let m = roomReducer(base, { type: 'hidden', id: 'a' });
    expect(m.questions.a).toBeUndefined();
    expect(m.highlight).toBeNull();
    m = roomReducer(m, { type: 'hidden', id: 'b' });
    expect(m.questions.b.status).toBe('HIDDEN');
    expect(ids(m)).toEqual(['b']);
    // Unknown ids change nothing.
    expect(roomReducer(m, { type: 'hidden', id: 'zz' })).toBe(m);
  });

  it('a rejection told to its author keeps the reason and the resubmit offer, in either order with the audience event', () => {
    const rejected = view('r', { status: 'REJECTED', rejectReason: 'Please ask without naming anyone.', canResubmit: true, version: 2 });
    const event = { action: 'rejected' as const, question: rejected, message: 'Please ask without naming anyone.' };
    const held = pre([view('r', { status: 'PENDING', version: 1 })], ['r']);
    for (const m of [
      roomReducer(roomReducer(held, { type: 'reviewed', event }), { type: 'hidden', id: 'r' }),
      roomReducer(roomReducer(held, { type: 'hidden', id: 'r' }), { type: 'reviewed', event }),
    ]) {
      expect(m.questions.r).toMatchObject({ status: 'REJECTED', rejectReason: 'Please ask without naming anyone.', canResubmit: true });
      expect(m.reviews.r).toEqual({ action: 'rejected', message: 'Please ask without naming anyone.', redactionNote: null });
      expect(ids(m)).toEqual(['r']);
    }
  });

  it('redacted: the new body for everyone, the note for its author', () => {
    const m = roomReducer(pre([view('a', { body: 'Call me on 555-0100' })], ['a']), {
      type: 'redacted',
      question: view('a', { body: 'Call me', redacted: true, version: 2 }),
    });
    expect(m.questions.a).toMatchObject({ body: 'Call me', redacted: true });
    const told = roomReducer(m, { type: 'reviewed', event: { action: 'redacted', question: m.questions.a, message: 'We took out the phone number.' } });
    expect(told.reviews.a.redactionNote).toBe('We took out the phone number.');
    // The approval that follows does not take the note away.
    const approved = roomReducer(told, { type: 'reviewed', event: { action: 'approved', question: told.questions.a, message: null } });
    expect(approved.reviews.a).toMatchObject({ action: 'approved', redactionNote: 'We took out the phone number.' });
  });

  it('merged: the duplicate goes, its votes count once on the target, my vote moves with it', () => {
    const m0 = pre([view('dup', { votes: 2 }), view('into', { votes: 3 }), view('minedup', { votes: 1 })], ['minedup'], ['dup', 'into']);
    const m = roomReducer(m0, { type: 'merged', id: 'dup', intoId: 'into', votes: 4 });
    expect(m.questions.dup).toBeUndefined();
    expect(m.questions.into.votes).toBe(4);
    expect(m.myVotes.sort()).toEqual(['into']);
    const mine = roomReducer(m, { type: 'merged', id: 'minedup', intoId: 'into', votes: 5 });
    expect(mine.questions.minedup).toMatchObject({ status: 'MERGED', mergedIntoId: 'into' });
    expect(mine.questions.into.votes).toBe(5);
  });

  it('unanswered: "mark answered" undone puts it back among the open questions', () => {
    const m = roomReducer(pre([view('a')], []), { type: 'answered', id: 'a', answeredAt: '2026-01-01T11:00:00Z' });
    expect(sortedQuestions(m, 'top')).toEqual([]);
    const back = roomReducer(m, { type: 'unanswered', id: 'a' });
    expect(sortedQuestions(back, 'top').map((x) => x.id)).toEqual(['a']);
    expect(sortedQuestions(back, 'answered')).toEqual([]);
  });

  it('a mute and a removal are kept until lifted; a re-join brings the mute as the server has it', () => {
    const mute = { kind: 'mute', until: '2026-01-01T10:05:00Z', reason: 'Let others speak' } as const;
    let m = roomReducer(pre([], []), { type: 'sanctioned', notice: mute });
    expect(m.sanction).toEqual(mute);
    m = roomReducer(m, { type: 'joined', seq: 2, state: { ...state([]), mySanction: mute } });
    expect(m.sanction).toEqual(mute);
    // Lifted while I was away (no notice reached me): the join state says so.
    expect(roomReducer(m, { type: 'joined', seq: 3, state: state([]) }).sanction).toBeNull();
    // A reload: the first join state alone shows the mute.
    expect(roomReducer(emptyRoom, { type: 'joined', seq: 1, state: { ...state([]), mySanction: mute } }).sanction).toEqual(mute);
    const removed = roomReducer(m, { type: 'sanctioned', notice: { kind: 'remove', until: null, reason: 'x' } });
    expect(roomReducer(removed, { type: 'joined', seq: 4, state: state([]) }).sanction?.kind).toBe('remove');
    expect(roomReducer(m, { type: 'sanctioned', notice: { kind: 'unmute', until: null, reason: null } }).sanction).toBeNull();
    expect(roomReducer(m, { type: 'sanctioned', notice: { kind: 'remove', until: null, reason: 'x' } }).sanction?.kind).toBe('remove');
  });

  it('a rights change strips the moderator-only fields of every question', () => {
    const modView = view('v', { pseudonym: 'Anonymous fox', anonymous: true, queuePosition: 0, claim: { byId: 'u', byName: 'Sam', until: 'x' } });
    const asMod = roomReducer(emptyRoom, { type: 'joined', seq: 1, state: { ...state([modView]), role: 'facilitator', mine: [] } });
    const m = roomReducer(asMod, { type: 'joining', seq: 2, rightsChanged: true });
    expect(m.questions.v).toMatchObject({ pseudonym: null, queuePosition: null, claim: null, author: null });
  });
});
