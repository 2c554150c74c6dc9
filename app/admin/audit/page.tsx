import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditLog } from '@/components/admin/audit-log';
import { listAuditEntries } from '@/server/audit/queries';
import { requirePageActor } from '@/server/auth/next-session';

export const metadata: Metadata = { title: 'Audit log' };

const pageLinkClass = 'inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-3 hover:bg-stone-100';

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
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className={pageLinkClass}>
              Newer
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={pageHref(page + 1)} className={pageLinkClass}>
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
