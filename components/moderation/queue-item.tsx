'use client';
// One question in the console: its text, who asked (name, or pseudonym for an anonymous asker: never a name),
// votes, age, why it is held, who is on it, and every action as a button (the keys do the same).
import { forwardRef } from 'react';
import { ContentWarningControl } from '@/components/live/warned-content';
import type { QuestionView } from '@/lib/live/views';
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from '@/lib/reports/categories';
import { relativeTo } from '@/lib/time/server-clock';
import { type ConsoleTab, HOLD_LABELS } from './console-model';

export type ItemAction =
  | 'approve'
  | 'reject'
  | 'hide'
  | 'restore'
  | 'redact'
  | 'merge'
  | 'queue'
  | 'unqueue'
  | 'up'
  | 'down'
  | 'highlight'
  | 'unhighlight'
  | 'answer'
  | 'unanswer'
  | 'claim'
  | 'release'
  | 'reveal'
  | 'private_reply'
  | 'mute'
  | 'remove'
  | 'ban';

type Props = {
  q: QuestionView;
  tab: ConsoleTab;
  selected: boolean;
  highlighted: boolean;
  now: Date;
  meId: string;
  isAdmin: boolean;
  busy: boolean;
  /** The asker's name, after this facilitator revealed it (shown here only, to them only). */
  revealedName: string | undefined;
  /** The text of the question a merged one went into. */
  mergedInto: string | undefined;
  onSelect: () => void;
  onAction: (action: ItemAction) => void;
};

const btn =
  'inline-flex min-h-10 items-center justify-center rounded-md border px-3 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ember-700';
const primary = `${btn} border-ember-700 bg-ember-700 text-white hover:bg-ember-800`;
const secondary = `${btn} border-stone-300 bg-white text-stone-800 hover:bg-stone-100`;
const danger = `${btn} border-red-300 bg-white text-red-800 hover:bg-red-50`;

type ActProps = {
  ctx: { busy: boolean; onSelect: () => void; onAction: (action: ItemAction) => void };
  action: ItemAction;
  label: string;
  kind?: 'primary' | 'secondary' | 'danger';
  keyHint?: string;
};

function Act({ ctx, action, label, kind = 'secondary', keyHint }: ActProps) {
  return (
    <button
      type="button"
      className={kind === 'primary' ? primary : kind === 'danger' ? danger : secondary}
      disabled={ctx.busy}
      aria-keyshortcuts={keyHint}
      onClick={(e) => {
        e.stopPropagation();
        ctx.onSelect();
        ctx.onAction(action);
      }}
    >
      {label}
    </button>
  );
}

export const QueueItem = forwardRef<HTMLLIElement, Props>(function QueueItem(
  { q, tab, selected, highlighted, now, meId, isAdmin, busy, revealedName, mergedInto, onSelect, onAction },
  ref,
) {
  const claimed = q.claim && new Date(q.claim.until).getTime() > now.getTime() ? q.claim : null;
  const mineClaim = claimed?.byId === meId;
  const who = q.author ? q.author.name : (q.pseudonym ?? 'Anonymous');
  const ctx = { busy, onSelect, onAction };
  const open = q.status === 'PENDING' || q.status === 'VISIBLE';
  const sanctions = (
    <>
      {q.anonymous && !revealedName && <Act ctx={ctx} action="reveal" label="Reveal…" />}
      <Act ctx={ctx} action="mute" label="Mute…" kind="danger" />
      <Act ctx={ctx} action="remove" label="Remove…" kind="danger" />
      {isAdmin && <Act ctx={ctx} action="ban" label="Ban…" kind="danger" />}
    </>
  );

  return (
    // The item is selected when the focus enters it (a click, Tab to one of its buttons, or j/k).
    <li
      ref={ref}
      tabIndex={-1}
      data-testid="console-item"
      data-question-id={q.id}
      data-status={q.status}
      data-selected={selected ? 'yes' : 'no'}
      aria-current={selected ? 'true' : undefined}
      onFocus={onSelect}
      className={`rounded-lg border bg-white p-3 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-ember-700 ${selected ? 'border-ember-600 ring-2 ring-ember-200' : 'border-stone-200'}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-700">
        <span className="font-medium text-stone-900" data-testid="console-author">
          {who}
        </span>
        {revealedName && (
          <span data-testid="revealed-name" className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-950">
            revealed to you: {revealedName}
          </span>
        )}
        <span>
          {q.votes} {q.votes === 1 ? 'vote' : 'votes'}
        </span>
        <span>{relativeTo(new Date(q.createdAt), now)}</span>
        {q.heldFor.map((h) => (
          <span key={h} data-testid="held-for" className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">
            {HOLD_LABELS[h]}
          </span>
        ))}
        {q.contentWarning && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">CW: {q.contentWarning}</span>}
        {q.redacted && <span className="rounded bg-stone-100 px-1.5 py-0.5">edited by a facilitator</span>}
        {q.queuePosition !== null && tab === 'live' && (
          <span className="rounded bg-ember-100 px-1.5 py-0.5 font-semibold text-ember-900">up next #{q.queuePosition + 1}</span>
        )}
        {highlighted && <span className="rounded bg-ember-700 px-1.5 py-0.5 font-semibold text-white">answering now</span>}
        {q.status === 'REJECTED' && <span className="rounded bg-stone-200 px-1.5 py-0.5">rejected</span>}
        {q.status === 'HIDDEN' && <span className="rounded bg-stone-200 px-1.5 py-0.5">hidden</span>}
        {q.status === 'MERGED' && <span className="rounded bg-stone-200 px-1.5 py-0.5">merged</span>}
        {q.reports && (
          // Reports are anonymous to staff too: how many, and why (the notes below the text), never who.
          <span data-testid="reports" className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900">
            Reported {q.reports.total}×:{' '}
            {REPORT_CATEGORIES.filter((c) => q.reports?.[c])
              .map((c) => `${REPORT_CATEGORY_LABELS[c].toLowerCase()} ${q.reports?.[c]}`)
              .join(', ')}
          </span>
        )}
        {claimed && (
          <span data-testid="claim" className="rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-950">
            {mineClaim ? 'You are on it' : `${claimed.byName} is on it`}
          </span>
        )}
      </div>
      <p className="mt-1 whitespace-pre-wrap break-words text-stone-900" data-testid="console-body">
        {q.body}
      </p>
      {q.reports && q.reports.notes.length > 0 && (
        // What reporters wrote (the newest few), with the category each chose: never who wrote it.
        <details data-testid="report-notes" className="group mt-1 text-sm text-stone-800">
          <summary className="inline-flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-md px-1 font-medium text-red-900 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ember-700">
            <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
              ▸
            </span>
            {q.reports.notes.length === 1 ? 'What a reporter wrote' : `What reporters wrote (${q.reports.notes.length}, newest first)`}
          </summary>
          <ul className="mt-1 space-y-1 border-l-2 border-red-200 pl-3">
            {q.reports.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes carry no id on purpose (nothing ties them to a reporter)
              <li key={i} data-testid="report-note" className="whitespace-pre-wrap break-words">
                <span className="font-medium">{REPORT_CATEGORY_LABELS[n.category]}:</span> {n.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {q.rejectReason && q.status === 'REJECTED' && <p className="mt-1 text-sm text-stone-700">Reason given: {q.rejectReason}</p>}
      {q.status === 'MERGED' && mergedInto && <p className="mt-1 text-sm text-stone-700">Merged into: {mergedInto}</p>}

      <div className="mt-2 flex flex-wrap gap-2">
        {q.status === 'PENDING' && (
          <>
            <Act ctx={ctx} action="approve" label="Approve" kind="primary" keyHint="a" />
            <Act ctx={ctx} action="reject" label="Reject…" keyHint="r" />
            <Act ctx={ctx} action="redact" label="Edit…" keyHint="e" />
          </>
        )}
        {tab === 'live' && (
          <>
            <Act
              ctx={ctx}
              action={highlighted ? 'unhighlight' : 'highlight'}
              label={highlighted ? 'Stop highlighting' : 'Answering now'}
              kind={highlighted ? 'secondary' : 'primary'}
            />
            <Act ctx={ctx} action="answer" label="Mark answered" />
            {q.queuePosition === null ? (
              <Act ctx={ctx} action="queue" label="Up next" keyHint="q" />
            ) : (
              <>
                <Act ctx={ctx} action="up" label="Move up" keyHint="Shift+K" />
                <Act ctx={ctx} action="down" label="Move down" keyHint="Shift+J" />
                <Act ctx={ctx} action="unqueue" label="Out of up next" keyHint="q" />
              </>
            )}
          </>
        )}
        {tab === 'answered' && <Act ctx={ctx} action="unanswer" label="Not answered yet" />}
        {(q.status === 'HIDDEN' || q.status === 'REJECTED') && <Act ctx={ctx} action="restore" label="Restore" kind="primary" keyHint="a" />}
        {/* A question hidden after members' reports is reviewed: restored (kept), or rejected with a reason (removed). */}
        {q.status === 'HIDDEN' && q.reports && <Act ctx={ctx} action="reject" label="Reject…" />}
        {open && <Act ctx={ctx} action={mineClaim ? 'release' : 'claim'} label={mineClaim ? 'Release' : "I'm on it"} keyHint="c" />}
        <details className="group relative">
          <summary className={`${secondary} cursor-pointer list-none`}>More</summary>
          <div className="mt-2 flex flex-wrap gap-2">
            {q.status === 'VISIBLE' && <Act ctx={ctx} action="hide" label="Hide" keyHint="h" />}
            {q.status === 'VISIBLE' && <Act ctx={ctx} action="redact" label="Edit…" keyHint="e" />}
            {open && <Act ctx={ctx} action="merge" label="Merge…" keyHint="m" />}
            <Act ctx={ctx} action="private_reply" label="Reply privately…" />
            {sanctions}
            <ContentWarningControl q={q} />
          </div>
        </details>
      </div>
    </li>
  );
});
