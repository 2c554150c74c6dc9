'use client';
// The staff backchannel in the console (issue 10 item 5): a chat for the discussion's hosts, facilitators and
// moderating admins, clearly marked as private. Messages show who wrote them (with their staff badge) and when;
// Enter sends, Shift+Enter starts a new line; new messages from others are announced to screen readers.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { STAFF_MESSAGE_MAX } from '@/lib/backchannel/limits';
import type { StaffMessageView } from '@/lib/backchannel/views';
import type { StaffBadge } from '@/lib/live/views';
import { useBackchannel } from './use-backchannel';

const BADGE_LABEL: Record<StaffBadge, string> = { host: 'Host', facilitator: 'Facilitator', admin: 'Admin' };

type Props = {
  discussionId: string;
  me: { id: string; name: string };
  /** The room join the console shows: each new one loads the messages again (nothing missed while away). */
  joinedSeq: number;
};

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function Message({ m, mine }: { m: StaffMessageView; mine: boolean }) {
  return (
    <li data-testid="backchannel-message" className={`rounded-md px-2 py-1.5 ${mine ? 'bg-white' : 'bg-indigo-100/60'}`}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-stone-700">
        <span className="font-semibold text-stone-900" data-testid="backchannel-author">
          {mine ? 'You' : m.author.name}
        </span>
        {m.author.badge && (
          <span className="rounded bg-indigo-200 px-1.5 py-0.5 text-xs font-semibold text-indigo-950" data-testid="backchannel-badge">
            {BADGE_LABEL[m.author.badge]}
          </span>
        )}
        <time dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString()}>
          {clock(m.createdAt)}
        </time>
      </p>
      <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-stone-900" data-testid="backchannel-body">
        {m.body}
      </p>
    </li>
  );
}

export function Backchannel({ discussionId, me, joinedSeq }: Props) {
  const chat = useBackchannel(discussionId, joinedSeq);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the newest message in view.
  const count = chat.messages.length;
  useEffect(() => {
    const list = listRef.current;
    if (list && count > 0) list.scrollTop = list.scrollHeight;
  }, [count]);
  // Messages from others that arrive live are announced (not those a load brings back).
  const { incoming } = chat;
  const announce = incoming && incoming.author.id !== me.id ? `Staff message from ${incoming.author.name}: ${incoming.body}` : '';

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const body = draft.trim();
    if (!body || sending) return;
    setSending(true);
    const done = await chat.post(body);
    setSending(false);
    if (done) setDraft('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <section aria-labelledby="backchannel-title" data-testid="backchannel" className="space-y-2 rounded-lg border-2 border-indigo-300 bg-indigo-50 p-3">
      <div>
        <h2 id="backchannel-title" className="font-semibold text-stone-900">
          Staff backchannel
        </h2>
        <p className="flex items-start gap-1.5 text-sm font-medium text-indigo-900" data-testid="backchannel-private">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0 fill-current">
            <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
          </svg>
          <span>Private to staff — the room never sees this</span>
        </p>
      </div>
      {chat.messages.length === 0 ? (
        <p className="text-sm text-stone-700">{chat.loaded ? 'No messages yet. Only the hosts and facilitators can read what you write here.' : 'Loading…'}</p>
      ) : (
        // Focusable so keyboard users can scroll back through the messages.
        <ol
          ref={listRef}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1; axe scrollable-region-focusable)
          tabIndex={0}
          aria-label="Staff messages"
          data-testid="backchannel-messages"
          className="max-h-72 space-y-1.5 overflow-y-auto rounded-md"
        >
          {chat.messages.map((m) => (
            <Message key={m.id} m={m} mine={m.author.id === me.id} />
          ))}
        </ol>
      )}
      <p className="sr-only" aria-live="polite" data-testid="backchannel-announcer">
        {announce}
      </p>
      <form onSubmit={send} className="space-y-1.5">
        <label htmlFor="backchannel-input" className="block text-sm font-medium text-stone-800">
          Message to staff
        </label>
        <textarea
          id="backchannel-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          maxLength={STAFF_MESSAGE_MAX}
          rows={2}
          aria-describedby="backchannel-hint backchannel-error"
          aria-invalid={chat.error ? true : undefined}
          className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-200"
        />
        <p id="backchannel-hint" className="text-xs text-stone-700">
          Enter sends · Shift+Enter for a new line
        </p>
        {chat.error && (
          <p id="backchannel-error" role="alert" className="text-sm font-medium text-red-700">
            {chat.error}
          </p>
        )}
        <Button type="submit" disabled={sending || !draft.trim()} className="w-full min-h-11">
          {sending ? 'Sending…' : 'Send to staff'}
        </Button>
      </form>
    </section>
  );
}
