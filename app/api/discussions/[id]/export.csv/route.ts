// GET a discussion's questions as CSV (its hosts and admins; 401 signed out, 403 anyone else).
import { getActor } from '@/server/auth/next-session';
import { discussionCsv } from '@/server/exports/queries';
import { exportResponse } from '@/server/exports/respond';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportResponse(async () => discussionCsv(await getActor(), id));
}
