import type { Metadata } from 'next';
import Link from 'next/link';
import { Highlighted } from '@/components/search/highlighted';
import { SearchForm } from '@/components/search/search-form';
import { getViewerZone } from '@/components/time/viewer-zone';
import { ZonedTime } from '@/components/time/zoned-time';
import { getActor } from '@/server/auth/next-session';
import { search } from '@/server/search/queries';

export const metadata: Metadata = { title: 'Search' };

const STATUS_LABEL = { SCHEDULED: 'Upcoming', LIVE: 'Live now', ENDED: 'Past' } as const;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  const q = (raw ?? '').slice(0, 1000);
  const actor = await getActor();
  const [{ hits }, { zone }] = await Promise.all([search(actor, { q }), getViewerZone(actor)]);
  const asked = q.trim() !== '';

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Search</h1>
      <SearchForm defaultValue={q} />
      <p className="text-sm text-stone-600" aria-live="polite" data-testid="search-summary">
        {!asked
          ? 'Search library articles and discussions by any word. Use "double quotes" for an exact phrase.'
          : hits.length === 0
            ? `Nothing found for “${q.trim()}”. Try fewer or different words.`
            : `${hits.length} ${hits.length === 1 ? 'result' : 'results'} for “${q.trim()}”.`}
        {asked && !actor ? ' Sign in to also find members-only discussions.' : ''}
      </p>
      {hits.length > 0 && (
        <ol className="space-y-3" data-testid="search-results">
          {hits.map((h) => (
            <li key={`${h.kind}-${h.id}`} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="search-result" data-kind={h.kind}>
              <p className="text-xs font-medium uppercase tracking-wide text-stone-600">
                {h.kind === 'article' ? (
                  <>Library · {h.modalityName}</>
                ) : (
                  <>
                    Discussion · {STATUS_LABEL[h.status]}
                    {h.visibility === 'MEMBERS' ? ' · Members only' : ''} ·{' '}
                    <ZonedTime at={h.startsAt} zone={zone} hostZone={h.timeZone} variant="short" className="normal-case" />
                  </>
                )}
              </p>
              <h2 className="mt-1 text-lg font-semibold leading-snug">
                <Link href={h.href} className="text-ember-800 underline-offset-2 hover:underline">
                  <Highlighted segments={h.title} />
                </Link>
              </h2>
              {h.snippet.length > 0 && (
                <p className="mt-1 text-sm leading-6 text-stone-700" data-testid="search-snippet">
                  <Highlighted segments={h.snippet} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
