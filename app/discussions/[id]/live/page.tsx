import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRoom } from '@/components/live/live-room';
import { ShowWarnedContentProvider } from '@/components/live/warned-content';
import { requirePageActor } from '@/server/auth/next-session';
import { getCareResources } from '@/server/community/queries';
import { getRoomIntro } from '@/server/live/queries';
import { showsWarnedContent } from '@/server/users/queries';

export const metadata: Metadata = { title: 'Live room' };

export default async function LiveRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/discussions/${id}/live`);
  const intro = id.length <= 64 ? await getRoomIntro(id) : null;
  if (!intro) notFound();
  return (
    <ShowWarnedContentProvider value={await showsWarnedContent(actor)}>
      <LiveRoom
        discussionId={intro.id}
        title={intro.title}
        agreementText={intro.agreementText}
        startsAt={intro.startsAt.toISOString()}
        anonymousDefault={intro.anonymousDefault}
        serverTimeAtRender={Date.now()}
        careResources={await getCareResources()}
      />
    </ShowWarnedContentProvider>
  );
}
