// GET every occurrence of a series as one .ics file (cancelled ones marked STATUS:CANCELLED).
import { getActor } from '@/server/auth/next-session';
import { seriesIcs } from '@/server/calendar/queries';
import { icsResponse } from '@/server/calendar/respond';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return icsResponse(await seriesIcs(await getActor(), id), { download: true });
}
