import Link from 'next/link';
import { RoleBadge } from '@/components/account/role-badge';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { SearchForm } from '@/components/search/search-form';
import type { RoleName } from '@/lib/users/roles';
import { FlameLogo } from './flame-logo';

type Props = { actor: { displayName: string; role: RoleName; unread: number } | null };

// 40 px tall: comfortable tap targets on a phone.
const linkClass = 'inline-flex min-h-10 items-center rounded px-2 text-stone-700 hover:bg-stone-100 hover:text-stone-950 sm:px-3';

export function SiteHeader({ actor }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white">
      {/* Phone: logo and account on the first row, the main navigation on its own row below. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 px-4 py-2 sm:gap-x-4 sm:px-6">
        <Link href="/" className="inline-flex min-h-10 shrink-0 items-center gap-2 text-lg font-semibold text-ember-800 no-underline sm:mr-2">
          <FlameLogo /> Fireside
        </Link>
        <nav aria-label="Main" className="order-last -ml-2 flex w-full flex-wrap items-center gap-1 text-sm sm:order-none sm:ml-0 sm:w-auto">
          <Link href="/library" className={linkClass}>
            Library
          </Link>
          <Link href="/discussions" className={linkClass}>
            Discussions
          </Link>
          {actor?.role === 'ADMIN' && (
            <Link href="/admin/users" className={linkClass}>
              Admin
            </Link>
          )}
        </nav>
        <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-1 text-sm sm:flex-none">
          {actor ? (
            <>
              <NotificationBell initialUnread={actor.unread} />
              <Link href="/profile" className={`${linkClass} min-w-0 gap-2`} data-testid="nav-profile">
                <span className="truncate sm:max-w-64">{actor.displayName}</span>
                {/* The role is on the profile page; on a phone the name gets the room. */}
                <span className="hidden sm:inline-flex">
                  <RoleBadge role={actor.role} />
                </span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>
                Sign in
              </Link>
              <Link
                href="/signup"
                className="inline-flex min-h-10 items-center rounded bg-ember-700 px-3 font-medium text-white no-underline hover:bg-ember-800"
              >
                Join
              </Link>
            </>
          )}
        </div>
        {/* Last in the tab order, after the account links; on a phone its own row under the navigation. */}
        <SearchForm variant="header" className="order-last mb-2 w-full sm:order-none sm:mb-0 sm:w-auto" />
      </div>
    </header>
  );
}
