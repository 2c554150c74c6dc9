// F24: a weekly series keeps its wall-clock time across both DST transitions.
import { describe, expect, it } from 'vitest';
import { occurrenceLocals, seriesOccurrences, seriesRule } from './recurrence';
import { formatInZone } from './zoned';

describe('F24 series keep their wall-clock time across DST', () => {
  it('a weekly 19:00 America/New_York series from February to November stays 19:00 local, its UTC instant moves', () => {
    const occ = seriesOccurrences('2026-02-26T19:00', 'America/New_York', 'WEEKLY', 40);
    expect(occ).toHaveLength(40);
    for (const o of occ) {
      expect(o.localStart.slice(11)).toBe('19:00');
      expect(formatInZone(o.startsAt, 'America/New_York').time).toBe('19:00');
    }
    const utcHours = new Set(occ.map((o) => o.startsAt.toISOString().slice(11, 16)));
    expect(utcHours).toEqual(new Set(['00:00', '23:00'])); // EST (-5) then EDT (-4), then EST again
    // Across the spring change (8 March) ...
    expect(occ[1].startsAt.toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(occ[2].startsAt.toISOString()).toBe('2026-03-12T23:00:00.000Z');
    // ... and the autumn change (1 November).
    const oct29 = occ.find((o) => o.localStart === '2026-10-29T19:00')!;
    const nov5 = occ.find((o) => o.localStart === '2026-11-05T19:00')!;
    expect(oct29.startsAt.toISOString()).toBe('2026-10-29T23:00:00.000Z');
    expect(nov5.startsAt.toISOString()).toBe('2026-11-06T00:00:00.000Z');
  });

  it('every two weeks and monthly', () => {
    expect(occurrenceLocals('2026-01-05T18:30', 'BIWEEKLY', 3)).toEqual(['2026-01-05T18:30', '2026-01-19T18:30', '2026-02-02T18:30']);
    expect(occurrenceLocals('2026-01-15T18:30', 'MONTHLY', 3)).toEqual(['2026-01-15T18:30', '2026-02-15T18:30', '2026-03-15T18:30']);
  });

  it('an occurrence that falls in a gap follows the DST rule; the others keep 02:30', () => {
    const occ = seriesOccurrences('2026-03-01T02:30', 'America/New_York', 'WEEKLY', 3);
    expect(occ.map((o) => o.localStart)).toEqual(['2026-03-01T02:30', '2026-03-08T03:30', '2026-03-15T02:30']);
    expect(occ[1].adjustment).toBe('gap');
  });

  it('the stored rule names the zone (RFC 5545 TZID)', () => {
    expect(seriesRule('2026-02-26T19:00', 'America/New_York', 'BIWEEKLY', 12)).toBe(
      'DTSTART;TZID=America/New_York:20260226T190000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=12',
    );
  });
});
