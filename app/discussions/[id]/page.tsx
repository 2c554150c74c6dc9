import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExternalLinkSection, ManageSection, PeopleSection, RsvpSection, SeriesSection } from '@/components/discussions/discussion-aside';
import { AboutSection, AgreementSection, AttendeesSection, LibrarySection } from '@/components/discussions/discussion-details';
import { DiscussionHeader } from '@/components/discussions/discussion-header';
import { RefreshOnNotification } from '@/components/notifications/refresh-on-notification';
import { getViewerZone } from '@/components/time/viewer-zone';
import { Alert } from '@/components/ui/alert';
import { getActor } from '@/server/auth/next-session';
import { getDiscussion } from '@/server/discussions/queries';
import { RecapLink } from './recap/recap-link';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const d = await getDiscussion(await getActor(), id);
  return { title: d?.title ?? 'Discussion' };
}

export default async function DiscussionPage({ params, searchParams }: Params & { searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { created, saved } = await searchParams;
  const actor = await getActor();
  const now = new Date();
  const d = await getDiscussion(actor, id, now);
  if (!d) notFound();
  const viewer = await getViewerZone(actor);

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

      <DiscussionHeader discussion={{ ...d, inSeries: !!d.series }} viewer={viewer} now={now} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <AboutSection description={d.description} />
          <LibrarySection articles={d.articles} modalities={d.modalities} />
          <AgreementSection agreementText={d.agreementText} anonymousDefault={d.anonymousDefault} moderationMode={d.moderationMode} />
          {d.attendees && <AttendeesSection attendees={d.attendees} />}
        </div>

        <aside className="order-first space-y-6 lg:order-none" aria-label="RSVP and details">
          <RecapLink actor={actor} discussionId={d.id} />
          <RsvpSection
            discussionId={d.id}
            cancelled={d.status === 'CANCELLED'}
            capacity={d.capacity}
            rsvp={d.rsvp}
            signedIn={!!actor}
            open={d.can.rsvp}
            seriesId={d.series?.id ?? null}
          />
          <PeopleSection hosts={d.hosts} facilitators={d.facilitators} />
          {d.hasExternalLink && <ExternalLinkSection externalLink={d.externalLink} />}
          {d.series && <SeriesSection series={d.series} timeZone={d.timeZone} viewerZone={viewer.zone} now={now} />}
          <ManageSection discussionId={d.id} canEdit={d.can.edit} canCancel={d.can.cancel} inSeries={!!d.series} />
        </aside>
      </div>
    </article>
  );
}
