// GET every occurrence of a series as one .ics file (cancelled ones marked STATUS:CANCELLED).
import { getActor } from '@/server/auth/next-session';
import { icsResponse } from '@/server/calendar/respond';
import { seriesIcs } from '@/server/calendar/queries';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return icsResponse(await seriesIcs(await getActor(), id), { download: true });
}
