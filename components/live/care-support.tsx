'use client';
// The support message a person sees at once when their question went to the care lane (issue 10 item 1; SAFETY.md:
// answer at once, privately, warmly; say that a person will see it; signpost help; never ask for identifying
// details). Not a rejection: their question stays with them, and the facilitators' private replies appear on it.
import { useEffect, useRef } from 'react';
import { SupportResources } from '@/components/care/support-resources';
import type { CareResourceList } from '@/lib/care/views';

export function CareSupport({ resources }: { resources: CareResourceList }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // It appears right after sending: bring it to the person's attention (and screen reader) once.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="care-support-title" data-testid="care-support" className="space-y-3 rounded-lg border-2 border-sky-700 bg-sky-50 p-4 sm:p-5">
      <h2 id="care-support-title" ref={heading} tabIndex={-1} className="text-xl font-semibold text-sky-950 outline-none">
        You&rsquo;re not alone
      </h2>
      <p className="text-sky-950">
        Thank you for sharing this with us. What you wrote matters, and a facilitator will read it. Your question is with the facilitators only: the room does
        not see it. They will reply to you privately, right here on your question.
      </p>
      <p className="text-sky-950">If things feel too heavy right now, you can talk to someone at any time:</p>
      <SupportResources list={resources} headingLevel={3} compact />
    </section>
  );
}
