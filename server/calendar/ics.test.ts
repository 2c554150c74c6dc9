// Calendar files: TZID + VTIMEZONE, the right UTC instant when parsed, cancelled marked, F13 escaping.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { resolveLocal } from '@/lib/time/zoned';
import { buildCalendar, type IcsDiscussion, icsFileName } from './ics';

const APP = 'https://fireside.example.org';
const d = (over: Partial<IcsDiscussion> = {}): IcsDiscussion => ({
  id: 'd1',
  title: 'Integration circle',
  description: 'Bring your questions.',
  startsAt: resolveLocal('2026-11-19T19:00', 'America/New_York').startsAt,
  durationMinutes: 90,
  timeZone: 'America/New_York',
  status: 'SCHEDULED',
  updatedAt: new Date('2026-10-01T10:00:00Z'),
  ...over,
});

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

describe('ICS', () => {
  it('carries the host zone as TZID with a VTIMEZONE, and parses to the right UTC instant', () => {
    const ics = buildCalendar('Fireside', [d()], APP);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261119T190000');
    expect(ics).toContain('DTEND;TZID=America/New_York:20261119T203000');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    expect(ics).toContain('UID:d1@fireside.example.org');
    expect(ics).toContain('STATUS:CONFIRMED');
    const [ev] = parse(ics);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(ev.startDate.zone.tzid).toBe('America/New_York');
  });

  it('F24 occurrences on both sides of a DST change keep 19:00 local, each with the right instant', () => {
    const a = d({ id: 'a', startsAt: resolveLocal('2026-10-29T19:00', 'America/New_York').startsAt });
    const b = d({ id: 'b', startsAt: resolveLocal('2026-11-05T19:00', 'America/New_York').startsAt });
    const ics = buildCalendar('Series', [a, b], APP);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261029T190000');
    expect(ics).toContain('DTSTART;TZID=America/New_York:20261105T190000');
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(parse(ics).map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2026-10-29T23:00:00.000Z', '2026-11-06T00:00:00.000Z']);
  });

  it('marks cancelled occurrences STATUS:CANCELLED and waitlisted ones TENTATIVE', () => {
    const ics = buildCalendar('Feed', [d({ id: 'x', status: 'CANCELLED' }), d({ id: 'y', tentative: true })], APP);
    const events = parse(ics);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'TENTATIVE']);
    expect(events[0].summary).toBe('Cancelled: Integration circle');
  });

  it('F13 escapes user text: newlines, semicolons and commas cannot inject properties', () => {
    const title = 'Evil;\nBEGIN:VEVENT\r\nSUMMARY:Injected, really\\';
    const ics = buildCalendar('Feed', [d({ title, description: 'line1\nATTENDEE:mailto:x@example.org;x' })], APP);
    expect(ics).not.toMatch(/\r\nBEGIN:VEVENT\r\nSUMMARY:Injected/);
    expect(ics).not.toMatch(/\r\nATTENDEE:/);
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(ics).toContain('SUMMARY:Evil\\;\\nBEGIN:VEVENT\\nSUMMARY:Injected\\, really\\\\');
    const [ev] = parse(ics);
    expect(ev.summary).toBe('Evil;\nBEGIN:VEVENT\nSUMMARY:Injected, really\\');
    expect(ev.description.startsWith('line1\nATTENDEE:mailto:x@example.org;x')).toBe(true);
  });

  it('VTIMEZONE blocks come from the IANA data: Berlin, Sydney (southern summer) and a zone without DST', () => {
    const cases: [string, string, string][] = [
      ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'], // the spring gap, moved forward
      // (An overlap time, e.g. 2026-10-25 02:30 Berlin, is ambiguous in any ICS file; RFC 5545 reads it as the
      // earlier instant, as we do, but ical.js picks the later one, so it is not asserted through that parser.)
      ['Australia/Sydney', '2026-01-10T19:00', '2026-01-10T08:00:00.000Z'], // AEDT +11
      ['Australia/Sydney', '2026-07-10T19:00', '2026-07-10T09:00:00.000Z'], // AEST +10
      ['Asia/Singapore', '2026-07-10T19:00', '2026-07-10T11:00:00.000Z'],
      ['UTC', '2026-07-10T19:00', '2026-07-10T19:00:00.000Z'],
    ];
    for (const [zone, local, utc] of cases) {
      const ics = buildCalendar('z', [d({ timeZone: zone, startsAt: resolveLocal(local, zone).startsAt })], APP);
      if (zone !== 'UTC') expect(ics).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}`);
      expect(parse(ics)[0].startDate.toJSDate().toISOString(), `${zone} ${local}`).toBe(utc);
    }
  });

  it('file names are header-safe', () => {
    expect(icsFileName('Évening "circle"; \r\n rm -rf')).toBe('evening-circle-rm-rf.ics');
    expect(icsFileName('🔥')).toBe('discussion.ics');
  });
});
