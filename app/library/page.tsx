import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDay } from '@/components/library/format';
import { MedicalNotice } from '@/components/library/medical-notice';
import { getViewerZone } from '@/components/time/viewer-zone';
import { getActor } from '@/server/auth/next-session';
import { canEditArticles } from '@/server/library/policy';
import { listModalitiesWithArticles } from '@/server/library/queries';

export const metadata: Metadata = { title: 'Healing Library' };

export default async function LibraryPage() {
  const actor = await getActor();
  const [groups, { zone }] = await Promise.all([listModalitiesWithArticles(), getViewerZone(actor)]);
  const withArticles = groups.filter((g) => g.articles.length > 0);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl space-y-2">
          <h1 className="text-2xl font-semibold text-stone-900">Healing Library</h1>
          <p className="text-stone-700">
            Balanced articles on each modality the community discusses: what it is, what research has found, benefits, risks, contraindications and legal
            status, with references to the published studies.
          </p>
        </div>
        {canEditArticles(actor) && (
          <Link
            href="/library/new"
            className="inline-flex min-h-10 items-center rounded-md bg-ember-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-ember-800"
          >
            Write an article
          </Link>
        )}
      </div>
      <MedicalNotice />
      {withArticles.length === 0 ? (
        <p className="text-stone-700">No articles yet. Our elders are writing the first ones; check back soon.</p>
      ) : (
        <>
          <nav aria-label="Modalities" className="text-sm">
            <ul className="flex flex-wrap gap-2">
              {withArticles.map((g) => (
                <li key={g.id}>
                  <a
                    href={`#${g.slug}`}
                    className="inline-flex min-h-10 items-center rounded-full border border-stone-300 bg-white px-3 py-1 text-stone-800 no-underline hover:border-ember-600 hover:text-ember-800"
                  >
                    {g.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {withArticles.map((g) => (
            <section key={g.id} id={g.slug} aria-labelledby={`${g.slug}-heading`} className="scroll-mt-4 space-y-3" data-testid="modality-group">
              <div>
                <h2 id={`${g.slug}-heading`} className="text-xl font-semibold text-stone-900">
                  {g.name}
                </h2>
                <p className="text-sm text-stone-600">{g.summary}</p>
              </div>
              <ul className="grid gap-3 sm:grid-cols-2">
                {g.articles.map((a) => (
                  <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4 focus-within:border-ember-600">
                    <h3 className="font-semibold leading-snug">
                      <Link href={`/library/${a.slug}`} className="text-ember-800 underline-offset-2 hover:underline">
                        {a.title}
                      </Link>
                    </h3>
                    <p className="mt-2 line-clamp-4 text-sm text-stone-700">{a.summary}</p>
                    {a.lastReviewedAt && <p className="mt-2 text-xs text-stone-600">Last reviewed {formatDay(a.lastReviewedAt, zone)}</p>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
