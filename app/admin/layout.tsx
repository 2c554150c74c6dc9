import Link from 'next/link';
import type { ReactNode } from 'react';
import { requirePageActor } from '@/server/auth/next-session';
import { canManageUsers } from '@/server/users/policy';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor('/admin/users');
  if (!canManageUsers(actor)) {
    return (
      <div className="max-w-xl">
        <h1 className="text-2xl font-semibold">Admins only</h1>
        <p className="mt-2 text-stone-700">This part of Fireside is for community admins.</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="flex flex-wrap gap-2 border-b border-stone-200 pb-2 text-sm">
        <Link href="/admin/users" className="inline-flex min-h-10 items-center rounded px-3 hover:bg-stone-100">
          People
        </Link>
        <Link href="/admin/audit" className="inline-flex min-h-10 items-center rounded px-3 hover:bg-stone-100">
          Audit log
        </Link>
        <Link href="/admin/moderation" className="inline-flex min-h-10 items-center rounded px-3 hover:bg-stone-100">
          Moderation
        </Link>
        <Link href="/admin/care" className="inline-flex min-h-10 items-center rounded px-3 hover:bg-stone-100">
          Care
        </Link>
      </nav>
      {children}
    </div>
  );
}
