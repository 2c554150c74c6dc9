import type { Metadata } from 'next';
import Link from 'next/link';
import { DiscussionFilters, DiscussionsNav } from '@/components/discussions/discussions-nav';
import { getViewerZone } from '@/components/time/viewer-zone';
import { ZoneSync } from '@/components/time/zone-sync';
import { ZonedTime } from '@/components/time/zoned-time';
import { listDiscussionsSchema } from '@/lib/discussions/schema';
import type { DiscussionCard } from '@/lib/discussions/views';
import { addDays, addMonths, dateOf, monthGrid, startOfDay, startOfMonth, startOfWeek } from '@/lib/time/zoned';
import { getActor } from '@/server/auth/next-session';
import { getDiscussionFilters, listDiscussionsBetween } from '@/server/discussions/queries';

export const metadata: Metadata = { title: 'Discussion calendar' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function validDate(s: string | undefined): string | null {
  if (!s || !DATE.test(s)) return null;
  try {
    return addDays(s, 0);
  } catch {
    return null;
  }
}

function label(date: string, opts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...opts }).format(new Date(`${date}T12:00:00Z`));
}

function qs(params: Record<string, string | undefined>): string {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => !!v) as [string, string][]).toString();
  return s ? `?${s}` : '';
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const { modality, host } = listDiscussionsSchema.parse({ modality: one(raw.modality), host: one(raw.host) });
  const view = one(raw.view) === 'week' ? 'week' : 'month';
  const actor = await getActor();
  const viewer = await getViewerZone(actor);
  const today = dateOf(new Date(), viewer.zone);
  const anchor = validDate(one(raw.date)) ?? today;

  const days = view === 'month' ? monthGrid(anchor).flat() : Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i));
  const from = startOfDay(days[0], viewer.zone);
  const to = startOfDay(addDays(days[days.length - 1], 1), viewer.zone);
  const [items, options] = await Promise.all([listDiscussionsBetween(actor, from, to, { modality, host }), getDiscussionFilters()]);
  const byDay = new Map<string, DiscussionCard[]>();
  for (const d of items) {
    const key = dateOf(d.startsAt, viewer.zone);
    byDay.set(key, [...(byDay.get(key) ?? []), d]);
  }

  const month = startOfMonth(anchor);
  const prev = view === 'month' ? addMonths(month, -1) : addDays(startOfWeek(anchor), -7);
  const next = view === 'month' ? addMonths(month, 1) : addDays(startOfWeek(anchor), 7);
  const title =
    view === 'month' ? label(month, { month: 'long', year: 'numeric' }) : `Week of ${label(days[0], { day: 'numeric', month: 'long', year: 'numeric' })}`;
  const filters = { modality, host };
  const link = (p: Record<string, string | undefined>) => `/discussions/calendar${qs({ view: view === 'week' ? 'week' : undefined, ...filters, ...p })}`;
  const navLink =
    'inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold text-stone-900">Discussion calendar</h1>
        <ZoneSync zone={viewer.zone} source={viewer.source} />
      </div>
      <DiscussionsNav view="calendar" filters={filters} />
      <DiscussionFilters
        action="/discussions/calendar"
        filters={filters}
        options={options}
        keep={{ view: view === 'week' ? 'week' : undefined, date: one(raw.date) }}
      />

      <div className="flex flex-wrap items-center gap-3">
        <h2 className="mr-auto w-full text-xl font-semibold text-stone-900 sm:w-auto" data-testid="calendar-title">
          {title}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={link({ date: prev })} className={navLink} aria-label={view === 'month' ? 'Previous month' : 'Previous week'}>
            <span aria-hidden="true">←</span>&nbsp;Previous
          </Link>
          <Link href={link({ date: undefined })} className={navLink}>
            Today
          </Link>
          <Link href={link({ date: next })} className={navLink} aria-label={view === 'month' ? 'Next month' : 'Next week'}>
            Next&nbsp;<span aria-hidden="true">→</span>
          </Link>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/discussions/calendar${qs({ ...filters, date: one(raw.date) })}`}
            aria-current={view === 'month' ? 'true' : undefined}
            className={`${navLink} aria-[current]:border-ember-700 aria-[current]:bg-ember-50`}
          >
            Month
          </Link>
          <Link
            href={`/discussions/calendar${qs({ view: 'week', ...filters, date: one(raw.date) })}`}
            aria-current={view === 'week' ? 'true' : undefined}
            className={`${navLink} aria-[current]:border-ember-700 aria-[current]:bg-ember-50`}
          >
            Week
          </Link>
        </div>
      </div>

      <div>
        <div
          className="hidden grid-cols-7 gap-px border-b border-stone-200 pb-1 text-center text-xs font-semibold uppercase tracking-wide text-stone-600 sm:grid"
          aria-hidden="true"
        >
          {WEEKDAYS.map((w) => (
            <div key={w}>{w.slice(0, 3)}</div>
          ))}
        </div>
        <ol className="grid grid-cols-1 gap-2 sm:mt-2 sm:grid-cols-7 sm:gap-1" data-testid="calendar-grid" data-view={view}>
          {days.map((day) => {
            const events = byDay.get(day) ?? [];
            const inMonth = view === 'week' || day.startsWith(month.slice(0, 7));
            const isToday = day === today;
            return (
              <li
                key={day}
                data-date={day}
                className={`${events.length ? '' : 'hidden sm:block'} rounded-md border p-2 ${view === 'month' ? 'sm:min-h-24' : 'sm:min-h-40'} ${
                  isToday ? 'border-ember-600 bg-ember-50' : inMonth ? 'border-stone-200 bg-white' : 'border-stone-100 bg-stone-50'
                }`}
              >
                <h3 className={`text-xs font-semibold ${inMonth ? 'text-stone-800' : 'text-stone-600'}`}>
                  <span className="sm:hidden">{label(day, { weekday: 'long', day: 'numeric', month: 'long' })}</span>
                  <span className="hidden sm:inline">
                    <span className="sr-only">{label(day, { weekday: 'long', month: 'long' })} </span>
                    {label(day, { day: 'numeric' })}
                  </span>
                  {isToday && <span className="ml-1 font-normal">(today)</span>}
                </h3>
                {events.length > 0 && (
                  <ul className="mt-1 space-y-1">
                    {events.map((d) => (
                      <li key={d.id}>
                        <Link
                          href={`/discussions/${d.id}`}
                          className={`flex min-h-10 flex-col justify-center rounded px-1.5 py-1 text-sm leading-snug no-underline sm:block sm:min-h-0 sm:text-[0.8rem] ${
                            d.status === 'CANCELLED' ? 'bg-stone-100 text-stone-600 line-through' : 'bg-ember-100 text-ember-800 hover:bg-ember-200'
                          }`}
                        >
                          <ZonedTime at={d.startsAt} zone={viewer.zone} hostZone={d.timeZone} variant="time" className="font-semibold" />{' '}
                          <span className="break-words">{d.title}</span>
                          {d.status === 'CANCELLED' && <span className="sr-only"> (cancelled)</span>}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
        {items.length === 0 && (
          <p className="mt-3 rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            No discussions {view === 'month' ? 'this month' : 'this week'}
            {modality || host ? ' match these filters' : ''}.
          </p>
        )}
      </div>
    </div>
  );
}
