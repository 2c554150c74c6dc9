import type { Metadata } from 'next';
import { UserAdminRow } from '@/components/admin/user-admin-row';
import { inputClass } from '@/components/ui/field';
import { Pager } from '@/components/ui/pager';
import { requirePageActor } from '@/server/auth/next-session';
import { searchUsers } from '@/server/users/queries';

export const metadata: Metadata = { title: 'People' };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor('/admin/users');
  const params = await searchParams;
  const q = (params.q ?? '').slice(0, 100);
  const page = Math.max(1, Number(params.page) || 1);
  const { users, total, pages } = await searchUsers(actor, { q, page });
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ q, page: String(p) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">People</h1>
      <search>
        <form action="/admin/users" className="flex flex-wrap gap-2">
          <label htmlFor="user-search" className="sr-only">
            Search by name or email
          </label>
          <input id="user-search" name="q" defaultValue={q} placeholder="Search by name or email" className={`${inputClass} min-w-0 flex-1 sm:max-w-sm`} />
          <button type="submit" className="min-h-10 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100">
            Search
          </button>
        </form>
      </search>
      <p className="text-sm text-stone-600" aria-live="polite">
        {total} {total === 1 ? 'person' : 'people'}
        {q ? ` matching “${q}”` : ''}
      </p>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {users.map((u) => (
          <UserAdminRow
            key={u.id}
            user={{ id: u.id, email: u.email, displayName: u.displayName, role: u.role, banned: !!u.bannedAt, banReason: u.banReason }}
            isSelf={u.id === actor.id}
          />
        ))}
      </ul>
      <Pager page={page} pages={pages} href={pageHref} />
    </div>
  );
}
