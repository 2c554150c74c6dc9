// GET a member's personal calendar feed by its secret token (no cookie: calendar apps fetch it).

import { feedIcs } from '@/server/calendar/queries';
import { icsResponse } from '@/server/calendar/respond';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return icsResponse(await feedIcs(token.replace(/\.ics$/, '')), { download: false });
}
