'use client';
// The console's dialogs: reject (reason picker), redact, merge, reveal, mute/remove/ban, and the keys. Each
// sends one command through the console's `act` and closes when it succeeded.
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QuestionView } from '@/lib/live/views';
import { MUTE_MINUTES, REASON_MAX, REDACTION_NOTE_MAX } from '@/lib/moderation/limits';
import type { ParticipantTarget } from '@/lib/moderation/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import { QUESTION_MAX } from '@/lib/questions/limits';
import { Modal } from './modal';
import type { ConsoleCommand } from './use-moderation';

export type SanctionKind = 'mute' | 'remove' | 'ban';

export type DialogState =
  | { kind: 'reject'; q: QuestionView }
  | { kind: 'redact'; q: QuestionView }
  | { kind: 'merge'; q: QuestionView }
  | { kind: 'reveal'; q: QuestionView }
  | { kind: 'private_reply'; q: QuestionView }
  | { kind: SanctionKind; target: ParticipantTarget; label: string }
  | { kind: 'keys' };

type Common = { discussionId: string; act: ConsoleCommand; onClose: () => void };

const snippet = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** Enter on a radio button sends its form (keyboard-first: `r`, arrows, Enter). */
function submitOnEnter(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key === 'Enter') {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
}

function Actions({ busy, label, danger }: { busy: boolean; label: string; danger?: boolean }) {
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
        {label}
      </Button>
    </div>
  );
}

export function RejectDialog({ q, templates, act, onClose }: Common & { q: QuestionView; templates: ReasonTemplateView[] }) {
  const [choice, setChoice] = useState<string>(templates[0]?.id ?? 'own');
  const [own, setOwn] = useState('');
  const [busy, setBusy] = useState(false);
  const reason = choice === 'own' ? own : (templates.find((t) => t.id === choice)?.body ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    const done = await act('question:reject', { questionId: q.id, reason, version: q.version });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title="Reject this question" onClose={onClose} testId="reject-dialog">
      <p className="rounded-md bg-stone-100 p-3 text-sm">{snippet(q.body, 200)}</p>
      <form onSubmit={submit} className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">The reason its author reads (nobody else sees it)</legend>
          {templates.map((t, i) => (
            <label key={t.id} className="flex items-start gap-2 rounded-md border border-stone-200 p-2 text-sm has-[:checked]:border-ember-600">
              <input
                type="radio"
                name="reason"
                value={t.id}
                checked={choice === t.id}
                onChange={() => setChoice(t.id)}
                onKeyDown={submitOnEnter}
                data-autofocus={i === 0 ? true : undefined}
                className="mt-0.5 h-5 w-5 shrink-0 accent-ember-700"
              />
              <span>
                <span className="font-medium">{t.label}</span>
                <span className="block text-stone-700">{t.body}</span>
              </span>
            </label>
          ))}
          <label className="flex items-start gap-2 rounded-md border border-stone-200 p-2 text-sm has-[:checked]:border-ember-600">
            <input
              type="radio"
              name="reason"
              value="own"
              checked={choice === 'own'}
              onChange={() => setChoice('own')}
              data-autofocus={templates.length === 0 ? true : undefined}
              className="mt-0.5 h-5 w-5 shrink-0 accent-ember-700"
            />
            <span className="font-medium">In my own words</span>
          </label>
        </fieldset>
        {choice === 'own' && (
          <div className="space-y-1">
            <label htmlFor="reject-own" className="block text-sm font-medium">
              Your reason, kindly
            </label>
            <textarea id="reject-own" value={own} onChange={(e) => setOwn(e.target.value)} maxLength={REASON_MAX} rows={3} className={inputClass} required />
          </div>
        )}
        <Actions busy={busy || !reason.trim()} label="Reject and tell the author" />
      </form>
    </Modal>
  );
}

export function RedactDialog({ q, act, onClose }: Common & { q: QuestionView }) {
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    const done = await act('question:redact', { questionId: q.id, body: String(f.get('body') ?? ''), note: String(f.get('note') ?? ''), version: q.version });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title="Edit this question (redact)" onClose={onClose} testId="redact-dialog">
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="redact-body" className="block text-sm font-medium">
            The question as the room will read it
          </label>
          <textarea id="redact-body" name="body" defaultValue={q.body} maxLength={QUESTION_MAX} rows={4} className={inputClass} required data-autofocus />
        </div>
        <div className="space-y-1">
          <label htmlFor="redact-note" className="block text-sm font-medium">
            A note for the author
          </label>
          <textarea
            id="redact-note"
            name="note"
            maxLength={REDACTION_NOTE_MAX}
            rows={2}
            className={inputClass}
            required
            placeholder="e.g. We took out a name to protect their privacy."
          />
          <p className="text-xs text-stone-600">The room sees “Edited by a facilitator”. The original is kept in the audit log only.</p>
        </div>
        <Actions busy={busy} label="Save the edit" />
      </form>
    </Modal>
  );
}

export function MergeDialog({ q, candidates, act, onClose }: Common & { q: QuestionView; candidates: QuestionView[] }) {
  const [filter, setFilter] = useState('');
  const [into, setInto] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = candidates.filter((c) => c.id !== q.id && c.body.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 30);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!into) return;
    setBusy(true);
    const done = await act('question:merge', { questionId: q.id, intoId: into, version: q.version });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title="Merge into another question" onClose={onClose} testId="merge-dialog">
      <p className="rounded-md bg-stone-100 p-3 text-sm">{snippet(q.body, 200)}</p>
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="merge-filter" className="block text-sm font-medium">
            Find the question it duplicates
          </label>
          <input id="merge-filter" value={filter} onChange={(e) => setFilter(e.target.value)} className={inputClass} data-autofocus />
        </div>
        <fieldset className="max-h-72 space-y-2 overflow-y-auto">
          <legend className="text-sm font-medium">Merge into</legend>
          {shown.length === 0 && <p className="text-sm text-stone-600">No other open question matches.</p>}
          {shown.map((c) => (
            <label key={c.id} className="flex items-start gap-2 rounded-md border border-stone-200 p-2 text-sm has-[:checked]:border-ember-600">
              <input
                type="radio"
                name="into"
                value={c.id}
                checked={into === c.id}
                onChange={() => setInto(c.id)}
                onKeyDown={submitOnEnter}
                className="mt-0.5 h-5 w-5 shrink-0 accent-ember-700"
              />
              <span>
                {snippet(c.body)} <span className="text-stone-600">({c.votes} votes)</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="text-xs text-stone-600">Voters of both count once on the question you pick; both askers are told.</p>
        <Actions busy={busy || !into} label="Merge" />
      </form>
    </Modal>
  );
}

export function RevealDialog({ q, act, onClose, onRevealed }: Common & { q: QuestionView; onRevealed: (name: string) => void }) {
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
    setBusy(true);
    const res = await act('author:reveal', { questionId: q.id, reason });
    setBusy(false);
    if (res) {
      onRevealed(res.data.name);
      onClose();
    }
  }
  return (
    <Modal title={`Reveal who is ${q.pseudonym ?? 'this anonymous asker'}`} onClose={onClose} testId="reveal-dialog">
      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-medium">This is recorded, and the author is told.</p>
        <p className="mt-1">
          The audit log keeps who looked, when and why, and the author privately learns that you looked and your reason. The name is shown to you alone, here.
        </p>
      </div>
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="reveal-reason" className="block text-sm font-medium">
            Why you need to know
          </label>
          <textarea id="reveal-reason" name="reason" maxLength={REASON_MAX} rows={3} className={inputClass} required data-autofocus />
        </div>
        <Actions busy={busy} label="Reveal to me" danger />
      </form>
    </Modal>
  );
}

const SANCTION_TITLE: Record<SanctionKind, string> = { mute: 'Mute', remove: 'Remove from this discussion', ban: 'Ban from the community' };

export function SanctionDialog({ kind, target, label, discussionId, act, onClose }: Common & { kind: SanctionKind; target: ParticipantTarget; label: string }) {
  const [minutes, setMinutes] = useState<string>(String(MUTE_MINUTES[0]));
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
    setBusy(true);
    const done =
      kind === 'mute'
        ? await act('participant:mute', { discussionId, target, minutes: minutes === 'end' ? null : (Number(minutes) as 5 | 15 | 60), reason })
        : kind === 'remove'
          ? await act('participant:remove', { discussionId, target, reason })
          : await act('participant:ban', { discussionId, target, reason });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title={`${SANCTION_TITLE[kind]}: ${label}`} onClose={onClose} testId="sanction-dialog">
      <form onSubmit={submit} className="space-y-3">
        {kind === 'mute' && (
          <fieldset className="flex flex-wrap gap-2">
            <legend className="mb-1 text-sm font-medium">For how long</legend>
            {[...MUTE_MINUTES.map(String), 'end'].map((m, i) => (
              <label key={m} className="flex min-h-10 items-center gap-2 rounded-md border border-stone-300 px-3 text-sm has-[:checked]:border-ember-600">
                <input
                  type="radio"
                  name="minutes"
                  value={m}
                  checked={minutes === m}
                  onChange={() => setMinutes(m)}
                  className="h-5 w-5 shrink-0 accent-ember-700"
                  data-autofocus={i === 0 ? true : undefined}
                />
                {m === 'end' ? 'Until the end' : `${m} min`}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'remove' && <p className="text-sm text-stone-700">They leave the room at once and cannot rejoin this discussion.</p>}
        {kind === 'ban' && <p className="text-sm text-stone-700">Their account is suspended everywhere in the community; every tab of theirs is signed out.</p>}
        <div className="space-y-1">
          <label htmlFor="sanction-reason" className="block text-sm font-medium">
            The reason they will read
          </label>
          <textarea
            id="sanction-reason"
            name="reason"
            maxLength={REASON_MAX}
            rows={2}
            className={inputClass}
            required
            data-autofocus={kind === 'mute' ? undefined : true}
          />
        </div>
        <Actions busy={busy} label={kind === 'mute' ? 'Mute' : kind === 'remove' ? 'Remove' : 'Ban'} danger={kind !== 'mute'} />
      </form>
    </Modal>
  );
}

const KEYS: [string, string][] = [
  ['j / k', 'Next / previous item'],
  ['1 – 4', 'Queue, Live, Answered, Hidden/Rejected'],
  ['a', 'Approve (restore in Hidden/Rejected)'],
  ['r', 'Reject, with a reason'],
  ['h', 'Hide'],
  ['e', 'Edit (redact)'],
  ['m', 'Merge into another question'],
  ['q', 'Put up next / take out of up next'],
  ['Shift+j / Shift+k', 'Move down / up in up next'],
  ['n', 'Highlight the next question up'],
  ['c', 'Claim / release'],
  ['u', 'Undo “answered” or “hidden” (10 s)'],
  ['?', 'These keys'],
];

export function KeysDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="keys-dialog">
      <p className="text-sm text-stone-700">Keys work when you are not typing in a field. Every action is also a button.</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 font-mono">{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose} data-autofocus>
          Close
        </Button>
      </div>
    </Modal>
  );
}
