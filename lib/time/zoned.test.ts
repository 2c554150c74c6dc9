// F24: DST gaps and overlaps follow one documented rule; a viewer in any zone sees the right local time.
import { describe, expect, it } from 'vitest';
import {
  dateOf,
  describeInZone,
  formatInZone,
  isValidLocalDateTime,
  isValidTimeZone,
  localOf,
  monthGrid,
  resolveLocal,
  startOfDay,
  startOfWeek,
} from './zoned';

describe('F24 resolveLocal (wall clock + IANA zone → UTC instant)', () => {
  it('an ordinary time maps to its offset', () => {
    const r = resolveLocal('2026-07-01T19:00', 'America/New_York');
    expect(r.startsAt.toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(r).toMatchObject({ localStart: '2026-07-01T19:00', offset: '-04:00', adjustment: null });
  });

  it('F24 2026-03-08 02:30 America/New_York does not exist: moves forward by the gap to 03:30 EDT', () => {
    const r = resolveLocal('2026-03-08T02:30', 'America/New_York');
    expect(r.startsAt.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(r).toMatchObject({ localStart: '2026-03-08T03:30', offset: '-04:00', adjustment: 'gap' });
  });

  it('F24 2026-11-01 01:30 America/New_York exists twice: takes the earlier one (EDT, -04:00)', () => {
    const r = resolveLocal('2026-11-01T01:30', 'America/New_York');
    expect(r.startsAt.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(r).toMatchObject({ localStart: '2026-11-01T01:30', offset: '-04:00', adjustment: 'overlap' });
    // The other 01:30 (EST) is an hour later: we did not pick it.
    expect(resolveLocal('2026-11-01T02:30', 'America/New_York').startsAt.toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('the same rule in Europe (Berlin spring gap 02:30 → 03:30 CEST)', () => {
    const r = resolveLocal('2026-03-29T02:30', 'Europe/Berlin');
    expect(r.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(r.localStart).toBe('2026-03-29T03:30');
  });

  it('refuses impossible dates and unknown zones', () => {
    expect(isValidLocalDateTime('2026-02-30T10:00')).toBe(false);
    expect(isValidLocalDateTime('2026-02-28T24:00')).toBe(false);
    expect(isValidLocalDateTime('2026-02-28 10:00')).toBe(false);
    expect(isValidLocalDateTime('2026-02-28T10:00')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(() => resolveLocal('2026-02-30T10:00', 'UTC')).toThrow();
  });

  it('one time-zone check: zone names only, never offsets or date-time strings (stored zones must format)', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) expect(isValidTimeZone(tz), tz).toBe(true);
    for (const tz of ['', 'Mars/Olympus', '+01:00', '-0530', '2026-01-01T00:00Z', 'Z']) expect(isValidTimeZone(tz), tz).toBe(false);
  });
});

describe('F24 viewers in Berlin and New York see the right local time', () => {
  const instant = resolveLocal('2026-11-19T19:00', 'America/New_York').startsAt; // EST: 00:00 UTC on the 20th

  it('New York sees 19:00 EST on Thursday 19 November', () => {
    const p = formatInZone(instant, 'America/New_York');
    expect(p).toMatchObject({ date: 'Thursday 19 November 2026', time: '19:00', zoneAbbr: 'EST', zoneName: 'America/New York' });
    expect(p.iso).toBe('2026-11-19T19:00:00-05:00');
  });

  it('Berlin sees 01:00 on Friday 20 November, GMT+1', () => {
    const p = formatInZone(instant, 'Europe/Berlin');
    expect(p).toMatchObject({ date: 'Friday 20 November 2026', time: '01:00', zoneAbbr: 'GMT+1', zoneName: 'Europe/Berlin' });
    expect(describeInZone(instant, 'Europe/Berlin')).toBe('Friday 20 November 2026, 01:00 GMT+1 (Europe/Berlin)');
  });

  it('in the three weeks when the US has changed its clocks and Europe has not, the gap is 5 hours, not 6', () => {
    const march = resolveLocal('2026-03-12T19:00', 'America/New_York').startsAt;
    expect(formatInZone(march, 'America/New_York')).toMatchObject({ time: '19:00', zoneAbbr: 'EDT' });
    expect(formatInZone(march, 'Europe/Berlin')).toMatchObject({ time: '00:00', date: 'Friday 13 March 2026' });
  });

  it('day buckets follow the viewer zone', () => {
    expect(dateOf(instant, 'America/New_York')).toBe('2026-11-19');
    expect(dateOf(instant, 'Europe/Berlin')).toBe('2026-11-20');
    expect(localOf(instant, 'Europe/Berlin')).toBe('2026-11-20T01:00');
    expect(startOfDay('2026-11-20', 'Europe/Berlin').toISOString()).toBe('2026-11-19T23:00:00.000Z');
  });
});

describe('calendar grid helpers', () => {
  it('weeks start on Monday and cover the whole month', () => {
    expect(startOfWeek('2026-11-19')).toBe('2026-11-16');
    const grid = monthGrid('2026-11-19');
    expect(grid[0][0]).toBe('2026-10-26');
    expect(grid.at(-1)!.at(-1)).toBe('2026-12-06');
    expect(grid.flat()).toContain('2026-11-30');
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });
});
