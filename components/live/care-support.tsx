'use client';
// The support message a person sees at once when their question went to the care lane (issue 10 item 1; SAFETY.md:
// answer at once, privately, warmly; say that a person will see it; signpost help; never ask for identifying
// details). Not a rejection: their question stays with them, and the facilitators' private replies appear on it.
import { useEffect, useRef } from 'react';
import { SupportResources } from '@/components/care/support-resources';
import type { CareChoice as Choice } from '@/lib/care/schema';
import type { CareResourceList } from '@/lib/care/views';
import type { QuestionView } from '@/lib/live/views';
import type { RoomCommand } from './use-live-room';

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
        not see it. They will reply to you privately, right here on your question, where you can also tell them whether they may ask the room about it.
      </p>
      <p className="text-sky-950">If things feel too heavy right now, you can talk to someone at any time:</p>
      <SupportResources list={resources} headingLevel={3} compact />
    </section>
  );
}

const CHOICES: { value: Choice; label: string; said: string }[] = [
  {
    value: 'share_safer',
    label: 'Yes, the facilitators may ask a version without the details',
    said: 'You said yes: the facilitators may ask the room a version of your question without the personal details.',
  },
  { value: 'keep_private', label: 'Keep it between us', said: 'You asked to keep it between you and the facilitators. Nothing is shared with the room.' },
];

const choiceBtn =
  'inline-flex min-h-11 items-center justify-center rounded-md border px-3 py-2 text-left text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800';

/**
 * The asker's own answer on their care question (only they see it): may the facilitators ask the room a version
 * without the personal details, or does it stay between them. Nothing is shared without this "yes" (the server
 * refuses it); they may change their answer until the facilitators have acted.
 */
export function CareChoice({ q, run, busy }: { q: QuestionView; run: RoomCommand; busy: boolean }) {
  const chosen = CHOICES.find((c) => c.value === q.careChoice);
  return (
    <fieldset data-testid="care-choice" className="space-y-2 rounded-md border border-sky-300 bg-white p-3 text-sm text-sky-950">
      <legend className="px-1 font-semibold">May the facilitators ask the room about this?</legend>
      <p>
        If you like, they can ask the room a version of your question without the personal details
        {q.anonymous ? ', anonymously as you asked it' : ', under your name as you asked it'}. It is entirely your choice, and you can change it until they have
        asked it.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {CHOICES.map((c) => {
          const on = q.careChoice === c.value;
          return (
            <button
              key={c.value}
              type="button"
              aria-pressed={on}
              disabled={busy}
              onClick={() => void run('care:choose', { questionId: q.id, choice: c.value })}
              className={`${choiceBtn} ${on ? 'border-sky-800 bg-sky-800 text-white' : 'border-sky-300 bg-white text-sky-950 hover:bg-sky-50'}`}
            >
              {c.label}
            </button>
          );
        })}
      </div>
      <p role="status" data-testid="care-choice-status" className="text-sky-900">
        {chosen ? chosen.said : 'You have not answered yet; until you do, nothing is shared.'}
      </p>
    </fieldset>
  );
}
