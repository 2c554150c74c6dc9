// Series occurrences: rrule expands the recurrence over *floating* wall-clock times, then each wall-clock
// time is placed in the series' zone by the DST rule in ./zoned. So a weekly 19:00 stays 19:00 local on
// both sides of a DST change (its UTC instant moves by an hour instead).
import * as rruleModule from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { type Resolved, resolveLocal } from './zoned';

// rrule ships CommonJS for Node and ESM for bundlers; take the named exports from whichever loaded.
const rrule = (
  (rruleModule as { RRule?: unknown }).RRule ? rruleModule : (rruleModule as unknown as { default: typeof rruleModule }).default
) as typeof rruleModule;

export const FREQUENCIES = ['WEEKLY', 'BIWEEKLY', 'MONTHLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  WEEKLY: 'Every week',
  BIWEEKLY: 'Every two weeks',
  MONTHLY: 'Every month (same day of the month)',
};

function ruleOptions(frequency: Frequency) {
  if (frequency === 'MONTHLY') return { freq: rrule.RRule.MONTHLY, interval: 1 };
  return { freq: rrule.RRule.WEEKLY, interval: frequency === 'BIWEEKLY' ? 2 : 1 };
}

function floating(local: string): Date {
  const p = Temporal.PlainDateTime.from(local);
  return rrule.datetime(p.year, p.month, p.day, p.hour, p.minute);
}

/** The RFC 5545 rule text stored on the series, e.g. "DTSTART;TZID=America/New_York:20260222T190000\nRRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=12". */
export function seriesRule(firstLocalStart: string, timeZone: string, frequency: Frequency, count: number): string {
  return new rrule.RRule({ ...ruleOptions(frequency), dtstart: floating(firstLocalStart), count, tzid: timeZone }).toString();
}

/** The wall-clock start of each occurrence ("YYYY-MM-DDTHH:mm"), first one included. */
export function occurrenceLocals(firstLocalStart: string, frequency: Frequency, count: number): string[] {
  const rule = new rrule.RRule({ ...ruleOptions(frequency), dtstart: floating(firstLocalStart), count });
  // Floating dates live in UTC fields: read them back as plain wall-clock values.
  return rule.all().map((d) => d.toISOString().slice(0, 16));
}

/** Every occurrence resolved to its instant in the series' zone. */
export function seriesOccurrences(firstLocalStart: string, timeZone: string, frequency: Frequency, count: number): Resolved[] {
  return occurrenceLocals(firstLocalStart, frequency, count).map((local) => resolveLocal(local, timeZone));
}
