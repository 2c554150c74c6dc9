import type { Metadata } from 'next';
import { isDefaultTemplateId } from '@/lib/community/schema';
import { requirePageActor } from '@/server/auth/next-session';
import { getBlockedTerms, getNewMemberHolds, listReasonTemplates } from '@/server/community/queries';
import { isAdmin } from '@/server/users/policy';
import { NewMemberTier, ReasonTemplates, WordList } from './settings-forms';

export const metadata: Metadata = { title: 'Moderation settings' };

export default async function AdminModerationPage() {
  const actor = await requirePageActor('/admin/moderation');
  // The admin layout already says "Admins only"; nothing of the settings is read for anyone else.
  if (!isAdmin(actor)) return null;
  const [terms, templates, holds] = await Promise.all([getBlockedTerms(), listReasonTemplates(), getNewMemberHolds()]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-stone-900">Moderation settings</h1>
        <p className="text-stone-700">What the community’s moderation queue holds for review, and the kind reasons facilitators pick from.</p>
      </div>

      <section aria-labelledby="word-list-heading" className="space-y-3">
        <h2 id="word-list-heading" className="text-lg font-semibold text-stone-900">
          Word list
        </h2>
        <p className="text-sm text-stone-700">
          A question containing one of these words or phrases waits for a facilitator’s review, like one that trips the built-in English list. It is never
          dropped.
        </p>
        <WordList terms={terms} />
      </section>

      <section aria-labelledby="templates-heading" className="space-y-3">
        <h2 id="templates-heading" className="text-lg font-semibold text-stone-900">
          Reasons for not approving a question
        </h2>
        <p className="text-sm text-stone-700">Facilitators pick one when they reject a question, and may add their own words. Only the asker sees it.</p>
        <ReasonTemplates templates={templates} defaults={templates.every((t) => isDefaultTemplateId(t.id))} />
      </section>

      <section aria-labelledby="new-members-heading" className="space-y-3">
        <h2 id="new-members-heading" className="text-lg font-semibold text-stone-900">
          New members
        </h2>
        <NewMemberTier count={holds} />
      </section>
    </div>
  );
}
