// Which zone to show times in: the signed-in person's profile zone; for visitors, the browser's zone as
// reported by <ZoneSync> in a cookie; UTC until then. Server-only (reads the request's cookies).
import { cookies } from 'next/headers';
import { isValidTimeZone } from '@/lib/time/zoned';

const ZONE_COOKIE = 'fireside-tz';

export type ViewerZone = { zone: string; source: 'profile' | 'browser' | 'default' };

export async function getViewerZone(actor: { timeZone: string } | null): Promise<ViewerZone> {
  if (actor) return { zone: actor.timeZone, source: 'profile' };
  const fromCookie = (await cookies()).get(ZONE_COOKIE)?.value;
  if (fromCookie && fromCookie.length <= 64 && isValidTimeZone(fromCookie)) return { zone: fromCookie, source: 'browser' };
  return { zone: 'UTC', source: 'default' };
}
