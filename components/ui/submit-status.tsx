'use client';
// A form's submission and its status line: pending while the server action runs, then what happened (the server's
// message, or field errors for the form to show beside its fields), and the page's data refreshed.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { settleAction } from '@/lib/http/settle-action';
import type { Result } from '@/lib/result';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/**
 * One form's submission. By default an error that names fields leaves the status line empty: the form shows
 * `fields` beside its fields (and announces them through them). A form that shows no field errors passes
 * `{ fieldErrors: 'status' }`, so every error's message reaches its status line instead of failing silently.
 */
export function useSubmit({ fieldErrors = 'beside' }: { fieldErrors?: 'beside' | 'status' } = {}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  async function submit<T>(action: () => Promise<Result<T>>, done: (data: T) => string): Promise<boolean> {
    setPending(true);
    const res = await settleAction(action);
    setPending(false);
    const errors = res.ok ? {} : (res.error.fields ?? {});
    setFields(errors);
    const shownBeside = fieldErrors === 'beside' && Object.keys(errors).length > 0;
    setOutcome(res.ok ? { tone: 'ok', text: done(res.data) } : shownBeside ? null : { tone: 'error', text: res.error.message });
    router.refresh();
    return res.ok;
  }
  return { pending, outcome, fields, submit };
}

export function Status({ outcome, testId }: { outcome: Outcome; testId?: string }) {
  // Always in the page, so screen readers announce each new message.
  return (
    <p role="status" data-testid={testId} className={`text-sm ${outcome?.tone === 'error' ? 'font-medium text-red-700' : 'text-green-800'}`}>
      {outcome?.text}
    </p>
  );
}
