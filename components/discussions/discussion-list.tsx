// A list of discussion cards, times in the viewer's zone (host's zone on hover).
import Link from 'next/link';
import { ZonedTime } from '@/components/time/zoned-time';
import type { DiscussionCard } from '@/lib/discussions/views';
import { FREQUENCY_LABELS, type Frequency } from '@/lib/time/recurrence';
import { DiscussionBadges, seatsText } from './badges';

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  // Non-breaking spaces: "1 h 30 min" never wraps in the middle.
  return [h ? `${h}\u00a0h` : '', m ? `${m}\u00a0min` : ''].filter(Boolean).join('\u00a0');
}

export function DiscussionList({ items, zone, empty, headingLevel = 2 }: { items: DiscussionCard[]; zone: string; empty: string; headingLevel?: 2 | 3 }) {
  if (!items.length) return <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">{empty}</p>;
  const H = `h${headingLevel}` as const;
  return (
    <ul className="space-y-3" data-testid="discussion-list">
      {items.map((d) => (
        <li key={d.id}>
          <article
            className={`rounded-lg border bg-white p-4 shadow-sm sm:p-5 ${d.status === 'CANCELLED' ? 'border-stone-200 opacity-80' : 'border-stone-200'}`}
          >
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 space-y-1">
                <H className="text-lg font-semibold leading-snug text-stone-900">
                  <Link
                    href={`/discussions/${d.id}`}
                    className={`-my-2 block py-2 text-stone-900 hover:text-ember-800 ${d.status === 'CANCELLED' ? 'line-through' : ''}`}
                  >
                    {d.title}
                  </Link>
                </H>
                <p className="text-sm text-stone-700">
                  <ZonedTime at={d.startsAt} zone={zone} hostZone={d.timeZone} variant="full" className="font-medium text-stone-800" />
                  <span aria-hidden="true"> · </span>
                  <span className="sr-only">, </span>
                  {durationText(d.durationMinutes)}
                </p>
                {d.hosts.length > 0 && <p className="text-sm text-stone-700">Hosted by {d.hosts.map((h) => h.displayName).join(' and ')}</p>}
              </div>
              <DiscussionBadges status={d.status} phase={d.phase} visibility={d.visibility} myRsvp={d.myRsvp} series={!!d.seriesId} />
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-700">
              {d.status !== 'CANCELLED' && <span>{seatsText(d.going, d.capacity)}</span>}
              {d.moreInSeries > 0 && (
                <span data-testid="more-in-series">
                  Then {d.moreInSeries} more in this series ({d.seriesFrequency ? FREQUENCY_LABELS[d.seriesFrequency as Frequency].toLowerCase() : 'recurring'})
                </span>
              )}
              {d.modalities.length > 0 && (
                <span className="flex flex-wrap gap-1.5">
                  <span className="sr-only">Modalities:</span>
                  {d.modalities.map((m) => (
                    <span key={m.slug} className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-800">
                      {m.name}
                    </span>
                  ))}
                </span>
              )}
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
