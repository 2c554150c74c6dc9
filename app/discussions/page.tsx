import type { Metadata } from 'next';
import Link from 'next/link';
import { DiscussionList } from '@/components/discussions/discussion-list';
import { DiscussionFilters, DiscussionsNav } from '@/components/discussions/discussions-nav';
import { getViewerZone } from '@/components/time/viewer-zone';
import { ZoneSync } from '@/components/time/zone-sync';
import { listDiscussionsSchema } from '@/lib/discussions/schema';
import { getActor } from '@/server/auth/next-session';
import { canCreateDiscussion } from '@/server/discussions/policy';
import { getDiscussionFilters, listDiscussions } from '@/server/discussions/queries';

export const metadata: Metadata = { title: 'Discussions' };

export default async function DiscussionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const params = listDiscussionsSchema.parse({ when: one(raw.when), modality: one(raw.modality), host: one(raw.host) });
  const actor = await getActor();
  const [viewer, items, options] = await Promise.all([getViewerZone(actor), listDiscussions(actor, params), getDiscussionFilters()]);
  const filters = { modality: params.modality, host: params.host };
  const filtered = !!(filters.modality || filters.host);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold text-stone-900">Discussions</h1>
          <ZoneSync zone={viewer.zone} source={viewer.source} />
        </div>
        {canCreateDiscussion(actor) && (
          <Link
            href="/discussions/new"
            className="inline-flex min-h-10 items-center rounded-md bg-ember-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-ember-800"
          >
            Schedule a discussion
          </Link>
        )}
      </div>
      <DiscussionsNav view={params.when} filters={filters} />
      <DiscussionFilters action="/discussions" filters={filters} options={options} keep={{ when: params.when === 'past' ? 'past' : undefined }} />
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="sr-only">
          {params.when === 'past' ? 'Past discussions' : 'Upcoming discussions'}
        </h2>
        <DiscussionList
          headingLevel={3}
          items={items}
          zone={viewer.zone}
          empty={
            filtered
              ? 'No discussions match these filters.'
              : params.when === 'past'
                ? 'No past discussions yet.'
                : 'No discussions are scheduled yet. Elders will post upcoming fireside discussions here.'
          }
        />
      </section>
    </div>
  );
}
