import type { Metadata } from 'next';
import { AuditFilters, AuditLog } from '@/components/admin/audit-log';
import { Alert } from '@/components/ui/alert';
import { Pager } from '@/components/ui/pager';
import { auditFiltersFromSearch } from '@/lib/audit/log';
import { auditFilterOptions, listAuditEntries } from '@/server/audit/queries';
import { requirePageActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { isAdmin } from '@/server/users/policy';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('/admin/audit');
  // The admin layout already says "Admins only"; nothing of the log is read for anyone else.
  if (!isAdmin(actor)) return null;
  const { page: rawPage, ...filters } = auditFiltersFromSearch(await searchParams);
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(rawPage)) || 1));
  const [result, options] = await Promise.all([
    toResult(() => listAuditEntries(actor, { ...filters, page })),
    auditFilterOptions(actor, { actorId: filters.actorId, discussionId: filters.discussionId }),
  ]);
  const filtered = Object.keys(filters).length > 0;
  const pageHref = (p: number) => `/admin/audit?${new URLSearchParams({ ...filters, page: String(p) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
      <AuditFilters action="/admin/audit" values={filters} options={options} exportHref={`/api/admin/audit.csv?${new URLSearchParams(filters)}`} />
      {!result.ok ? (
        <Alert tone="error" testId="audit-filter-error">
          {result.error.message}
        </Alert>
      ) : (
        <>
          <p className="text-sm text-stone-600" aria-live="polite" data-testid="audit-total">
            {result.data.total} {result.data.total === 1 ? 'entry' : 'entries'}
            {filtered ? ' match these filters' : ''}
          </p>
          {result.data.entries.length === 0 ? (
            <p className="text-stone-700">{page > 1 ? 'No entries on this page.' : filtered ? 'No entries match these filters.' : 'No admin actions yet.'}</p>
          ) : (
            <AuditLog entries={result.data.entries} />
          )}
          <Pager page={page} pages={result.data.pages} href={pageHref} labels={{ previous: 'Newer', next: 'Older' }} />
        </>
      )}
    </div>
  );
}
