// The discussion page's link to its recap: the published recap for whoever may see the discussion, the draft for
// its hosts and admins once it ended. Renders nothing otherwise.
import Link from 'next/link';
import type { Actor } from '@/server/auth/actor';
import { getRecapLink } from '@/server/recaps/queries';

export async function RecapLink({ actor, discussionId }: { actor: Actor | null; discussionId: string }) {
  const link = await getRecapLink(actor, discussionId);
  if (!link) return null;
  const published = link.status === 'PUBLISHED';
  return (
    <section aria-labelledby="recap-link-heading" className="rounded-lg border border-ember-200 bg-ember-50 p-4 sm:p-5" data-testid="recap-link">
      <h2 id="recap-link-heading" className="text-lg font-semibold text-stone-900">
        {published ? 'Recap' : 'Your recap draft'}
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {published ? 'What was asked and answered, and what is being followed up.' : 'Review it, remove what should not be kept, and publish it.'}
      </p>
      <Link
        href={`/discussions/${discussionId}/recap`}
        className="mt-3 inline-flex min-h-11 items-center rounded-md bg-ember-700 px-4 text-sm font-medium text-white no-underline hover:bg-ember-800"
      >
        {published ? 'Read the recap' : 'Open the draft'}
      </Link>
    </section>
  );
}
