'use client';
// One question in the live room, with the controls this person may use on it.
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { QuestionView, StaffBadge } from '@/lib/live/views';
import { QUESTION_MAX, REPLY_MAX } from '@/lib/questions/schema';
import type { RoomCommand } from './use-live-room';

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
};

const small = 'min-h-9 px-3 py-1.5 text-sm';

export function QuestionCard({ discussionId, q, mine, voted, highlighted, isMod, open, live, run }: Props) {
  const [editing, setEditing] = useState(false);
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
  async function submitReply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = String(new FormData(e.currentTarget).get('body') ?? '');
    if (!(await act('question:reply', { questionId: q.id, body }))) setReplying(false);
  }

  const who = q.author ? q.author.name : 'Anonymous';
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
            disabled={!open || busy}
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
            {q.status === 'PENDING' && <span className="rounded bg-stone-100 px-1.5 py-0.5">awaiting approval</span>}
            {q.editedAt && <span>edited</span>}
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
            <p className="whitespace-pre-wrap break-words text-stone-900" data-testid="question-body">
              {q.body}
            </p>
          )}
          {q.replies.length > 0 && (
            <ul className="space-y-1 border-l-2 border-ember-200 pl-3 text-sm">
              {q.replies.map((r) => (
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
            {mine && open && !q.answeredAt && !editing && (
              <>
                <Button type="button" variant="secondary" className={small} onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button type="button" variant="secondary" className={small} disabled={busy} onClick={() => void act('question:withdraw', { questionId: q.id })}>
                  Withdraw
                </Button>
              </>
            )}
            {isMod && !q.answeredAt && live && (
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
            {isMod && !q.answeredAt && (
              <Button type="button" variant="secondary" className={small} disabled={busy} onClick={() => void act('question:answer', { questionId: q.id })}>
                Mark answered
              </Button>
            )}
            {isMod && !replying && (
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
