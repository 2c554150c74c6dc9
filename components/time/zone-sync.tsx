'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
// Tells the server a visitor's browser time zone (a cookie), then re-renders the page in it. Signed-in
// people use their profile's zone instead. Also says, in words, which zone the times on the page are in.
import { useEffect } from 'react';
import { zoneLabel } from '@/lib/time/zoned';

const COOKIE = 'fireside-tz';

export function ZoneSync({ zone, source }: { zone: string; source: 'profile' | 'browser' | 'default' }) {
  const router = useRouter();
  useEffect(() => {
    if (source === 'profile') return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === zone) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Safari before 18.4 and from Firefox
    document.cookie = `${COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [zone, source, router]);

  return (
    <p className="text-sm text-stone-600" data-testid="viewer-zone" data-zone={zone}>
      Times are shown in <strong className="font-medium text-stone-800">{zoneLabel(zone)}</strong>
      {source === 'profile' ? (
        <>
          {' '}
          (your profile&rsquo;s time zone,{' '}
          <Link href="/profile" className="text-ember-700 underline">
            change it
          </Link>
          ).
        </>
      ) : source === 'browser' ? (
        ' (your device’s time zone).'
      ) : (
        '.'
      )}
    </p>
  );
}
