import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/server/auth/next-session';
import { getCareResources, getCareTermList, getReportHideThreshold } from '@/server/community/queries';
import { isAdmin } from '@/server/users/policy';
import { CareResources, CareWordList, ReportThreshold } from './care-forms';

export const metadata: Metadata = { title: 'Care settings' };

export default async function AdminCarePage() {
  const actor = await requirePageActor('/admin/care');
  // The admin layout already says "Admins only"; nothing of the settings is read for anyone else.
  if (!isAdmin(actor)) return null;
  const [terms, resources, threshold] = await Promise.all([getCareTermList(), getCareResources(), getReportHideThreshold()]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-stone-900">Care settings</h1>
        <p className="text-stone-700">
          How Fireside looks after people in distress: which words send a question to the private care lane, where people find help, and when reported questions
          are hidden.
        </p>
      </div>

      <section aria-labelledby="care-terms-heading" className="space-y-3">
        <h2 id="care-terms-heading" className="text-lg font-semibold text-stone-900">
          Care word list
        </h2>
        <p className="text-sm text-stone-700">
          A question containing one of these phrases never reaches the room: the asker at once sees a warm message with the crisis resources below, and
          facilitators answer privately. Matching is tolerant of case, spacing and common misspellings.
        </p>
        <CareWordList terms={terms.terms} isDefault={terms.isDefault} />
      </section>

      <section aria-labelledby="care-resources-heading" className="space-y-3">
        <h2 id="care-resources-heading" className="text-lg font-semibold text-stone-900">
          Crisis resources
        </h2>
        <p className="text-sm text-stone-700">
          Shown to a person in the care lane and on the{' '}
          <Link href="/support" className="text-ember-700 underline">
            support page
          </Link>{' '}
          every footer links to, in this order.
        </p>
        <CareResources list={resources} />
      </section>

      <section aria-labelledby="report-threshold-heading" className="space-y-3">
        <h2 id="report-threshold-heading" className="text-lg font-semibold text-stone-900">
          Member reports
        </h2>
        <ReportThreshold count={threshold} />
      </section>
    </div>
  );
}
