'use client';
// Content warnings as readers meet them (issue 10 item 3). The audience sees a warned question's text blurred behind
// "Content warning: <tag> — Show" until they choose to reveal it; until then the text is also hidden from screen
// readers and from keyboard and pointer (aria-hidden + inert), not only blurred. People who chose "Always show
// content behind warnings" on their profile see it at once (the page provides the setting). Staff set or clear a
// question's warning from the console with ContentWarningControl.
import { createContext, type FormEvent, type ReactNode, useContext, useId, useState } from 'react';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { emitCommand } from '@/components/realtime/typed-socket';
import type { QuestionView } from '@/lib/live/views';
import { CONTENT_WARNINGS } from '@/lib/questions/limits';

const AlwaysShow = createContext(false);

/** The reader's profile setting "Always show content behind warnings", for every WarnedContent below it. */
export function ShowWarnedContentProvider({ value, children }: { value: boolean; children: ReactNode }) {
  return <AlwaysShow.Provider value={value}>{children}</AlwaysShow.Provider>;
}

type Props = {
  warning: string | null;
  /** Shown at once regardless (staff, the author's own question). */
  open?: boolean;
  children: ReactNode;
};

export function WarnedContent({ warning, open = false, children }: Props) {
  const always = useContext(AlwaysShow);
  const [revealed, setRevealed] = useState(false);
  const id = useId();
  if (!warning || open || always) return children;
  return (
    <div data-testid="warned-content" data-revealed={revealed ? 'yes' : 'no'} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-950">
        <span>
          Content warning: <strong className="font-semibold">{warning}</strong>
        </span>
        <button
          type="button"
          aria-expanded={revealed}
          aria-controls={id}
          onClick={() => setRevealed((r) => !r)}
          className="min-h-11 rounded-md px-2 font-medium text-amber-950 underline underline-offset-2 hover:bg-amber-100"
        >
          {revealed ? 'Hide' : 'Show'}
          <span className="sr-only"> the text behind this warning</span>
        </button>
      </div>
      <div id={id} aria-hidden={!revealed} inert={!revealed} className={revealed ? '' : 'pointer-events-none select-none blur-sm'}>
        {children}
      </div>
    </div>
  );
}

/** The warnings offered in the console: those members choose from when asking, and the question's own. */
function offered(current: string | null): string[] {
  const tags: string[] = [...CONTENT_WARNINGS];
  return current && !tags.includes(current) ? [...tags, current] : tags;
}

const WARNABLE: QuestionView['status'][] = ['PENDING', 'VISIBLE', 'HIDDEN'];

/** Staff set or clear a question's content warning (the room hears the change at once). */
export function ContentWarningControl({ q }: { q: QuestionView }) {
  const { socket } = useRealtime();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (!WARNABLE.includes(q.status)) return null;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('contentWarning') ?? '');
    setBusy(true);
    const res = await emitCommand(socket, 'question:warn', { questionId: q.id, contentWarning: value || null, version: q.version });
    setBusy(false);
    if (!res) setError('The server did not answer. Please try again.');
    else setError(res.ok ? null : res.error.message);
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" data-testid="cw-control">
      <label htmlFor={`${id}-cw`} className="text-sm font-medium text-stone-800">
        Content warning
      </label>
      <select
        id={`${id}-cw`}
        name="contentWarning"
        key={`${q.id}:${q.contentWarning ?? ''}`}
        defaultValue={q.contentWarning ?? ''}
        className="min-h-10 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900"
      >
        <option value="">none</option>
        {offered(q.contentWarning).map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={busy}
        className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-50"
      >
        Set warning
      </button>
      {error && (
        <p role="alert" className="basis-full text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
