import type { Metadata } from 'next';
import { AuditLog } from '@/components/admin/audit-log';
import { Pager } from '@/components/ui/pager';
import { listAuditEntries } from '@/server/audit/queries';
import { requirePageActor } from '@/server/auth/next-session';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor('/admin/audit');
  const page = Math.min(10_000, Math.max(1, Math.floor(Number((await searchParams).page)) || 1));
  const { entries, pages } = await listAuditEntries(actor, { page });
  const pageHref = (p: number) => `/admin/audit?${new URLSearchParams({ page: String(p) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
      {entries.length === 0 ? (
        <p className="text-stone-700">{page === 1 ? 'No admin actions yet.' : 'No entries on this page.'}</p>
      ) : (
        <AuditLog entries={entries} />
      )}
      <Pager page={page} pages={pages} href={pageHref} labels={{ previous: 'Newer', next: 'Older' }} />
    </div>
  );
}
