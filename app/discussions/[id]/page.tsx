import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, DiscussionBadges, seatsText } from '@/components/discussions/badges';
import { CancelDiscussion } from '@/components/discussions/cancel-discussion';
import { durationText } from '@/components/discussions/discussion-list';
import { RsvpControls } from '@/components/discussions/rsvp-controls';
import { RefreshOnNotification } from '@/components/notifications/refresh-on-notification';
import { RoomGate } from '@/components/time/room-gate';
import { getViewerZone } from '@/components/time/viewer-zone';
import { ZoneSync } from '@/components/time/zone-sync';
import { hostTimeText, ZonedTime } from '@/components/time/zoned-time';
import { Alert } from '@/components/ui/alert';
import { Markdown } from '@/components/ui/markdown';
import { FREQUENCY_LABELS, type Frequency } from '@/lib/time/recurrence';
import { getActor } from '@/server/auth/next-session';
import { getDiscussion } from '@/server/discussions/queries';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const d = await getDiscussion(await getActor(), id);
  return { title: d?.title ?? 'Discussion' };
}

const box = 'rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5';
const linkButton =
  'inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100';

export default async function DiscussionPage({ params, searchParams }: Params & { searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { created, saved } = await searchParams;
  const actor = await getActor();
  const now = new Date();
  const d = await getDiscussion(actor, id, now);
  if (!d) notFound();
  const viewer = await getViewerZone(actor);
  const full = d.capacity !== null && d.rsvp.going >= d.capacity;
  const other = d.series?.occurrences.filter((o) => !o.current && o.startsAt.getTime() > now.getTime()).slice(0, 6) ?? [];

  return (
    <article className="space-y-6" data-testid="discussion" data-id={d.id}>
      <RefreshOnNotification discussionId={d.id} />
      <p>
        <Link href="/discussions" className="text-sm text-ember-700 underline">
          ← All discussions
        </Link>
      </p>
      {created && <Alert tone="success">Discussion scheduled{Number(created) > 1 ? `: ${created} occurrences in the series` : ''}.</Alert>}
      {saved && <Alert tone="success">Changes saved. People with an RSVP were notified of changes to the time, title or link.</Alert>}

      <header className="space-y-3">
        <DiscussionBadges status={d.status} phase={d.phase} visibility={d.visibility} series={!!d.series} />
        <h1 className="text-2xl font-semibold leading-tight text-stone-900 sm:text-3xl">{d.title}</h1>
        <div className="space-y-1 text-stone-800">
          <p className="text-lg" data-testid="discussion-time">
            <ZonedTime at={d.startsAt} zone={viewer.zone} hostZone={d.timeZone} variant="full" className="font-medium" />
            <span className="text-stone-700"> · {durationText(d.durationMinutes)}</span>
          </p>
          {d.timeZone !== viewer.zone && (
            <p className="text-sm text-stone-700" data-testid="host-time">
              {hostTimeText(d.startsAt, d.timeZone)}
            </p>
          )}
          <ZoneSync zone={viewer.zone} source={viewer.source} />
        </div>
        {d.status === 'CANCELLED' && (
          <Alert tone="error" testId="cancelled-notice">
            This discussion was cancelled.{d.cancelReason ? ` Reason: ${d.cancelReason}` : ''}
          </Alert>
        )}
        {d.status !== 'CANCELLED' && <RoomGate discussionId={d.id} startsAt={d.startsAt.toISOString()} status={d.status} serverTime={now.getTime()} />}
        {d.contentWarnings.length > 0 && (
          <section aria-labelledby="cw" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 id="cw" className="text-sm font-semibold text-amber-900">Content warnings</h2>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {d.contentWarnings.map((w) => (
                <li key={w}>
                  <Badge>{w}</Badge>
                </li>
              ))}
            </ul>
          </section>
        )}
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="about" className={box}>
            <h2 id="about" className="text-lg font-semibold text-stone-900">About this discussion</h2>
            {d.description ? (
              <Markdown headingBase={3}>{d.description}</Markdown>
            ) : (
              <p className="mt-2 text-stone-700">The hosts have not written a description yet.</p>
            )}
          </section>

          {(d.articles.length > 0 || d.modalities.length > 0) && (
            <section aria-labelledby="reading" className={box}>
              <h2 id="reading" className="text-lg font-semibold text-stone-900">From the Healing Library</h2>
              {d.articles.length > 0 && (
                <ul className="mt-2 space-y-1" data-testid="linked-articles">
                  {d.articles.map((a) => (
                    <li key={a.slug}>
                      <Link href={`/library/${a.slug}`} className="inline-flex min-h-10 items-center font-medium text-ember-700 underline">
                        {a.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {d.modalities.length > 0 && (
                <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-stone-700">
                  <span>More discussions on:</span>
                  {d.modalities.map((m) => (
                    <Link key={m.slug} href={`/discussions?modality=${encodeURIComponent(m.slug)}`} className="inline-flex min-h-10 items-center rounded bg-stone-100 px-2 text-stone-800 no-underline hover:bg-stone-200">
                      {m.name}
                    </Link>
                  ))}
                </p>
              )}
            </section>
          )}

          <section aria-labelledby="agreement" className={box}>
            <h2 id="agreement" className="text-lg font-semibold text-stone-900">Room agreement</h2>
            <p className="mt-2 whitespace-pre-wrap text-stone-800">{d.agreementText}</p>
            <p className="mt-2 text-sm text-stone-600">
              You agree to this when you join the room.{' '}
              {d.anonymousDefault ? 'Questions are anonymous to the room by default; moderators can still see who asked.' : ''}
              {d.moderationMode === 'PRE' ? ' Questions appear after a facilitator approves them.' : ''}
            </p>
          </section>

          {d.attendees && (
            <section aria-labelledby="attendees" className={box} data-testid="attendees">
              <h2 id="attendees" className="text-lg font-semibold text-stone-900">Attendees</h2>
              <p className="text-sm text-stone-600">Only hosts, facilitators and admins see this list.</p>
              {d.attendees.length === 0 ? (
                <p className="mt-2 text-stone-700">No RSVPs yet.</p>
              ) : (
                <ol className="mt-3 divide-y divide-stone-100">
                  {d.attendees.map((a, i) => (
                    <li key={i} className="flex items-center justify-between gap-3 py-1.5 text-sm">
                      <span className="text-stone-900">{a.displayName}</span>
                      <span className="text-stone-600">{a.status === 'GOING' ? 'Going' : `Waitlist #${a.position}`}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )}
        </div>

        <aside className="order-first space-y-6 lg:order-none" aria-label="RSVP and details">
          <section aria-labelledby="rsvp-heading" className={box}>
            <h2 id="rsvp-heading" className="text-lg font-semibold text-stone-900">RSVP</h2>
            {d.status !== 'CANCELLED' && <p className="mt-1 text-sm text-stone-700" data-testid="seats">{seatsText(d.rsvp.going, d.capacity)}</p>}
            <div className="mt-3">
              <RsvpControls discussionId={d.id} signedIn={!!actor} open={d.can.rsvp} status={d.rsvp.status} waitlistPosition={d.rsvp.waitlistPosition} full={full} />
            </div>
            <div className="mt-4 flex flex-wrap gap-2 border-t border-stone-100 pt-4">
              <a href={`/api/calendar/discussions/${d.id}`} className={linkButton} download>
                Add to calendar (.ics)
              </a>
              {d.series && (
                <a href={`/api/calendar/series/${d.series.id}`} className={linkButton} download>
                  Add the whole series
                </a>
              )}
            </div>
            {actor && (
              <p className="mt-3 text-sm text-stone-600">
                Or subscribe to all your RSVPs with your{' '}
                <Link href="/profile#calendar-feed" className="text-ember-700 underline">personal calendar feed</Link>.
              </p>
            )}
          </section>

          <section aria-labelledby="people" className={box}>
            <h2 id="people" className="text-lg font-semibold text-stone-900">Who&rsquo;s holding it</h2>
            <dl className="mt-2 space-y-2 text-sm">
              <div>
                <dt className="font-medium text-stone-600">{d.hosts.length === 1 ? 'Host' : 'Hosts'}</dt>
                <dd className="text-stone-900">{d.hosts.map((h) => h.displayName).join(', ') || '—'}</dd>
              </div>
              {d.facilitators.length > 0 && (
                <div>
                  <dt className="font-medium text-stone-600">{d.facilitators.length === 1 ? 'Facilitator' : 'Facilitators'}</dt>
                  <dd className="text-stone-900">{d.facilitators.map((f) => f.displayName).join(', ')}</dd>
                </div>
              )}
            </dl>
          </section>

          {d.hasExternalLink && (
            <section aria-labelledby="link-heading" className={box}>
              <h2 id="link-heading" className="text-lg font-semibold text-stone-900">Stream or meeting link</h2>
              {d.externalLink ? (
                <p className="mt-2 break-all text-sm">
                  <a href={d.externalLink} rel="noopener noreferrer nofollow" target="_blank" className="text-ember-700 underline">
                    {d.externalLink}
                  </a>
                </p>
              ) : (
                <p className="mt-2 text-sm text-stone-700">The link appears here once you have a seat.</p>
              )}
            </section>
          )}

          {d.series && (
            <section aria-labelledby="series-heading" className={box}>
              <h2 id="series-heading" className="text-lg font-semibold text-stone-900">Part of a series</h2>
              <p className="mt-1 text-sm text-stone-700">{FREQUENCY_LABELS[d.series.frequency as Frequency] ?? 'Recurring'}, at the same local time in {d.timeZone.replaceAll('_', ' ')}.</p>
              {other.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {other.map((o) => (
                    <li key={o.id}>
                      <Link href={`/discussions/${o.id}`} className={`inline-flex min-h-10 items-center text-ember-700 underline ${o.status === 'CANCELLED' ? 'line-through' : ''}`}>
                        <ZonedTime at={o.startsAt} zone={viewer.zone} hostZone={d.timeZone} variant="short" />
                      </Link>
                      {o.status === 'CANCELLED' && <span className="text-stone-600"> (cancelled)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          {(d.can.edit || d.can.cancel) && (
            <section aria-labelledby="manage" className={box}>
              <h2 id="manage" className="text-lg font-semibold text-stone-900">Manage</h2>
              <div className="mt-3 flex flex-wrap gap-2">
                {d.can.edit && (
                  <Link href={`/discussions/${d.id}/edit`} className={linkButton}>
                    Edit{d.series ? ' this occurrence' : ''}
                  </Link>
                )}
                {d.can.cancel && <CancelDiscussion discussionId={d.id} isSeries={!!d.series} />}
              </div>
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
