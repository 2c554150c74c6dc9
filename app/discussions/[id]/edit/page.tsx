import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DiscussionForm } from '@/components/discussions/discussion-form';
import { Alert } from '@/components/ui/alert';
import { listTimeZones as timeZones } from '@/lib/time/zoned';
import { requirePageActor } from '@/server/auth/next-session';
import { getDiscussionForEdit, getDiscussionFormOptions } from '@/server/discussions/queries';

export const metadata: Metadata = { title: 'Edit discussion' };

export default async function EditDiscussionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/discussions/${id}/edit`);
  const found = await getDiscussionForEdit(actor, id);
  if (!found) notFound();
  if (found === 'forbidden' || found.status === 'CANCELLED' || found.status === 'ENDED') {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold text-stone-900">Edit discussion</h1>
        <Alert tone="error" testId="forbidden">
          {found === 'forbidden' ? 'Only its hosts and admins can change this discussion.' : 'This discussion can no longer be changed.'}
        </Alert>
      </div>
    );
  }
  const options = await getDiscussionFormOptions();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Edit discussion</h1>
      <DiscussionForm
        mode="edit"
        id={found.id}
        isSeriesOccurrence={!!found.seriesId}
        initial={found.values}
        options={options}
        zones={timeZones(actor.timeZone, found.values.timeZone)}
        viewerZone={actor.timeZone}
      />
    </div>
  );
}
