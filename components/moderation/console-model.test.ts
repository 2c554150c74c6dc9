import { describe, expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { ModerationFeedItem, SanctionView } from '@/lib/moderation/views';
import { activeSanctions, conflictMessage, consoleReducer, emptyConsole, nextToHighlight, tabItems } from './console-model';

const q = (id: string, extra: Partial<QuestionView> = {}): QuestionView => ({
  id,
  body: id,
  anonymous: false,
  author: null,
  pseudonym: null,
  contentWarning: null,
  status: 'VISIBLE',
  votes: 0,
  answeredAt: null,
  editedAt: null,
  createdAt: '2026-01-01T10:00:00Z',
  replies: [],
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

const sanction = (id: string, extra: Partial<SanctionView> = {}): SanctionView => ({
  id,
  kind: 'mute',
  target: { pseudonym: 'Anonymous fox', questionId: 'q1' },
  until: '2026-01-01T10:05:00Z',
  reason: 'breathe',
  byName: 'Sam',
  at: '2026-01-01T10:00:00Z',
  ...extra,
});

const line = (at: string, extra: Partial<ModerationFeedItem> = {}): ModerationFeedItem => ({
  action: 'approved',
  actorId: 'u-sam',
  actorName: 'Sam',
  questionId: 'q1',
  target: null,
  reason: null,
  at,
  ...extra,
});

describe('console tabs', () => {
  const all = [
    q('p2', { status: 'PENDING', createdAt: '2026-01-01T10:02:00Z' }),
    q('p1', { status: 'PENDING', createdAt: '2026-01-01T10:01:00Z' }),
    q('v-top', { votes: 9 }),
    q('v-next2', { queuePosition: 1, votes: 0 }),
    q('v-next1', { queuePosition: 0, votes: 1 }),
    q('a1', { answeredAt: '2026-01-01T11:00:00Z' }),
    q('a2', { answeredAt: '2026-01-01T11:05:00Z' }),
    q('h', { status: 'HIDDEN' }),
    q('r', { status: 'REJECTED' }),
    q('m', { status: 'MERGED' }),
    q('w', { status: 'WITHDRAWN' }),
  ];
  it('queue oldest first; live with up next on top in order; answered newest first; hidden/rejected/merged', () => {
    expect(tabItems(all, 'queue').map((x) => x.id)).toEqual(['p1', 'p2']);
    expect(tabItems(all, 'live').map((x) => x.id)).toEqual(['v-next1', 'v-next2', 'v-top']);
    expect(tabItems(all, 'answered').map((x) => x.id)).toEqual(['a2', 'a1']);
    expect(
      tabItems(all, 'closed')
        .map((x) => x.id)
        .sort(),
    ).toEqual(['h', 'm', 'r']);
  });
  it('n highlights the first of up next that is not highlighted now', () => {
    expect(nextToHighlight(all, null)?.id).toBe('v-next1');
    expect(nextToHighlight(all, 'v-next1')?.id).toBe('v-next2');
    expect(nextToHighlight([q('x')], null)).toBeNull();
  });
});

describe('console reducer', () => {
  it('merges the loaded feed with lines that came first, newest first, once each', () => {
    let m = consoleReducer(emptyConsole, { type: 'event', event: { item: line('2026-01-01T10:03:00Z'), question: null, sanction: null } });
    m = consoleReducer(m, {
      type: 'state',
      state: { sanctions: [], templates: [{ id: 't', label: 'L', body: 'B' }], feed: [line('2026-01-01T10:03:00Z'), line('2026-01-01T10:01:00Z')] },
    });
    expect(m.loaded).toBe(true);
    expect(m.feed.map((i) => i.at)).toEqual(['2026-01-01T10:03:00Z', '2026-01-01T10:01:00Z']);
    m = consoleReducer(m, { type: 'event', event: { item: line('2026-01-01T10:03:00Z'), question: null, sanction: null } });
    expect(m.feed).toHaveLength(2);
  });
  it('keeps sanctions current: a mute from an event or an ack once, lifted by an unmute (by id or target)', () => {
    const s = sanction('s1');
    let m = consoleReducer(emptyConsole, { type: 'sanction', sanction: s });
    m = consoleReducer(m, { type: 'event', event: { item: line('t', { action: 'muted', target: s.target }), question: null, sanction: s } });
    expect(m.sanctions).toHaveLength(1);
    const lifted = consoleReducer(m, { type: 'event', event: { item: line('t2', { action: 'unmuted', target: s.target }), question: null, sanction: null } });
    expect(lifted.sanctions).toEqual([]);
    expect(consoleReducer(m, { type: 'lifted', target: { questionId: 'q1' } }).sanctions).toEqual([]);
    expect(consoleReducer(m, { type: 'lifted', target: { userId: 'q1' } }).sanctions).toHaveLength(1);
  });
  it('a mute that ran out by the server clock is no longer in force; removals stay', () => {
    const m = { ...emptyConsole, sanctions: [sanction('s1'), sanction('s2', { kind: 'remove', until: null }), sanction('s3', { until: null })] };
    expect(activeSanctions(m, new Date('2026-01-01T10:04:59Z')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(activeSanctions(m, new Date('2026-01-01T10:05:01Z')).map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('a conflict names the other facilitator by id, also when two share a display name', () => {
    const feed = [
      line('2026-01-01T10:02:00Z', { actorId: 'u-me', actorName: 'Sam' }),
      line('2026-01-01T10:01:00Z', { actorId: 'u-other', actorName: 'Sam', action: 'rejected' }),
    ];
    expect(conflictMessage(null, feed, 'u-me', 'q1')).toBe('Sam already rejected this question. Here it is as it is now.');
    expect(conflictMessage(null, feed.slice(0, 1), 'u-me', 'q1')).toBe('Another facilitator acted on this question first. Here it is as it is now.');
  });
});
