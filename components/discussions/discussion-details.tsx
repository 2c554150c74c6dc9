// The main column of a discussion page: what it is about, its Healing Library links, the room agreement, and
// (for staff only) who is coming.
import Link from 'next/link';
import { PageSection } from '@/components/discussions/page-section';
import { Markdown } from '@/components/ui/markdown';

export function AboutSection({ description }: { description: string }) {
  return (
    <PageSection id="about" title="About this discussion">
      {description ? <Markdown headingBase={3}>{description}</Markdown> : <p className="mt-2 text-stone-700">The hosts have not written a description yet.</p>}
    </PageSection>
  );
}

/** Linked articles and the modalities to find more discussions on; nothing when there are neither. */
export function LibrarySection({ articles, modalities }: { articles: { slug: string; title: string }[]; modalities: { slug: string; name: string }[] }) {
  if (articles.length === 0 && modalities.length === 0) return null;
  return (
    <PageSection id="reading" title="From the Healing Library">
      {articles.length > 0 && (
        <ul className="mt-2 space-y-1" data-testid="linked-articles">
          {articles.map((a) => (
            <li key={a.slug}>
              <Link href={`/library/${a.slug}`} className="inline-flex min-h-10 items-center font-medium text-ember-700 underline">
                {a.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {modalities.length > 0 && (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <span>More discussions on:</span>
          {modalities.map((m) => (
            <Link
              key={m.slug}
              href={`/discussions?modality=${encodeURIComponent(m.slug)}`}
              className="inline-flex min-h-10 items-center rounded bg-stone-100 px-2 text-stone-800 no-underline hover:bg-stone-200"
            >
              {m.name}
            </Link>
          ))}
        </p>
      )}
    </PageSection>
  );
}

export function AgreementSection({
  agreementText,
  anonymousDefault,
  moderationMode,
}: {
  agreementText: string;
  anonymousDefault: boolean;
  moderationMode: 'PRE' | 'POST';
}) {
  return (
    <PageSection id="agreement" title="Room agreement">
      <p className="mt-2 whitespace-pre-wrap text-stone-800">{agreementText}</p>
      <p className="mt-2 text-sm text-stone-600">
        You agree to this when you join the room.{' '}
        {anonymousDefault ? 'Questions are anonymous by default: the room sees no name and facilitators see a pseudonym.' : ''}
        {moderationMode === 'PRE' ? ' Questions appear after a facilitator approves them.' : ''}
      </p>
    </PageSection>
  );
}

type Attendee = { displayName: string; status: 'GOING' | 'WAITLISTED'; position: number | null };

/** Only rendered with a list: the query returns null attendees to everyone but hosts, facilitators and admins. */
export function AttendeesSection({ attendees }: { attendees: Attendee[] }) {
  return (
    <PageSection id="attendees" title="Attendees" testId="attendees">
      <p className="text-sm text-stone-600">Only hosts, facilitators and admins see this list.</p>
      {attendees.length === 0 ? (
        <p className="mt-2 text-stone-700">No RSVPs yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-stone-100">
          {attendees.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rendered once from an ordered list whose entries have no id of their own
            <li key={i} className="flex items-center justify-between gap-3 py-1.5 text-sm">
              <span className="text-stone-900">{a.displayName}</span>
              <span className="text-stone-600">{a.status === 'GOING' ? 'Going' : `Waitlist #${a.position}`}</span>
            </li>
          ))}
        </ol>
      )}
    </PageSection>
  );
}
