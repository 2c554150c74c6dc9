// Wall-clock ↔ instant conversion and display in a named zone. Pure; shared by server and browser.
//
// The DST rule (F24), the same as Temporal's 'compatible' disambiguation and RFC 5545 §3.3.5:
//  - a wall-clock time that does not exist (inside a spring-forward gap) moves forward by the length of
//    the gap: 2026-03-08 02:30 America/New_York → 03:30 EDT (07:30 UTC);
//  - a wall-clock time that exists twice (inside a fall-back overlap) takes the earlier instant, i.e. the
//    offset before the transition: 2026-11-01 01:30 America/New_York → 01:30 EDT (-04:00, 05:30 UTC).
import { Temporal } from 'temporal-polyfill';

export const DST_RULE_HINT =
  'If the time does not exist because clocks spring forward, it moves forward by the gap (02:30 becomes 03:30). ' +
  'If it happens twice because clocks fall back, the first one (summer time) is used.';

/** "YYYY-MM-DDTHH:mm", what a datetime-local input gives. */
export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The one time-zone check: a zone name Intl knows ("Europe/Berlin", "UTC"). Intl, not Temporal, decides: Temporal
 * also takes offsets and whole date-time strings ("2026-01-01T00:00Z") as zones, which Intl formatting refuses.
 */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isValidLocalDateTime(local: string): boolean {
  if (!LOCAL_DATE_TIME_PATTERN.test(local)) return false;
  try {
    Temporal.PlainDateTime.from(local, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export type Resolved = {
  /** The UTC instant. */
  startsAt: Date;
  /** The wall-clock time that actually happens in the zone, "YYYY-MM-DDTHH:mm" (differs from the input in a gap). */
  localStart: string;
  /** UTC offset at that instant, e.g. "-04:00". */
  offset: string;
  /** Why the wall-clock time was adjusted, or null. */
  adjustment: 'gap' | 'overlap' | null;
};

const minutes = (p: Temporal.PlainDateTime) => p.toString({ smallestUnit: 'minute' });

/** A wall-clock time in an IANA zone → the instant it denotes, by the documented DST rule. */
export function resolveLocal(local: string, timeZone: string): Resolved {
  const plain = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
  const zoned = plain.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  const later = plain.toZonedDateTime(timeZone, { disambiguation: 'later' });
  const actual = zoned.toPlainDateTime();
  let adjustment: Resolved['adjustment'] = null;
  if (!actual.equals(plain)) adjustment = 'gap';
  else if (zoned.epochMilliseconds !== later.epochMilliseconds) adjustment = 'overlap';
  return { startsAt: new Date(zoned.epochMilliseconds), localStart: minutes(actual), offset: zoned.offset, adjustment };
}

/** The wall-clock time of an instant in a zone, "YYYY-MM-DDTHH:mm". */
export function localOf(instant: Date, timeZone: string): string {
  return minutes(Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime());
}

/** The calendar date of an instant in a zone, "YYYY-MM-DD". */
export function dateOf(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The instant that starts a calendar day in a zone (not always 00:00: some zones skip midnight). */
export function startOfDay(date: string, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Monday of the ISO week that contains `date`. */
export function startOfWeek(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

export function startOfMonth(date: string): string {
  return Temporal.PlainDate.from(date).with({ day: 1 }).toString();
}

export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** The days shown in a month grid: whole weeks (Monday first) covering the month of `date`. */
export function monthGrid(date: string): string[][] {
  const first = Temporal.PlainDate.from(startOfMonth(date));
  const last = first.add({ months: 1 }).subtract({ days: 1 });
  let day = Temporal.PlainDate.from(startOfWeek(first.toString()));
  const weeks: string[][] = [];
  while (Temporal.PlainDate.compare(day, last) <= 0) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day.toString());
      day = day.add({ days: 1 });
    }
    weeks.push(week);
  }
  return weeks;
}

export type ZonedParts = {
  /** "Thursday 19 November 2026" */
  date: string;
  /** "Thu 19 Nov" */
  shortDate: string;
  /** "19:00" */
  time: string;
  /** The zone's short name at that instant: "EST", "GMT+1", "CET". */
  zoneAbbr: string;
  /** The IANA zone, readable: "America/New York". */
  zoneName: string;
  /** ISO 8601 with offset, for <time dateTime>. */
  iso: string;
};

export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll('_', ' ');
}

/** How an instant reads in a zone, with the zone named. Locale fixed to en-GB so server and browser agree. */
export function formatInZone(instant: Date, timeZone: string, locale = 'en-GB'): ZonedParts {
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...o }).format(instant);
  const zoneAbbr =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const zdt = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(',', ''),
    shortDate: fmt({ weekday: 'short', day: 'numeric', month: 'short' }).replace(',', ''),
    time: fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    zoneAbbr,
    zoneName: zoneLabel(timeZone),
    iso: zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' }),
  };
}

/** "Thursday 19 November 2026, 19:00 EST (America/New York)" */
export function describeInZone(instant: Date, timeZone: string): string {
  const p = formatInZone(instant, timeZone);
  return `${p.date}, ${p.time} ${p.zoneAbbr} (${p.zoneName})`;
}

/** Every IANA zone this runtime knows, plus UTC and any extra ones, sorted. */
export function listTimeZones(...extra: string[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  for (const z of extra) zones.add(z);
  return [...zones].sort();
}
