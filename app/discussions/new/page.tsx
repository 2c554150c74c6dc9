import type { Metadata } from 'next';
import { DiscussionForm } from '@/components/discussions/discussion-form';
import { Alert } from '@/components/ui/alert';
import { listTimeZones as timeZones } from '@/lib/time/zoned';
import { requirePageActor } from '@/server/auth/next-session';
import { canCreateDiscussion } from '@/server/discussions/policy';
import { getDiscussionFormOptions } from '@/server/discussions/queries';

export const metadata: Metadata = { title: 'Schedule a discussion' };

export default async function NewDiscussionPage() {
  const actor = await requirePageActor('/discussions/new');
  if (!canCreateDiscussion(actor)) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold text-stone-900">Schedule a discussion</h1>
        <Alert tone="error" testId="forbidden">
          Only elders and admins can schedule discussions.
        </Alert>
      </div>
    );
  }
  const options = await getDiscussionFormOptions();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">Schedule a discussion</h1>
      <DiscussionForm
        mode="create"
        initial={{ hostIds: options.hosts.some((h) => h.id === actor.id) ? [actor.id] : [], timeZone: actor.timeZone }}
        options={options}
        zones={timeZones(actor.timeZone)}
        viewerZone={actor.timeZone}
      />
    </div>
  );
}
