// iCalendar (RFC 5545) files built with ical-generator, which escapes every text value (F13: newlines,
// semicolons and commas in titles cannot break out of their property). Times carry the discussion's
// IANA zone as TZID with a VTIMEZONE block (./vtimezone), so a calendar shows the host's wall-clock time correctly.
import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { vtimezone } from './vtimezone';

export type IcsDiscussion = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  status: DiscussionStatus;
  updatedAt: Date;
  /** A waitlisted member's feed marks the event tentative. */
  tentative?: boolean;
};

/** Markdown is shown as plain text in calendars; keep it short. */
function plainDescription(markdown: string, url: string): string {
  const text = markdown.length > 1500 ? `${markdown.slice(0, 1500)}…` : markdown;
  return text ? `${text}\n\n${url}` : url;
}

export function buildCalendar(name: string, discussions: IcsDiscussion[], appUrl: string): string {
  const cal = ical({ name, prodId: { company: 'Fireside', product: 'Fireside', language: 'EN' } });
  // Name null: no calendar-wide zone, each event has its own; the generator adds a VTIMEZONE per zone used,
  // covering the span of the events.
  const times = discussions.map((d) => d.startsAt.getTime());
  const from = new Date(Math.min(...times, Date.now()));
  const to = new Date(Math.max(...times, Date.now()));
  cal.timezone({ name: null, generator: (tz) => vtimezone(tz, from, to) });
  const host = new URL(appUrl).hostname;
  for (const d of discussions) {
    const start = Temporal.Instant.fromEpochMilliseconds(d.startsAt.getTime()).toZonedDateTimeISO(d.timeZone);
    const url = `${appUrl}/discussions/${d.id}`;
    cal.createEvent({
      id: `${d.id}@${host}`,
      start,
      end: start.add({ minutes: d.durationMinutes }),
      timezone: d.timeZone,
      stamp: d.updatedAt,
      lastModified: d.updatedAt,
      summary: d.status === 'CANCELLED' ? `Cancelled: ${d.title}` : d.title,
      description: plainDescription(d.description, url),
      url,
      status: d.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : d.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** A file name that is safe in a Content-Disposition header. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return `${slug || 'discussion'}.ics`;
}
