// GET a discussion's questions as Markdown (its hosts and admins; 401 signed out, 403 anyone else).
import { getActor } from '@/server/auth/next-session';
import { discussionMarkdown } from '@/server/exports/queries';
import { exportResponse } from '@/server/exports/respond';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportResponse(async () => discussionMarkdown(await getActor(), id));
}
