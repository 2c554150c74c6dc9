'use client';
// "Report…" on someone else's question (issue 10 item 2): a category, an optional short note (the facilitators
// read it), sent once. Reports are anonymous to the facilitators too; the reporter is told the outcome privately
// later. "Someone may be at risk" takes the question to the facilitators' care lane at once.
import { type FormEvent, useState } from 'react';
import { Modal } from '@/components/moderation/modal';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QuestionView } from '@/lib/live/views';
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS, REPORT_NOTE_MAX, type ReportCategory } from '@/lib/reports/categories';
import type { RoomCommand } from './use-live-room';

const HINTS: Record<ReportCategory, string> = {
  off_topic: 'Not about tonight’s discussion.',
  disrespectful: 'Unkind, mocking or hurtful to someone.',
  private_information: 'Names or details that could identify someone.',
  spam: 'Advertising, links, or the same thing over and over.',
  at_risk: 'The person who asked may be in danger or need support now. The facilitators reach out privately.',
};

export function ReportButton({ q, run }: { discussionId: string; q: QuestionView; run: RoomCommand }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (sent)
    return (
      <p role="status" data-testid="report-sent" className="text-sm text-stone-700">
        Thank you for telling us. The facilitators will look at it, and we&rsquo;ll let you know what they decide.
      </p>
    );
  return (
    <>
      <Button type="button" variant="secondary" className="min-h-11 px-3 py-1.5 text-sm" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Report…
      </Button>
      {open && (
        <ReportDialog
          q={q}
          run={run}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            setSent(true);
          }}
        />
      )}
    </>
  );
}

function ReportDialog({ q, run, onClose, onSent }: { q: QuestionView; run: RoomCommand; onClose: () => void; onSent: () => void }) {
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!category) return setError('Choose what is wrong with this question.');
    setBusy(true);
    const failed = await run('question:report', { questionId: q.id, category, ...(note.trim() ? { note } : {}) });
    setBusy(false);
    if (failed) setError(failed.message);
    else onSent();
  }
  return (
    <Modal title="Report this question" onClose={onClose} testId="report-dialog">
      <p className="rounded-md bg-stone-100 p-3 text-sm whitespace-pre-wrap break-words">{q.body.length > 200 ? `${q.body.slice(0, 199)}…` : q.body}</p>
      <form onSubmit={submit} className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">What is wrong? The facilitators see how many people reported it and why, never who.</legend>
          {REPORT_CATEGORIES.map((c, i) => (
            <label key={c} className="flex min-h-11 items-start gap-2 rounded-md border border-stone-200 p-2 text-sm has-[:checked]:border-ember-600">
              <input
                type="radio"
                name="category"
                value={c}
                checked={category === c}
                onChange={() => setCategory(c)}
                data-autofocus={i === 0 ? true : undefined}
                className="mt-0.5 h-5 w-5 shrink-0 accent-ember-700"
              />
              <span>
                <span className="font-medium">{REPORT_CATEGORY_LABELS[c]}</span>
                <span className="block text-stone-700">{HINTS[c]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="report-note" className="block text-sm font-medium">
            A short note for the facilitators (optional)
          </label>
          <p id="report-note-hint" className="text-sm text-stone-700">
            They read it without your name.
          </p>
          <textarea
            id="report-note"
            aria-describedby="report-note-hint"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={REPORT_NOTE_MAX}
            rows={2}
            className={inputClass}
          />
        </div>
        {error && (
          <p role="alert" data-testid="report-error" className="text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end">
          <Button type="submit" disabled={busy}>
            Send report
          </Button>
        </div>
      </form>
    </Modal>
  );
}
