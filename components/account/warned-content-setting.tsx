'use client';
// The profile's reading preference "Always show content behind warnings": saved as soon as it is ticked or
// unticked; the live room then shows content-warned questions unblurred (issue 10 item 3).
import { useState } from 'react';
import { setShowWarnedContentAction } from '@/app/profile/actions';
import { useHydrated } from '@/components/ui/use-hydrated';
import { settleAction } from '@/lib/http/settle-action';

export function WarnedContentSetting({ initiallyOn }: { initiallyOn: boolean }) {
  const hydrated = useHydrated();
  const [on, setOn] = useState(initiallyOn);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function change(next: boolean) {
    setOn(next);
    setPending(true);
    setStatus(null);
    const res = await settleAction(() => setShowWarnedContentAction({ showWarnedContent: next }));
    setPending(false);
    if (res.ok) {
      setOn(res.data.showWarnedContent);
      setStatus({
        tone: 'success',
        text: res.data.showWarnedContent ? 'Saved: warned questions show at once.' : 'Saved: warned questions stay hidden until you choose Show.',
      });
    } else {
      setOn(!next);
      setStatus({ tone: 'error', text: res.error.message });
    }
  }

  return (
    <div className="space-y-2">
      <label className="flex min-h-11 cursor-pointer items-start gap-3 text-stone-900">
        <input
          type="checkbox"
          checked={on}
          disabled={!hydrated || pending}
          onChange={(e) => void change(e.target.checked)}
          aria-describedby="warned-content-hint"
          className="mt-0.5 h-5 w-5 shrink-0 accent-ember-700"
          data-testid="show-warned-content"
        />
        <span className="font-medium">Always show content behind warnings</span>
      </label>
      <p id="warned-content-hint" className="text-sm text-stone-600">
        Questions can carry a content warning (for example trauma or grief). Usually their text stays hidden until you choose “Show”. Tick this to see it at
        once; the warning is still shown above the text.
      </p>
      <p
        aria-live="polite"
        data-testid="warned-content-status"
        className={`text-sm ${status?.tone === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}
      >
        {status?.text}
      </p>
    </div>
  );
}
