'use client';
// Beside the queue: the people present (with their mute or removal) and the sanctions in force, and the live
// feed of the other facilitators' actions.
import type { Attendee, QuestionView } from '@/lib/live/views';
import type { ParticipantTarget } from '@/lib/moderation/schema';
import type { ModerationAction, ModerationFeedItem, SanctionView } from '@/lib/moderation/views';
import { relativeTo } from '@/lib/time/server-clock';
import { personLabel, sameTarget, targetOf } from './console-model';
import type { SanctionKind } from './dialogs';

const small =
  'inline-flex min-h-10 items-center rounded-md border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ember-700';

function sanctionLine(s: SanctionView, now: Date): string {
  if (s.kind === 'remove') return 'removed';
  return s.until ? `muted, ${relativeTo(new Date(s.until), now).replace(/^in /, '')} left` : 'muted until the end';
}

export function PeoplePanel({
  attendees,
  sanctions,
  now,
  isAdmin,
  onSanction,
  onUnmute,
}: {
  attendees: Attendee[];
  sanctions: SanctionView[];
  now: Date;
  isAdmin: boolean;
  onSanction: (kind: SanctionKind, target: ParticipantTarget, label: string) => void;
  onUnmute: (target: ParticipantTarget) => void;
}) {
  return (
    <section aria-labelledby="people-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-3" data-testid="people-panel">
      <h2 id="people-title" className="font-semibold text-stone-900">
        Others here ({attendees.length})
      </h2>
      {attendees.length === 0 ? (
        <p className="text-sm text-stone-600">Nobody is in the room right now.</p>
      ) : (
        <ul className="max-h-80 space-y-1 overflow-y-auto text-sm" data-testid="console-attendees">
          {attendees.map((a) => {
            const target = { userId: a.userId };
            const state = sanctions.find((s) => sameTarget(s.target, target));
            return (
              <li key={a.userId}>
                <details className="group">
                  <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-1 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-ember-700">
                    <span className="min-w-0 flex-1 truncate font-medium">{a.name}</span>
                    {state && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">{sanctionLine(state, now)}</span>}
                    <span className="text-xs text-stone-600 group-open:hidden" aria-hidden="true">
                      actions ▸
                    </span>
                    <span className="sr-only">: actions</span>
                  </summary>
                  <div className="mt-1 mb-2 flex flex-wrap gap-2 pl-1">
                    {state?.kind === 'mute' ? (
                      <button type="button" className={`${small} border-stone-300 bg-white`} onClick={() => onUnmute(target)}>
                        Unmute<span className="sr-only"> {a.name}</span>
                      </button>
                    ) : (
                      <button type="button" className={`${small} border-red-300 bg-white text-red-800`} onClick={() => onSanction('mute', target, a.name)}>
                        Mute…<span className="sr-only"> {a.name}</span>
                      </button>
                    )}
                    <button type="button" className={`${small} border-red-300 bg-white text-red-800`} onClick={() => onSanction('remove', target, a.name)}>
                      Remove…<span className="sr-only"> {a.name}</span>
                    </button>
                    {isAdmin && (
                      <button type="button" className={`${small} border-red-300 bg-white text-red-800`} onClick={() => onSanction('ban', target, a.name)}>
                        Ban…<span className="sr-only"> {a.name}</span>
                      </button>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="pt-2 text-sm font-semibold text-stone-900">Muted or removed</h3>
      {sanctions.length === 0 ? (
        <p className="text-sm text-stone-600">Nobody.</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="sanctions">
          {sanctions.map((s) => (
            <li key={s.id} className="space-y-1" data-testid="sanction">
              <p>
                <span className="font-medium">{personLabel(s.target)}</span> <span className="text-stone-700">{sanctionLine(s, now)}</span>
              </p>
              <p className="text-stone-700">
                “{s.reason}”{s.byName ? ` (${s.byName})` : ''}
              </p>
              {s.kind === 'mute' && (
                <button type="button" className={`${small} border-stone-300 bg-white`} onClick={() => onUnmute(targetOf(s.target))}>
                  Unmute<span className="sr-only"> {personLabel(s.target)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FEED_VERB: Record<ModerationAction, string> = {
  care_opened: 'sent to the care lane',
  care_published: 'published a safer version of',
  care_kept_private: 'closed (kept private)',
  replied_privately: 'replied privately to',
  auto_hidden: 'hid after members’ reports',
  approved: 'approved',
  rejected: 'rejected',
  hidden: 'hid',
  restored: 'restored',
  redacted: 'edited',
  merged: 'merged',
  queued: 'reordered up next:',
  highlighted: 'highlighted',
  answered: 'marked answered',
  unanswered: 'undid answered:',
  claimed: 'is on it:',
  released: 'released',
  revealed: 'revealed the asker of',
  muted: 'muted',
  unmuted: 'unmuted',
  removed: 'removed',
  banned: 'banned',
};

export function Feed({ items, questions, now }: { items: ModerationFeedItem[]; questions: Record<string, QuestionView>; now: Date }) {
  return (
    <section aria-labelledby="feed-title" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
      <h2 id="feed-title" className="font-semibold text-stone-900">
        Other facilitators
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">Nothing yet.</p>
      ) : (
        <ol className="max-h-80 space-y-2 overflow-y-auto text-sm" data-testid="feed" aria-live="polite">
          {items.map((i) => {
            const q = i.questionId ? questions[i.questionId] : undefined;
            const what = i.target ? personLabel(i.target) : q ? `“${q.body.length > 60 ? `${q.body.slice(0, 59)}…` : q.body}”` : 'a question';
            return (
              <li key={`${i.at}|${i.action}|${i.questionId ?? ''}`} data-testid="feed-item">
                <span className="font-medium">{i.actorName ?? (i.actorId === null ? 'Fireside' : 'Someone')}</span> {FEED_VERB[i.action]} {what}
                {i.reason && <span className="text-stone-700"> — {i.reason}</span>}
                <span className="block text-xs text-stone-600">{relativeTo(new Date(i.at), now)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
