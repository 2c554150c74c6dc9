import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditFilters, AuditLog } from '@/components/admin/audit-log';
import { Alert } from '@/components/ui/alert';
import { Pager } from '@/components/ui/pager';
import { auditFiltersFromSearch } from '@/lib/audit/log';
import { listDiscussionAuditEntries } from '@/server/audit/queries';
import { requirePageActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';

export const metadata: Metadata = { title: 'Moderation log' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A discussion's moderation log, for its hosts and admins: every action, who, on which question or person, why, when. */
export default async function DiscussionAuditPage({ params, searchParams }: Props) {
  const { id } = await params;
  const base = `/discussions/${encodeURIComponent(id)}/audit`;
  const actor = await requirePageActor(base);
  // This page is one discussion's log: a discussion filter in the query string does not apply.
  const { page: rawPage, discussionId: _other, ...filters } = auditFiltersFromSearch(await searchParams);
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(rawPage)) || 1));
  let result = await toResult(() => listDiscussionAuditEntries(actor, id, { ...filters, page }));
  if (!result.ok && result.error.code === 'not_found') notFound();
  if (!result.ok && result.error.code === 'forbidden') {
    return (
      <div className="max-w-xl space-y-3" data-testid="audit-forbidden">
        <h1 className="text-2xl font-semibold text-stone-900">Hosts and admins only</h1>
        <p className="text-stone-700">{result.error.message}</p>
        <p>
          <Link href={`/discussions/${encodeURIComponent(id)}`} className="text-ember-700 underline">
            Back to the discussion
          </Link>
        </p>
      </div>
    );
  }
  // A filter that does not parse (a hand-edited date): say so, and show the log without filters below it.
  const filterError = result.ok ? null : result.error.message;
  if (!result.ok) result = await toResult(() => listDiscussionAuditEntries(actor, id, { page: 1 }));
  if (!result.ok) throw new Error(result.error.message);
  const { discussion, log, options } = result.data;
  const filtered = !filterError && Object.keys(filters).length > 0;
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ ...filters, page: String(p) })}`;

  return (
    <div className="space-y-4">
      <p>
        <Link href={`/discussions/${discussion.id}`} className="text-sm text-ember-700 underline">
          ← {discussion.title}
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-stone-900">Moderation log</h1>
        <p className="text-stone-700">
          Every moderation action in this discussion: who did it, to which question or person, why and when. Anonymous askers appear by their pseudonym only.
        </p>
      </div>
      <AuditFilters action={base} values={filterError ? {} : filters} options={options} />
      {filterError && (
        <Alert tone="error" testId="audit-filter-error">
          {filterError}
        </Alert>
      )}
      <p className="text-sm text-stone-600" aria-live="polite" data-testid="audit-total">
        {log.total} {log.total === 1 ? 'entry' : 'entries'}
        {filtered ? ' match these filters' : ''}
      </p>
      {log.entries.length === 0 ? (
        <p className="text-stone-700">{page > 1 ? 'No entries on this page.' : filtered ? 'No entries match these filters.' : 'No moderation actions yet.'}</p>
      ) : (
        <AuditLog entries={log.entries} showDiscussion={false} />
      )}
      <Pager page={log.page} pages={log.pages} href={pageHref} labels={{ previous: 'Newer', next: 'Older' }} />
    </div>
  );
}
