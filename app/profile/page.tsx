import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/account/account-security';
import { ProfileForm } from '@/components/account/profile-form';
import { RoleBadge } from '@/components/account/role-badge';
import { WarnedContentSetting } from '@/components/account/warned-content-setting';
import { CalendarFeed } from '@/components/discussions/calendar-feed';
import { Alert } from '@/components/ui/alert';
import { requirePageActor } from '@/server/auth/next-session';
import { hasCalendarFeed } from '@/server/calendar/queries';
import { showsWarnedContent } from '@/server/users/queries';

export const metadata: Metadata = { title: 'Your profile' };

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor('/profile');
  const { welcome } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Your profile</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-stone-700">
          <span>{actor.email}</span>
          <span className="sr-only">Role:</span>
          <span data-testid="profile-role">
            <RoleBadge role={actor.role} />
          </span>
        </p>
      </div>
      {welcome && <Alert tone="success">Welcome to Fireside! Check your display name and time zone below.</Alert>}
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <ProfileForm displayName={actor.displayName} timeZone={actor.timeZone} zones={timeZones(actor.timeZone)} />
      </div>
      <section id="reading" aria-labelledby="reading-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="reading-heading" className="text-lg font-semibold text-stone-900">
          Reading
        </h2>
        <WarnedContentSetting initiallyOn={await showsWarnedContent(actor)} />
      </section>
      <section id="account-security" aria-labelledby="account-security-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="account-security-heading" className="text-lg font-semibold text-stone-900">
          Password and sessions
        </h2>
        <AccountSecurity />
      </section>
      <section id="calendar-feed" aria-labelledby="calendar-feed-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="calendar-feed-heading" className="text-lg font-semibold text-stone-900">
          Calendar feed
        </h2>
        <CalendarFeed initiallyOn={await hasCalendarFeed(actor)} />
      </section>
    </div>
  );
}
