// How a sanction reads for staff (F27): through an anonymous question by pseudonym — or "Anonymous" when the
// pseudonym is unknown — never by the person's name; by name only when made by person or through a named question.
import { describe, expect, it } from 'vitest';
import { sanctionView } from './sanctions';

const row = (viaQuestionId: string | null) => ({
  id: 's1',
  kind: 'MUTE' as const,
  until: null,
  reason: 'A pause',
  createdAt: new Date('2026-11-30T12:00:00Z'),
  userId: 'u-secret',
  viaQuestionId,
  user: { displayName: 'Quincy Hollowell' },
  createdBy: { displayName: 'Sam Lindqvist' },
});

describe('sanctionView', () => {
  it('names the pseudonym through an anonymous question, and "Anonymous" when the lookup misses — never the person', () => {
    expect(sanctionView(row('q1'), new Map([['q1', 'Anonymous fox']])).target).toEqual({ pseudonym: 'Anonymous fox', questionId: 'q1' });
    const missed = sanctionView(row('q1'), new Map());
    expect(missed.target).toEqual({ pseudonym: 'Anonymous', questionId: 'q1' });
    expect(JSON.stringify(missed)).not.toMatch(/u-secret|Quincy/);
  });
  it('names the person when made by person or through a named question', () => {
    expect(sanctionView(row(null), new Map()).target).toEqual({ userId: 'u-secret', name: 'Quincy Hollowell' });
    expect(sanctionView(row('q2'), new Map([['q2', null]])).target).toEqual({ userId: 'u-secret', name: 'Quincy Hollowell' });
  });
});
