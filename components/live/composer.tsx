'use client';
// Ask a question: bounded length, optional content warning, anonymous toggle (default set per discussion).
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { CONTENT_WARNINGS, QUESTION_MAX } from '@/lib/questions/limits';

export function Composer({
  anonymousDefault,
  disabled,
  onAsk,
  initialBody = '',
  blockedBy,
}: {
  anonymousDefault: boolean;
  disabled: boolean;
  onAsk: (body: string, anonymous: boolean, cw: string | null) => void;
  /** A question the server refused (I was muted), offered again. */
  initialBody?: string;
  /** Why I cannot ask right now (a mute, with the time left): shown above the field, which is disabled. */
  blockedBy?: ReactNode;
}) {
  const [body, setBody] = useState(initialBody);
  const [anonymous, setAnonymous] = useState(anonymousDefault);
  const [cw, setCw] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = body.trim();
    if (!text) return setError('Write your question first.');
    if (text.length > QUESTION_MAX) return setError(`Keep your question under ${QUESTION_MAX} characters.`);
    setError(null);
    onAsk(text, anonymous, cw || null);
    setBody('');
    setCw('');
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-label="Ask a question">
      <label htmlFor="ask-body" className="block font-medium text-stone-900">
        Your question
      </label>
      {blockedBy && (
        <div role="status" data-testid="composer-blocked" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {blockedBy}
        </div>
      )}
      <textarea
        id="ask-body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
        }}
        maxLength={QUESTION_MAX}
        rows={3}
        disabled={disabled || !!blockedBy}
        aria-invalid={error ? true : undefined}
        aria-describedby="ask-hint ask-error"
        className={inputClass}
      />
      <p id="ask-hint" className="text-xs text-stone-600">
        {body.length}/{QUESTION_MAX} · Ctrl+Enter sends
      </p>
      {error && (
        <p id="ask-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} className="h-5 w-5 accent-ember-700" />
          Ask anonymously
          <span className="text-xs text-stone-600">
            (facilitators see a nickname, not your name, unless they reveal it for a recorded reason: you would be told)
          </span>
        </label>
        <label className="flex items-center gap-2 text-sm text-stone-800">
          Content warning
          <select value={cw} onChange={(e) => setCw(e.target.value)} className={`${inputClass} w-auto py-1`}>
            <option value="">none</option>
            {CONTENT_WARNINGS.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={disabled || !!blockedBy} className="ml-auto">
          Ask
        </Button>
      </div>
    </form>
  );
}
