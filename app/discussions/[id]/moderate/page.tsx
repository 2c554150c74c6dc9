import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ModerationConsole } from '@/components/moderation/moderation-console';
import { ModeratorsOnly } from '@/components/moderation/moderators-only';
import { AppError } from '@/lib/result';
import { canReadDiscussionAudit } from '@/server/audit/policy';
import { requirePageActor } from '@/server/auth/next-session';
import { loadRoom } from '@/server/live/context';

export const metadata: Metadata = { title: 'Facilitator console' };

/** The room as this person may act in it, or null when the discussion does not exist. */
async function roomFor(actor: Awaited<ReturnType<typeof requirePageActor>>, id: string) {
  if (id.length > 64) return null;
  try {
    return await loadRoom(actor, id);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
}

export default async function ModeratePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/discussions/${id}/moderate`);
  const room = await roomFor(actor, id);
  if (!room) notFound();
  // Hosts, facilitators and admins; everyone else is told so (every moderation command refuses them too).
  if (!room.isMod) return <ModeratorsOnly discussionId={room.discussion.id} />;
  return (
    <ModerationConsole
      discussionId={room.discussion.id}
      title={room.discussion.title}
      moderationMode={room.discussion.moderationMode}
      me={{ id: actor.id, name: actor.displayName }}
      serverTimeAtRender={Date.now()}
      canReadLog={canReadDiscussionAudit(actor, room.staff)}
    />
  );
}
