// GET one discussion as an .ics file ("Add to calendar").
import { getActor } from '@/server/auth/next-session';
import { discussionIcs } from '@/server/calendar/queries';
import { icsResponse } from '@/server/calendar/respond';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return icsResponse(await discussionIcs(await getActor(), id), { download: true });
}
