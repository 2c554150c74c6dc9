'use client';
// The care lane at the top of the console (issue 10 item 1): questions in words of distress, or reported "someone
// may be at risk". Visually apart from the queue, its count announced (aria-live), each item with a claim ("Sam is
// on it", so two people do not answer at once), a private reply from kind templates, the asker's own answer (may a
// version without the details be asked?), publishing such a version (only after their "yes": the server refuses it
// otherwise), or keeping it private. Never shown to the room.
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { CARE_REPLY_TEMPLATES } from '@/lib/care/templates';
import type { QuestionView } from '@/lib/live/views';
import { QUESTION_MAX, REPLY_MAX } from '@/lib/questions/limits';
import { relativeTo } from '@/lib/time/server-clock';
import { Modal } from './modal';
import type { ConsoleCommand } from './use-moderation';

/** Open care items first (oldest first: the longest waiting), then the closed ones (newest first). */
function careItems(questions: Iterable<QuestionView>): { open: QuestionView[]; closed: QuestionView[] } {
  const all = [...questions].filter((q) => q.status === 'CARE' || (q.care && q.care.outcome !== null));
  const byAge = (a: QuestionView, b: QuestionView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  return {
    open: all.filter((q) => q.status === 'CARE' && !q.care?.closedAt).sort(byAge),
    closed: all.filter((q) => q.care?.closedAt).sort((a, b) => byAge(b, a)),
  };
}

const SOURCE: Record<string, string> = { care_terms: 'Words of distress (care word list)', report: 'A member reported: someone may be at risk' };

/** The asker's answer, as the care lane shows it. */
const CHOICE: Record<string, { text: string; tone: string }> = {
  share_safer: { text: 'The person said yes: a version without the details may be asked', tone: 'bg-emerald-100 text-emerald-950' },
  keep_private: { text: 'The person asked to keep it between you', tone: 'bg-stone-200 text-stone-900' },
  none: { text: 'The person has not said whether it may be asked', tone: 'bg-stone-100 text-stone-800' },
};

const btn =
  'inline-flex min-h-11 items-center justify-center rounded-md border px-3 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-800';
const primary = `${btn} border-sky-800 bg-sky-800 text-white hover:bg-sky-900`;
const secondary = `${btn} border-stone-300 bg-white text-stone-800 hover:bg-stone-100`;

type Props = {
  questions: QuestionView[];
  meId: string;
  now: Date;
  act: ConsoleCommand;
};

type Dialog = { kind: 'reply' | 'publish'; q: QuestionView } | null;

export function CareLane({ questions, meId, now, act }: Props) {
  const { open, closed } = careItems(questions);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, p: Promise<unknown>) => {
    setBusy(id);
    try {
      await p;
    } finally {
      setBusy(null);
    }
  };
  const count = open.length === 1 ? '1 person may need support' : `${open.length} people may need support`;

  return (
    <section
      aria-labelledby="care-lane-title"
      data-testid="care-lane"
      data-open-count={open.length}
      className="rounded-lg border-2 border-sky-700 bg-sky-50 p-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="care-lane-title" className="text-lg font-semibold text-sky-950">
          Care lane
        </h2>
        <span
          data-testid="care-count"
          className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${open.length ? 'bg-sky-800 text-white' : 'bg-sky-100 text-sky-900'}`}
        >
          {open.length} open
        </span>
      </div>
      {/* Announced when the count changes: a new person in distress is the console's first priority. */}
      <p className="sr-only" aria-live="assertive" aria-atomic="true">
        {open.length ? `Care lane: ${count}.` : ''}
      </p>
      <p className="mt-1 text-sm text-sky-950">
        Private: the room never sees these. Reply warmly and privately; never ask for names or places. Take a break when you need one, and hand an item on by
        releasing it.
      </p>
      {open.length === 0 ? (
        <p className="mt-2 text-sm text-sky-900">Nobody needs the care lane right now.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {open.map((q) => (
            <CareItem
              key={q.id}
              q={q}
              meId={meId}
              now={now}
              busy={busy === q.id}
              onClaim={(release) => void run(q.id, act('question:claim', release ? { questionId: q.id, release: true } : { questionId: q.id }))}
              onReply={() => setDialog({ kind: 'reply', q })}
              onPublish={() => setDialog({ kind: 'publish', q })}
              onKeepPrivate={() => void run(q.id, act('care:keep-private', { questionId: q.id, version: q.version }))}
            />
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-sky-950">Closed care items ({closed.length})</summary>
          <ul className="space-y-2">
            {closed.map((q) => (
              <li key={q.id} data-testid="care-closed" className="rounded-md border border-sky-200 bg-white p-3 text-sm">
                <p className="text-xs text-stone-700">
                  {q.care?.outcome === 'published'
                    ? 'A safer version was published'
                    : q.care?.outcome === 'withdrawn'
                      ? 'Withdrawn by the person'
                      : 'Kept private'}{' '}
                  · {q.author ? q.author.name : (q.pseudonym ?? 'Anonymous')}
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{q.care?.originalBody ?? q.body}</p>
                <Replies q={q} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {dialog?.kind === 'reply' && <PrivateReplyDialog q={dialog.q} act={act} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'publish' && <PublishCareDialog q={dialog.q} act={act} onClose={() => setDialog(null)} />}
    </section>
  );
}

function Replies({ q }: { q: QuestionView }) {
  if (!q.replies.length) return null;
  return (
    <ul className="mt-2 space-y-1 border-l-2 border-sky-300 pl-3 text-sm" aria-label="Private replies">
      {q.replies.map((r) => (
        <li key={r.id}>
          <span className="font-medium text-sky-900">{r.authorName}:</span> <span className="whitespace-pre-wrap break-words">{r.body}</span>
        </li>
      ))}
    </ul>
  );
}

type ItemProps = {
  q: QuestionView;
  meId: string;
  now: Date;
  busy: boolean;
  onClaim: (release: boolean) => void;
  onReply: () => void;
  onPublish: () => void;
  onKeepPrivate: () => void;
};

function CareItem({ q, meId, now, busy, onClaim, onReply, onPublish, onKeepPrivate }: ItemProps) {
  const claimed = q.claim && new Date(q.claim.until).getTime() > now.getTime() ? q.claim : null;
  const mine = claimed?.byId === meId;
  const choice = q.care?.askerChoice ?? null;
  const consented = choice === 'share_safer';
  return (
    <li data-testid="care-item" data-question-id={q.id} className="rounded-md border border-sky-300 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-700">
        <span className="font-medium text-stone-900" data-testid="care-author">
          {q.author ? q.author.name : (q.pseudonym ?? 'Anonymous')}
        </span>
        <span>{relativeTo(new Date(q.care?.openedAt ?? q.createdAt), now)}</span>
        <span className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-950">{SOURCE[q.care?.source ?? 'care_terms']}</span>
        {claimed && (
          <span data-testid="care-claim" className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-950">
            {mine ? 'You are on it' : `${claimed.byName} is on it`}
          </span>
        )}
      </div>
      <p className="mt-1 whitespace-pre-wrap break-words text-stone-900" data-testid="care-body">
        {q.body}
      </p>
      <p
        id={`care-choice-${q.id}`}
        data-testid="care-asker-choice"
        data-choice={choice ?? 'none'}
        className={`mt-2 inline-block rounded px-2 py-1 text-xs font-medium ${CHOICE[choice ?? 'none'].tone}`}
      >
        {CHOICE[choice ?? 'none'].text}
      </p>
      <Replies q={q} />
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={mine ? secondary : primary} disabled={busy} onClick={() => onClaim(mine)}>
          {mine ? 'Release (hand on)' : "I'm on it"}
        </button>
        <button type="button" className={mine ? primary : secondary} disabled={busy} onClick={onReply}>
          Reply privately…
        </button>
        {/* Only after the person's "yes" (the server refuses it otherwise); until then the reason is read with the button. */}
        <button type="button" className={secondary} disabled={busy || !consented} aria-describedby={`care-choice-${q.id}`} onClick={onPublish}>
          Publish a safer version…
        </button>
        <button type="button" className={secondary} disabled={busy} onClick={onKeepPrivate}>
          Keep private and close
        </button>
      </div>
    </li>
  );
}

/** A private reply to the asker (any question, not only care items): kind templates to start from, edited before sending. */
export function PrivateReplyDialog({ q, act, onClose }: { q: QuestionView; act: ConsoleCommand; onClose: () => void }) {
  const care = q.status === 'CARE';
  const [body, setBody] = useState(care ? CARE_REPLY_TEMPLATES[0].body : '');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    const done = await act('question:reply', { questionId: q.id, body, private: true });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title="Reply privately to the asker" onClose={onClose} testId="private-reply-dialog">
      <p className="rounded-md bg-stone-100 p-3 text-sm whitespace-pre-wrap break-words">{q.body}</p>
      <form onSubmit={submit} className="space-y-3">
        {care && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Start from a template</legend>
            <div className="flex flex-wrap gap-2">
              {CARE_REPLY_TEMPLATES.map((t) => (
                <button key={t.id} type="button" className={secondary} onClick={() => setBody(t.body)}>
                  {t.label}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <div className="space-y-1">
          <label htmlFor="private-reply-body" className="block text-sm font-medium">
            Your reply (only the asker and the facilitators read it)
          </label>
          <textarea
            id="private-reply-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={REPLY_MAX}
            rows={5}
            className={inputClass}
            required
            data-autofocus
          />
          <p className="text-xs text-stone-600">Never ask for a name, an address or a place. Anonymous askers stay anonymous.</p>
        </div>
        <div className="flex justify-end">
          <Button type="submit" disabled={busy}>
            Send privately
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function PublishCareDialog({ q, act, onClose }: { q: QuestionView; act: ConsoleCommand; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = String(new FormData(e.currentTarget).get('body') ?? '');
    setBusy(true);
    const done = await act('care:publish', { questionId: q.id, body, version: q.version });
    setBusy(false);
    if (done) onClose();
  }
  return (
    <Modal title="Publish a safer version" onClose={onClose} testId="publish-care-dialog">
      <p className="text-sm text-stone-800">
        The person said yes to a version without the details. Take out the risky detail (no methods, nothing that could identify anyone); the person&rsquo;s own
        words stay with the facilitators.
      </p>
      <form onSubmit={submit} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="publish-care-body" className="block text-sm font-medium">
            The question as the room will read it
          </label>
          <textarea id="publish-care-body" name="body" defaultValue={q.body} maxLength={QUESTION_MAX} rows={4} className={inputClass} required data-autofocus />
        </div>
        <div className="flex justify-end">
          <Button type="submit" disabled={busy}>
            Publish this version
          </Button>
        </div>
      </form>
    </Modal>
  );
}
