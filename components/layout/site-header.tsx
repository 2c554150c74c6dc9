import Link from 'next/link';
import type { RoleName } from '@/lib/users/schema';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { RoleBadge } from '@/components/account/role-badge';

type Props = { actor: { displayName: string; role: RoleName } | null };

const linkClass = 'rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-950';

export function SiteHeader({ actor }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="mr-2 flex items-center gap-2 text-lg font-semibold text-ember-800 no-underline">
          <span aria-hidden="true">🔥</span> Fireside
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link href="/library" className={linkClass}>Library</Link>
          <Link href="/discussions" className={linkClass}>Discussions</Link>
          {actor?.role === 'ADMIN' && <Link href="/admin/users" className={linkClass}>Admin</Link>}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
          {actor ? (
            <>
              <Link href="/profile" className={`${linkClass} flex items-center gap-2`} data-testid="nav-profile">
                <span>{actor.displayName}</span>
                <RoleBadge role={actor.role} />
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>Sign in</Link>
              <Link href="/signup" className="rounded bg-ember-700 px-3 py-1.5 font-medium text-white no-underline hover:bg-ember-800">
                Join
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
