import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { DemoBanner } from '@/components/layout/demo-banner';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ZodJitless } from '@/components/layout/zod-jitless';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { getActor } from '@/server/auth/next-session';
import { demoAccountsExist } from '@/server/db/demo';
import { countUnread } from '@/server/notifications/queries';

export const metadata: Metadata = {
  title: { default: 'Fireside', template: '%s · Fireside' },
  description: 'Live, facilitator-led fireside discussions and the Healing Library around them.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#9a3412' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request (the session cookie), which the per-request CSP nonce on Next's scripts also needs.
  const [actor, demo] = await Promise.all([getActor(), demoAccountsExist()]);
  // The header bell's first number comes from here (UI never queries); live updates arrive over the socket.
  const unread = actor ? await countUnread(actor) : 0;
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-ember-800"
        >
          Skip to content
        </a>
        <ZodJitless />
        {demo && <DemoBanner />}
        <SiteHeader actor={actor ? { displayName: actor.displayName, role: actor.role, unread } : null} />
        <RealtimeProvider signedIn={!!actor}>
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
        </RealtimeProvider>
        <SiteFooter />
      </body>
    </html>
  );
}
