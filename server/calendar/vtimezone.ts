// VTIMEZONE blocks (RFC 5545 §3.6.5) from the runtime's own IANA data through Temporal: one observance per
// actual offset change around the events, so a calendar converts every TZID time exactly as we do. (No
// hand-written DST rules: Temporal finds the transitions.)
import { Temporal } from 'temporal-polyfill';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const icsLocal = (p: Temporal.PlainDateTime) => `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
const icsOffset = (offset: string) => offset.replace(':', '').slice(0, 5); // "-04:00" → "-0400"
const offsetNs = (offset: string) => Temporal.Instant.from(`1970-01-01T00:00:00${offset}`).epochNanoseconds;

function zoneName(instant: Temporal.Instant, timeZone: string): string | null {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(instant.epochMilliseconds))
    .find((p) => p.type === 'timeZoneName')?.value;
  return part && !/^GMT[+-]/.test(part) ? part : null;
}

/** A VTIMEZONE for `timeZone` valid from a year before `from` to a year after `to`. */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const start = Temporal.Instant.fromEpochMilliseconds(from.getTime()).toZonedDateTimeISO(timeZone).subtract({ years: 1 });
  const end = Temporal.Instant.fromEpochMilliseconds(to.getTime()).add({ hours: 24 * 366 });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  let cursor = start;
  for (let i = 0; i < 500; i++) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || Temporal.Instant.compare(next.toInstant(), end) > 0) break;
    const before = next.subtract({ nanoseconds: 1 }).offset;
    const after = next.offset;
    const kind = offsetNs(before) > offsetNs(after) ? 'DAYLIGHT' : 'STANDARD'; // the offset grows in summer
    const onset = next.toInstant().toZonedDateTimeISO(before).toPlainDateTime(); // local time in the old offset
    const name = zoneName(next.toInstant(), timeZone);
    lines.push(`BEGIN:${kind}`, `DTSTART:${icsLocal(onset)}`, `TZOFFSETFROM:${icsOffset(before)}`, `TZOFFSETTO:${icsOffset(after)}`);
    if (name) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
    cursor = next;
  }
  // The offset in force before the first change (or always, for zones without changes).
  const first = start.offset;
  const name = zoneName(start.toInstant(), timeZone);
  lines.splice(
    2,
    0,
    'BEGIN:STANDARD',
    `DTSTART:${icsLocal(start.toPlainDateTime().with({ hour: 0, minute: 0, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 }))}`,
    `TZOFFSETFROM:${icsOffset(first)}`,
    `TZOFFSETTO:${icsOffset(first)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    'END:STANDARD',
  );
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
