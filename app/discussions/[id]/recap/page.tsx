import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RecapDocument } from '@/components/recaps/recap-view';
import { getViewerZone } from '@/components/time/viewer-zone';
import { getActor } from '@/server/auth/next-session';
import { openRecapDraft } from '@/server/recaps/commands';
import { getRecap } from '@/server/recaps/queries';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const recap = await getRecap(await getActor(), id);
  return { title: recap ? `Recap: ${recap.discussion.title}` : 'Recap' };
}

// A draft is there for the discussion's hosts and admins (and staff assigned a follow-up); a published recap for
// whoever may see the discussion. Everyone else gets 404, as for a discussion they may not see.
export default async function RecapPage({ params }: Params) {
  const { id } = await params;
  const actor = await getActor();
  // The host of an ended discussion whose draft was not made when it ended: make it now.
  if (actor && id.length <= 64) await openRecapDraft(actor, { discussionId: id });
  const recap = await getRecap(actor, id);
  if (!recap) notFound();
  const viewer = await getViewerZone(actor);
  return <RecapDocument recap={recap} viewerZone={viewer.zone} />;
}
