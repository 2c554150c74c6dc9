import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDay } from '@/components/library/format';
import { MedicalNotice } from '@/components/library/medical-notice';
import { getViewerZone } from '@/components/time/viewer-zone';
import { ZonedTime } from '@/components/time/zoned-time';
import { Markdown } from '@/components/ui/markdown';
import { doiUrl } from '@/lib/library/schema';
import { getActor } from '@/server/auth/next-session';
import { canEditArticles } from '@/server/library/policy';
import { getArticleBySlug } from '@/server/library/queries';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const article = await getArticleBySlug(null, (await params).slug);
  return { title: article?.title ?? 'Article not found' };
}

const SECTIONS = [
  ['benefits', 'Possible benefits'],
  ['risks', 'Risks'],
  ['contraindications', 'Who should not, or should take special care'],
  ['legalStatus', 'Legal status'],
] as const;

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params;
  const actor = await getActor();
  const article = await getArticleBySlug(actor, slug);
  if (!article) notFound();
  const { zone } = await getViewerZone(actor);

  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="article-title">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/library" className="inline-flex min-h-10 items-center underline">
              Healing Library
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/library#${article.modality.slug}`} className="inline-flex min-h-10 items-center underline">
              {article.modality.name}
            </Link>
          </li>
        </ol>
      </nav>

      <header className="mt-2 space-y-3 border-b border-stone-200 pb-6">
        <h1 id="article-title" className="text-3xl font-semibold leading-tight text-stone-900 sm:text-4xl">
          {article.title}
        </h1>
        <p className="text-lg leading-8 text-stone-700" data-testid="article-summary">
          {article.summary}
        </p>
        <p className="text-sm text-stone-600" data-testid="article-reviewed">
          {article.lastReviewedAt ? (
            <>
              Last reviewed on <time dateTime={article.lastReviewedAt.toISOString()}>{formatDay(article.lastReviewedAt, zone)}</time>
              {article.reviewedByName ? <> by {article.reviewedByName}</> : null}
            </>
          ) : (
            <>Not reviewed yet</>
          )}
          {article.authorName && article.authorName !== article.reviewedByName ? <> · Written by {article.authorName}</> : null}
        </p>
        {canEditArticles(actor) && (
          <Link
            href={`/library/${article.slug}/edit`}
            className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100"
          >
            Edit article
          </Link>
        )}
      </header>

      <MedicalNotice className="my-6" />

      <div className="text-[1.0625rem]" data-testid="article-body">
        <Markdown headingBase={2}>{article.body}</Markdown>
      </div>

      {SECTIONS.map(([key, heading]) => (
        <section key={key} aria-labelledby={`section-${key}`} className="mt-10" data-testid={`section-${key}`}>
          <h2 id={`section-${key}`} className="border-b border-stone-200 pb-1 text-xl font-semibold text-stone-900">
            {heading}
          </h2>
          <Markdown headingBase={3}>{article[key]}</Markdown>
        </section>
      ))}

      <section aria-labelledby="upcoming-heading" className="mt-10 rounded-lg border border-stone-200 bg-white p-5" data-testid="upcoming-discussions">
        <h2 id="upcoming-heading" className="text-xl font-semibold text-stone-900">
          Upcoming discussions on {article.modality.name}
        </h2>
        {article.upcomingDiscussions.length === 0 ? (
          <p className="mt-2 text-stone-700">
            None scheduled right now.{' '}
            <Link href="/discussions" className="text-ember-700 underline">
              See all discussions
            </Link>
            .
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {article.upcomingDiscussions.map((d) => (
              <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
                <Link href={`/discussions/${d.id}`} className="font-medium text-ember-800 underline">
                  {d.title}
                </Link>
                <span className="text-sm text-stone-700">
                  {d.status === 'LIVE' ? <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">Live now</span> : null}
                  {d.visibility === 'MEMBERS' ? (
                    <span className="mr-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium text-stone-800">Members only</span>
                  ) : null}
                  <ZonedTime at={d.startsAt} zone={zone} hostZone={d.timeZone} variant="short" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="references-heading" className="mt-10" data-testid="references">
        <h2 id="references-heading" className="border-b border-stone-200 pb-1 text-xl font-semibold text-stone-900">
          References
        </h2>
        {article.references.length === 0 ? (
          <p className="mt-3 text-stone-700">No references listed.</p>
        ) : (
          <ol className="mt-3 list-decimal space-y-3 pl-6 text-sm leading-6 text-stone-800">
            {article.references.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rendered once from an ordered list whose entries have no id of their own
              <li key={i}>
                <span>{r.text}</span>
                {r.doi && (
                  <>
                    {' '}
                    <a href={doiUrl(r.doi)} rel="noopener noreferrer nofollow" className="text-ember-700 underline [overflow-wrap:anywhere]">
                      doi:{r.doi}
                    </a>
                  </>
                )}
                {r.url && (
                  <>
                    {' '}
                    <a href={r.url} rel="noopener noreferrer nofollow" className="text-ember-700 underline [overflow-wrap:anywhere]">
                      {r.url}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
