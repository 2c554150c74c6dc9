'use client';
// The live room: one page for members and staff; what each may do follows the role the server reports.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useServerNow } from '@/components/time/use-server-clock';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { CareResourceList } from '@/lib/care/views';
import { msUntilLobby, roomPhase } from '@/lib/live/phase';
import type { QuestionReviewedEvent } from '@/lib/moderation/views';
import { AgreementGate } from './agreement-gate';
import { CareSupport } from './care-support';
import { Composer } from './composer';
import { QuestionCard } from './question-card';
import { type SortMode, sortedQuestions } from './room-reducer';
import { RoomStatus } from './room-status';
import { useLiveRoom } from './use-live-room';
import { WarnedContent } from './warned-content';

type Props = {
  discussionId: string;
  title: string;
  agreementText: string;
  startsAt: string;
  anonymousDefault: boolean;
  serverTimeAtRender: number;
  /** Crisis resources for the support message a person sees when their question is in the care lane. */
  careResources: CareResourceList;
};

/** What the author is told, politely, when the facilitators act on their question (details stay on the question). */
const REVIEWED: Record<QuestionReviewedEvent['action'], string> = {
  approved: 'Your question was approved: the room can see it now.',
  rejected: 'The facilitators did not put your question to the room. Their note is with your question.',
  hidden: 'A facilitator took your question out of the room for now.',
  restored: 'Your question is back in the room.',
  redacted: 'A facilitator edited your question before the room saw it. Their note is with your question.',
  merged: 'Your question was joined with a very similar one: your voice counts there.',
  revealed: 'A facilitator looked at who asked your anonymous question.',
  care: 'Your question is now with the facilitators only. They will reply to you privately, right here.',
  care_published: 'A facilitator shared a version of your question with the room, without the personal details.',
};

/** "4 min 05 s" / "45 s": how long a mute still lasts, by the server's clock. */
function timeLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

const TABS: { mode: SortMode; label: string }[] = [
  { mode: 'top', label: 'Top' },
  { mode: 'new', label: 'New' },
  { mode: 'answered', label: 'Answered' },
];

export function LiveRoom({ discussionId, title, agreementText, startsAt, anonymousDefault, serverTimeAtRender, careResources }: Props) {
  const room = useLiveRoom(discussionId);
  const now = useServerNow(serverTimeAtRender, 1000);
  const d = room.model.room?.discussion;
  const status = d?.status ?? 'SCHEDULED';
  const times = { status, startsAt: new Date(d?.startsAt ?? startsAt) };
  const phase = roomPhase(times, now);
  const role = room.model.room?.role ?? 'member';
  const isMod = role !== 'member';
  const canHost = role === 'host' || role === 'admin';
  const open = room.status === 'joined' && (phase === 'lobby' || phase === 'live');
  const [sort, setSort] = useState<SortMode>('top');
  const [tabChosen, setTabChosen] = useState(false);
  const shownSort: SortMode = !tabChosen && phase === 'ended' ? 'answered' : sort;
  const list = sortedQuestions(room.model, shownSort);
  const highlighted = room.model.highlight ? room.model.questions[room.model.highlight] : undefined;
  const sanction = room.model.sanction;
  const removed = room.status === 'removed' || sanction?.kind === 'remove';
  // A mute ends by the server's clock (F12): the composer opens again by itself when it has run out.
  const mutedMs = sanction?.kind === 'mute' ? (sanction.until ? new Date(sanction.until).getTime() - now.getTime() : Number.POSITIVE_INFINITY) : 0;
  const muted = mutedMs > 0;

  // Too early: try again as soon as the lobby opens by the server's clock.
  const { status: joinStatus, join } = room;
  useEffect(() => {
    if (joinStatus === 'closed' && phase === 'lobby') join();
  }, [joinStatus, phase, join]);

  return (
    <div className="space-y-5" data-testid="live-room" data-join-status={room.status}>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold text-stone-900">{title}</h1>
        <RoomStatus
          phase={phase}
          msToStart={times.startsAt.getTime() - now.getTime()}
          msToLobby={msUntilLobby(times, now)}
          attendeeCount={room.model.attendeeCount}
          connected={room.connected}
          queued={room.outbox.length}
        />
      </header>

      <div aria-live="polite" aria-atomic="true" data-testid="highlight-banner">
        {highlighted && (
          <div className="rounded-lg bg-ember-800 p-4 text-white shadow">
            <p className="text-xs font-semibold uppercase tracking-wide text-ember-100">Answering now</p>
            <WarnedContent warning={highlighted.contentWarning} open={isMod || room.model.mine.includes(highlighted.id)}>
              <p className="mt-1 whitespace-pre-wrap break-words text-lg">{highlighted.body}</p>
            </WarnedContent>
          </div>
        )}
      </div>

      {room.notice && !removed && (
        <div className="flex items-start gap-3">
          <div className="flex-1">
            <Alert tone="error" testId="room-notice">
              {room.notice.message}
            </Alert>
          </div>
          <Button type="button" variant="secondary" onClick={() => room.setNotice(null)} aria-label="Dismiss message">
            ×
          </Button>
        </div>
      )}

      {room.status === 'joined' && !removed && Object.values(room.model.questions).some((q) => q.status === 'CARE' && room.model.mine.includes(q.id)) && (
        <CareSupport resources={careResources} />
      )}

      {room.reportOutcome && !removed && (
        <div className="flex items-start gap-3" data-testid="report-outcome">
          <div className="flex-1 rounded-md border border-stone-300 bg-stone-50 px-4 py-3 text-sm text-stone-900" role="status">
            {room.reportOutcome.message}
          </div>
          <Button type="button" variant="secondary" onClick={room.clearReportOutcome} aria-label="Dismiss this notice">
            ×
          </Button>
        </div>
      )}

      {room.reviewed && !removed && (
        <div className="flex items-start gap-3" data-testid="review-notice">
          <div className="flex-1 rounded-md border border-ember-200 bg-ember-50 px-4 py-3 text-sm text-ember-900" role="status">
            {REVIEWED[room.reviewed.action]}
            {room.reviewed.action === 'revealed' && room.reviewed.message ? ` ${room.reviewed.message}` : ''}
          </div>
          <Button type="button" variant="secondary" onClick={room.clearReviewed} aria-label="Dismiss this notice">
            ×
          </Button>
        </div>
      )}

      {removed && (
        <section data-testid="room-removed" aria-labelledby="removed-title" className="space-y-2 rounded-lg border border-stone-300 bg-stone-100 p-5">
          <h2 id="removed-title" className="text-lg font-semibold text-stone-900">
            You can no longer take part in this discussion
          </h2>
          <p className="text-stone-800">The facilitators removed you from this discussion&rsquo;s room. You cannot rejoin it.</p>
          {sanction?.reason ? (
            <p className="text-stone-800">Their reason: {sanction.reason}</p>
          ) : (
            room.notice && <p className="text-stone-800">{room.notice.message}</p>
          )}
          <p>
            <Link href="/discussions" className="text-ember-700 underline">
              Back to all discussions
            </Link>
          </p>
        </section>
      )}

      {room.status === 'connecting' && <p className="text-stone-700">Connecting to the room…</p>}
      {room.status === 'agreement' && <AgreementGate text={agreementText} onAccept={room.acceptAgreement} />}
      {room.status === 'joined' && room.model.rejoining && (
        // Our rights here changed: until the re-join answers (or if it never does) only the audience's view shows.
        <div role="status" data-testid="room-rejoining" className="flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-900">
          <span className="flex-1">Your rights in this room changed. Reconnecting to the room…</span>
          <Button type="button" variant="secondary" onClick={() => void room.join()}>
            Try again
          </Button>
        </div>
      )}

      {room.status === 'joined' && !removed && (
        <>
          {d?.moderationMode === 'PRE' && (
            <Alert tone="info" testId="pre-moderation-notice">
              Questions are reviewed by the facilitators before they appear.
            </Alert>
          )}
          {isMod && (
            <p>
              <Link
                href={`/discussions/${discussionId}/moderate`}
                className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
              >
                Open the facilitator console
              </Link>
            </p>
          )}
          {canHost && (phase === 'lobby' || phase === 'live') && (
            <fieldset className="flex min-w-0 flex-wrap gap-2 rounded-lg border border-stone-200 bg-stone-100 p-3" aria-label="Host controls">
              {phase === 'lobby' && (
                <Button type="button" onClick={() => void room.command('discussion:start', { discussionId })}>
                  Start the discussion
                </Button>
              )}
              {phase === 'live' && (
                <Button type="button" variant="danger" onClick={() => void room.command('discussion:end', { discussionId })}>
                  End the discussion
                </Button>
              )}
            </fieldset>
          )}
          {phase === 'ended' && (
            <Alert tone="info">
              This discussion has ended and the room is read-only. Here is what was answered.
              {canHost && (
                <>
                  {' '}
                  <Link href={`/discussions/${discussionId}/recap`} className="font-medium underline" data-testid="recap-draft-link">
                    Open the recap draft
                  </Link>
                </>
              )}
            </Alert>
          )}
          {open && (
            <Composer
              key={room.refused?.id ?? 'new'}
              anonymousDefault={room.refused?.anonymous ?? d?.anonymousDefault ?? anonymousDefault}
              initialBody={room.refused?.body}
              disabled={!open}
              onAsk={(body, anonymous, cw) => {
                room.clearRefused();
                room.ask(body, anonymous, cw);
              }}
              blockedBy={
                muted ? (
                  <>
                    <p className="font-medium">
                      {Number.isFinite(mutedMs)
                        ? `A facilitator paused your questions for a while: you can ask again in ${timeLeft(mutedMs)}.`
                        : 'A facilitator paused your questions until the end of this discussion.'}
                    </p>
                    {sanction?.reason ? (
                      <p className="mt-1">Their reason: {sanction.reason}</p>
                    ) : (
                      room.refused && <p className="mt-1">{room.refused.message}</p>
                    )}
                    <p className="mt-1">You can still read along{room.refused ? '; your question is kept here for when you can send it' : ''}.</p>
                  </>
                ) : undefined
              }
            />
          )}

          {room.outbox.length > 0 && (
            <ul className="space-y-2" aria-label="Questions being sent">
              {room.outbox.map((item) => (
                <li key={item.id} data-testid="outbox-item" className="rounded-lg border border-dashed border-stone-300 bg-white/60 p-3 text-stone-700">
                  <span className="mr-2 text-xs font-medium uppercase text-stone-500">sending…</span>
                  <span className="whitespace-pre-wrap break-words">{item.body}</span>
                </li>
              ))}
            </ul>
          )}

          <div role="tablist" aria-label="Sort questions" className="flex gap-1 border-b border-stone-200">
            {TABS.map((t) => (
              <button
                key={t.mode}
                role="tab"
                type="button"
                aria-selected={shownSort === t.mode}
                onClick={() => {
                  setSort(t.mode);
                  setTabChosen(true);
                }}
                className={`-mb-px min-h-11 border-b-2 px-4 text-sm font-medium ${shownSort === t.mode ? 'border-ember-700 text-ember-800' : 'border-transparent text-stone-600 hover:text-stone-900'}`}
              >
                {t.label}
              </button>
            ))}
          </div>
          {list.length === 0 ? (
            <p className="text-stone-600">{shownSort === 'answered' ? 'No questions answered yet.' : 'No questions yet. Be the first to ask.'}</p>
          ) : (
            <ul className="space-y-3" data-testid="question-list">
              {list.map((q) => (
                <QuestionCard
                  key={q.id}
                  discussionId={discussionId}
                  q={q}
                  mine={room.model.mine.includes(q.id)}
                  voted={room.model.myVotes.includes(q.id)}
                  highlighted={room.model.highlight === q.id}
                  isMod={isMod}
                  open={open}
                  live={phase === 'live'}
                  run={room.command}
                  review={room.model.reviews[q.id]}
                />
              ))}
            </ul>
          )}

          {room.model.nextOffset !== null && shownSort !== 'answered' && (
            <Button type="button" variant="secondary" onClick={room.loadMore} data-testid="more-questions">
              Show more questions ({room.model.room?.questionCount ?? 0} in all)
            </Button>
          )}

          {isMod && room.model.attendees && (
            <details className="rounded-lg border border-stone-200 bg-white p-4">
              <summary className="cursor-pointer font-medium">Attendees ({room.model.attendees.length})</summary>
              <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="attendee-list">
                {room.model.attendees.map((a) => (
                  <li key={a.userId}>
                    {a.name}{' '}
                    <span className="text-stone-500">joined {new Date(a.joinedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
