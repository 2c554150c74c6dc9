// The side column of a discussion page: RSVP and calendar, who holds it, the meeting link, the series, and
// the staff's edit / cancel.
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { seatsText } from '@/components/discussions/badges';
import { CancelDiscussion } from '@/components/discussions/cancel-discussion';
import { PageSection } from '@/components/discussions/page-section';
import { RsvpControls } from '@/components/discussions/rsvp-controls';
import { ZonedTime } from '@/components/time/zoned-time';
import { FREQUENCY_LABELS, type Frequency } from '@/lib/time/recurrence';

const linkButton =
  'inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100';

type RsvpProps = {
  discussionId: string;
  cancelled: boolean;
  capacity: number | null;
  rsvp: { going: number; status: ComponentProps<typeof RsvpControls>['status']; waitlistPosition: number | null };
  signedIn: boolean;
  /** Whether RSVPs are open (the query's can.rsvp). */
  open: boolean;
  seriesId: string | null;
};

export function RsvpSection({ discussionId, cancelled, capacity, rsvp, signedIn, open, seriesId }: RsvpProps) {
  const full = capacity !== null && rsvp.going >= capacity;
  return (
    <PageSection id="rsvp-heading" title="RSVP">
      {!cancelled && (
        <p className="mt-1 text-sm text-stone-700" data-testid="seats">
          {seatsText(rsvp.going, capacity)}
        </p>
      )}
      <div className="mt-3">
        <RsvpControls discussionId={discussionId} signedIn={signedIn} open={open} status={rsvp.status} waitlistPosition={rsvp.waitlistPosition} full={full} />
      </div>
      <div className="mt-4 flex flex-wrap gap-2 border-t border-stone-100 pt-4">
        <a href={`/api/calendar/discussions/${discussionId}`} className={linkButton} download>
          Add to calendar (.ics)
        </a>
        {seriesId && (
          <a href={`/api/calendar/series/${seriesId}`} className={linkButton} download>
            Add the whole series
          </a>
        )}
      </div>
      {signedIn && (
        <p className="mt-3 text-sm text-stone-600">
          Or subscribe to all your RSVPs with your{' '}
          <Link href="/profile#calendar-feed" className="text-ember-700 underline">
            personal calendar feed
          </Link>
          .
        </p>
      )}
    </PageSection>
  );
}

type Person = { displayName: string };

export function PeopleSection({ hosts, facilitators }: { hosts: Person[]; facilitators: Person[] }) {
  return (
    <PageSection id="people" title={<>Who&rsquo;s holding it</>}>
      <dl className="mt-2 space-y-2 text-sm">
        <div>
          <dt className="font-medium text-stone-600">{hosts.length === 1 ? 'Host' : 'Hosts'}</dt>
          <dd className="text-stone-900">{hosts.map((h) => h.displayName).join(', ') || '—'}</dd>
        </div>
        {facilitators.length > 0 && (
          <div>
            <dt className="font-medium text-stone-600">{facilitators.length === 1 ? 'Facilitator' : 'Facilitators'}</dt>
            <dd className="text-stone-900">{facilitators.map((f) => f.displayName).join(', ')}</dd>
          </div>
        )}
      </dl>
    </PageSection>
  );
}

/** Rendered when the discussion has a link; `externalLink` is null for people without a seat (the query hides it). */
export function ExternalLinkSection({ externalLink }: { externalLink: string | null }) {
  return (
    <PageSection id="link-heading" title="Stream or meeting link">
      {externalLink ? (
        <p className="mt-2 break-all text-sm">
          <a href={externalLink} rel="noopener noreferrer nofollow" target="_blank" className="text-ember-700 underline">
            {externalLink}
          </a>
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-700">The link appears here once you have a seat.</p>
      )}
    </PageSection>
  );
}

type SeriesProps = {
  series: { frequency: string; occurrences: { id: string; startsAt: Date; status: string; current: boolean }[] };
  timeZone: string;
  viewerZone: string;
  now: Date;
};

/** The series rule and its next few occurrences (up to 6, not this one). */
export function SeriesSection({ series, timeZone, viewerZone, now }: SeriesProps) {
  const other = series.occurrences.filter((o) => !o.current && o.startsAt.getTime() > now.getTime()).slice(0, 6);
  return (
    <PageSection id="series-heading" title="Part of a series">
      <p className="mt-1 text-sm text-stone-700">
        {FREQUENCY_LABELS[series.frequency as Frequency] ?? 'Recurring'}, at the same local time in {timeZone.replaceAll('_', ' ')}.
      </p>
      {other.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {other.map((o) => (
            <li key={o.id}>
              <Link
                href={`/discussions/${o.id}`}
                className={`inline-flex min-h-10 items-center text-ember-700 underline ${o.status === 'CANCELLED' ? 'line-through' : ''}`}
              >
                <ZonedTime at={o.startsAt} zone={viewerZone} hostZone={timeZone} variant="short" />
              </Link>
              {o.status === 'CANCELLED' && <span className="text-stone-600"> (cancelled)</span>}
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}

/** Edit / cancel for the people allowed to (the query's can.edit / can.cancel); nothing for everyone else. */
export function ManageSection({
  discussionId,
  canEdit,
  canCancel,
  inSeries,
}: {
  discussionId: string;
  canEdit: boolean;
  canCancel: boolean;
  inSeries: boolean;
}) {
  if (!canEdit && !canCancel) return null;
  return (
    <PageSection id="manage" title="Manage">
      <div className="mt-3 flex flex-wrap gap-2">
        {canEdit && (
          <Link href={`/discussions/${discussionId}/edit`} className={linkButton}>
            Edit{inSeries ? ' this occurrence' : ''}
          </Link>
        )}
        {canCancel && <CancelDiscussion discussionId={discussionId} isSeries={inSeries} />}
      </div>
    </PageSection>
  );
}
