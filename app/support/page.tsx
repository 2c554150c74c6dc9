import type { Metadata } from 'next';
import { SupportResources } from '@/components/care/support-resources';
import { getCareResources } from '@/server/community/queries';

export const metadata: Metadata = { title: 'Need support now?' };

// Public, no sign-in: the footer of every page links here. The resources are the community's (admins edit them
// at /admin/care), or the shipped defaults until then.
export default async function SupportPage() {
  const list = await getCareResources();
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="support-page">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold text-stone-900">Need support now?</h1>
        <p className="text-stone-700">
          If things feel heavy right now, you are not alone, and reaching out is a strong thing to do. The people below are there to listen, free and in
          confidence. You do not have to explain everything or have the right words.
        </p>
        <p className="text-stone-700">
          Fireside’s hosts and facilitators are peers, not a crisis service. A question in a discussion about being in crisis is kept out of the room and
          answered privately by a facilitator. Nobody here will ask for your name or where you are.
        </p>
      </div>
      <SupportResources list={list} />
    </div>
  );
}
