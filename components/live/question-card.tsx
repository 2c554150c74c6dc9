'use client';
// One question in the live room, with the controls this person may use on it.
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QuestionView, StaffBadge } from '@/lib/live/views';
import { QUESTION_MAX, REPLY_MAX } from '@/lib/questions/limits';
import { CareChoice } from './care-support';
import { ReportButton } from './report-dialog';
import type { QuestionReview } from './room-reducer';
import type { RoomCommand } from './use-live-room';
import { WarnedContent } from './warned-content';

const BADGE_LABEL: Record<StaffBadge, string> = { host: 'Host', facilitator: 'Facilitator', admin: 'Admin' };

/** The server-computed staff mark next to a name: members cannot name themselves into it. */
function StaffBadgeChip({ badge }: { badge: StaffBadge }) {
  return (
    <span data-testid="staff-badge" className="rounded bg-ember-100 px-1.5 py-0.5 text-xs font-semibold text-ember-900">
      {BADGE_LABEL[badge]}
    </span>
  );
}

type Props = {
  discussionId: string;
  q: QuestionView;
  mine: boolean;
  voted: boolean;
  highlighted: boolean;
  isMod: boolean;
  open: boolean;
  live: boolean;
  run: RoomCommand;
  /** What the facilitators told me about this question of mine (a reason, a redaction note). */
  review?: QuestionReview;
};

const small = 'min-h-9 px-3 py-1.5 text-sm';

export function QuestionCard({ discussionId, q, mine, voted, highlighted, isMod, open, live, run, review }: Props) {
  const [editing, setEditing] = useState(false);
  const [resubmitting, setResubmitting] = useState(false);
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const act: RoomCommand = async (event, payload) => {
    setBusy(true);
    const error = await run(event, payload);
    setBusy(false);
    return error;
  };

  async function submitEdit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = String(new FormData(e.currentTarget).get('body') ?? '');
    if (!(await act('question:edit', { questionId: q.id, body }))) setEditing(false);
  }
  async function submitResubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = String(new FormData(e.currentTarget).get('body') ?? '');
    if (!(await act('question:resubmit', { questionId: q.id, body }))) setResubmitting(false);
  }
  async function submitReply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = String(new FormData(e.currentTarget).get('body') ?? '');
    if (!(await act('question:reply', { questionId: q.id, body }))) setReplying(false);
  }

  // Staff see an anonymous asker's nickname in this discussion ("Anonymous fox"), never a name.
  const who = q.author ? q.author.name : (q.pseudonym ?? 'Anonymous');
  const shown = q.status === 'VISIBLE';
  const badge = q.author?.badge ?? null;
  return (
    <li
      data-testid="question"
      data-question-id={q.id}
      className={`rounded-lg border bg-white p-4 shadow-sm ${highlighted ? 'border-ember-600 ring-2 ring-ember-200' : 'border-stone-200'}`}
    >
      <div className="flex gap-3">
        <div className="flex flex-col items-center">
          <button
            type="button"
            aria-pressed={voted}
            disabled={!open || busy || !shown}
            onClick={() => void act(voted ? 'question:unvote' : 'question:vote', { questionId: q.id })}
            className={`flex min-h-11 min-w-11 flex-col items-center justify-center rounded-md border text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${voted ? 'border-ember-700 bg-ember-700 text-white' : 'border-stone-300 bg-white text-stone-800 hover:bg-stone-100'}`}
          >
            <span aria-hidden="true">▲</span>
            <span data-testid="vote-count">{q.votes}</span>
            <span className="sr-only">{`${voted ? 'Remove your upvote from' : 'Upvote'} this question, ${q.votes === 1 ? 'vote' : 'votes'} so far`}</span>
          </button>
        </div>
        <div className="min-w-0 flex-1 space-y-2">
          <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
            <span className="font-medium text-stone-800">{who}</span>
            {badge && <StaffBadgeChip badge={badge} />}
            {q.anonymous && isMod && <span className="rounded bg-stone-100 px-1.5 py-0.5">asked anonymously</span>}
            {mine && <span className="rounded bg-ember-50 px-1.5 py-0.5 text-ember-800">your question</span>}
            {q.contentWarning && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">CW: {q.contentWarning}</span>}
            {q.status === 'PENDING' && (
              <span data-testid="awaiting-review" className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-950">
                Awaiting review
              </span>
            )}
            {q.redacted && (
              <span data-testid="redacted" className="rounded bg-stone-100 px-1.5 py-0.5">
                Edited by a facilitator
              </span>
            )}
            {q.editedAt && !q.redacted && <span>edited</span>}
            {q.answeredAt && <span className="rounded bg-green-100 px-1.5 py-0.5 text-green-900">answered</span>}
            {highlighted && <span className="rounded bg-ember-700 px-1.5 py-0.5 font-semibold text-white">answering now</span>}
          </p>
          {editing ? (
            <form onSubmit={submitEdit} className="space-y-2">
              <label htmlFor={`edit-${q.id}`} className="sr-only">
                Edit your question
              </label>
              <textarea id={`edit-${q.id}`} name="body" defaultValue={q.body} maxLength={QUESTION_MAX} rows={3} className={inputClass} />
              <div className="flex gap-2">
                <Button type="submit" className={small} disabled={busy}>
                  Save
                </Button>
                <Button type="button" variant="secondary" className={small} onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : (
            <WarnedContent warning={q.contentWarning} open={isMod || mine}>
              <p className="whitespace-pre-wrap break-words text-stone-900" data-testid="question-body">
                {q.body}
              </p>
            </WarnedContent>
          )}
          {mine && <AuthorNote q={q} review={review} />}
          {resubmitting && (
            <form onSubmit={submitResubmit} className="space-y-2" data-testid="resubmit-form">
              <label htmlFor={`resubmit-${q.id}`} className="block text-sm font-medium text-stone-800">
                Your question, edited
              </label>
              <textarea id={`resubmit-${q.id}`} name="body" defaultValue={q.body} maxLength={QUESTION_MAX} rows={3} className={inputClass} />
              <p className="text-xs text-stone-600">The facilitators review it once more. You can resubmit it once.</p>
              <div className="flex gap-2">
                <Button type="submit" className={small} disabled={busy}>
                  Resubmit for review
                </Button>
                <Button type="button" variant="secondary" className={small} onClick={() => setResubmitting(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
          {q.replies.some((r) => r.private) && (
            // Only the asker and the staff ever receive these (F28); the asker reads them as the facilitators' words.
            <ul className="space-y-2" aria-label="Private replies">
              {q.replies
                .filter((r) => r.private)
                .map((r) => (
                  <li key={r.id} data-testid="private-reply" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
                    <p className="text-xs font-semibold uppercase tracking-wide text-sky-900">
                      Private reply from the facilitators{isMod ? ` (${r.authorName})` : ''}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{r.body}</p>
                  </li>
                ))}
            </ul>
          )}
          {mine && q.status === 'CARE' && q.careChoice !== undefined && <CareChoice q={q} run={act} busy={busy} />}
          {q.replies.some((r) => !r.private) && (
            <ul className="space-y-1 border-l-2 border-ember-200 pl-3 text-sm">
              {q.replies
                .filter((r) => !r.private)
                .map((r) => (
                  <li key={r.id}>
                    <span className="font-medium text-ember-800">{r.authorName}</span>
                    {r.authorBadge && (
                      <>
                        {' '}
                        <StaffBadgeChip badge={r.authorBadge} />
                      </>
                    )}
                    <span className="font-medium text-ember-800">:</span> <span className="whitespace-pre-wrap break-words">{r.body}</span>
                  </li>
                ))}
            </ul>
          )}
          {replying && (
            <form onSubmit={submitReply} className="space-y-2">
              <label htmlFor={`reply-${q.id}`} className="sr-only">
                Reply to this question
              </label>
              <textarea
                id={`reply-${q.id}`}
                name="body"
                maxLength={REPLY_MAX}
                rows={2}
                className={inputClass}
                placeholder="A short reply the whole room sees"
              />
              <div className="flex gap-2">
                <Button type="submit" className={small} disabled={busy}>
                  Send reply
                </Button>
                <Button type="button" variant="secondary" className={small} onClick={() => setReplying(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
          <div className="flex flex-wrap gap-2">
            {!mine && !isMod && shown && open && <ReportButton discussionId={discussionId} q={q} run={run} />}
            {mine && open && q.status === 'REJECTED' && q.canResubmit && !resubmitting && (
              <Button type="button" className={small} onClick={() => setResubmitting(true)}>
                Edit and resubmit
              </Button>
            )}
            {mine && open && !q.answeredAt && !editing && (q.status === 'VISIBLE' || q.status === 'PENDING') && (
              <>
                <Button type="button" variant="secondary" className={small} onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button type="button" variant="secondary" className={small} disabled={busy} onClick={() => void act('question:withdraw', { questionId: q.id })}>
                  Withdraw
                </Button>
              </>
            )}
            {isMod && q.status === 'PENDING' && (
              <Button type="button" className={small} disabled={busy} onClick={() => void act('question:approve', { questionId: q.id, version: q.version })}>
                Approve
              </Button>
            )}
            {isMod && shown && !q.answeredAt && live && (
              <Button
                type="button"
                variant={highlighted ? 'secondary' : 'primary'}
                className={small}
                disabled={busy}
                onClick={() => void act('question:highlight', { discussionId, questionId: highlighted ? null : q.id })}
              >
                {highlighted ? 'Stop highlighting' : 'Answering now'}
              </Button>
            )}
            {isMod && shown && !q.answeredAt && (
              <Button type="button" variant="secondary" className={small} disabled={busy} onClick={() => void act('question:answer', { questionId: q.id })}>
                Mark answered
              </Button>
            )}
            {isMod && shown && !replying && (
              <Button type="button" variant="secondary" className={small} onClick={() => setReplying(true)}>
                Reply
              </Button>
            )}
          </div>
        </div>
      </div>
    </li>
  );
}

/** What the author alone reads about their question's review: kind, with the facilitators' reason or note. */
function AuthorNote({ q, review }: { q: QuestionView; review?: QuestionReview }) {
  const box = 'rounded-md border px-3 py-2 text-sm';
  if (q.status === 'CARE')
    return (
      <p data-testid="care-note" className={`${box} border-sky-300 bg-sky-50 text-sky-950`}>
        Only you and the facilitators can see this. A facilitator will reply to you privately, right here.
      </p>
    );
  if (q.status === 'PENDING') return <p className="text-sm text-stone-700">Only you and the facilitators can see this question until they have reviewed it.</p>;
  if (q.status === 'REJECTED') {
    const reason = q.rejectReason ?? review?.message;
    return (
      <div data-testid="reject-reason" className={`${box} border-amber-300 bg-amber-50 text-amber-950`}>
        <p className="font-medium">The facilitators did not put this question to the room.</p>
        {reason && <p className="mt-1 whitespace-pre-wrap break-words">Their note: {reason}</p>}
        <p className="mt-1 text-amber-900">
          {q.canResubmit ? 'You are welcome to edit it and send it again.' : 'Only you can see this. Thank you for asking.'}
        </p>
      </div>
    );
  }
  if (q.status === 'HIDDEN')
    return (
      <p data-testid="hidden-note" className={`${box} border-stone-300 bg-stone-50 text-stone-800`}>
        A facilitator has taken this question out of the room for now. Only you can see it here.
        {review?.message ? ` Their note: ${review.message}` : ''}
      </p>
    );
  if (q.status === 'MERGED')
    return (
      <p data-testid="merged-note" className={`${box} border-stone-300 bg-stone-50 text-stone-800`}>
        Someone asked something very similar, so the facilitators joined the two questions: your vote and your voice count there.
      </p>
    );
  // The note as it came live, or (after a reload) as the join state carries it on my own view.
  const redactionNote = review?.redactionNote ?? q.redactionNote;
  if (q.redacted && redactionNote)
    return (
      <p data-testid="redaction-note" className={`${box} border-stone-300 bg-stone-50 text-stone-800`}>
        A facilitator edited your question. Their note: {redactionNote}
      </p>
    );
  return null;
}
