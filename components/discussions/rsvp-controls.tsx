'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
// Going / cancel, or join / leave the waitlist. The server decides seat or waitlist; the page re-renders.
import { useState } from 'react';
import { cancelRsvpAction, rsvpAction } from '@/app/discussions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

type Props = {
  discussionId: string;
  signedIn: boolean;
  open: boolean;
  status: 'GOING' | 'WAITLISTED' | 'CANCELLED' | null;
  waitlistPosition: number | null;
  full: boolean;
};

export function RsvpControls({ discussionId, signedIn, open, status, waitlistPosition, full }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  if (!signedIn) {
    return (
      <p className="text-sm text-stone-700">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/discussions/${discussionId}`)}`} className="font-medium text-ember-700 underline">
          Sign in
        </Link>{' '}
        to RSVP.
      </p>
    );
  }

  async function run(kind: 'go' | 'cancel') {
    setPending(true);
    setMessage(null);
    const res = kind === 'go' ? await rsvpAction({ discussionId }) : await cancelRsvpAction({ discussionId });
    setPending(false);
    if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
    const v = res.data;
    setMessage({
      tone: 'success',
      text:
        v.status === 'GOING'
          ? 'You have a seat. See you there!'
          : v.status === 'WAITLISTED'
            ? `The discussion is full: you are number ${v.waitlistPosition} on the waitlist. We will tell you here if a seat frees up.`
            : 'Your RSVP is cancelled.',
    });
    router.refresh();
  }

  const active = status === 'GOING' || status === 'WAITLISTED';
  return (
    <div className="space-y-3" data-testid="rsvp" data-status={status ?? 'NONE'}>
      <p className="text-sm font-medium text-stone-900" data-testid="rsvp-status">
        {status === 'GOING' && 'You’re going.'}
        {status === 'WAITLISTED' && `You’re on the waitlist (number ${waitlistPosition}).`}
        {!active && (open ? (full ? 'This discussion is full. You can join the waitlist.' : 'Seats are available.') : 'RSVPs are closed.')}
      </p>
      <div className="flex flex-wrap gap-2">
        {!active && open && (
          <Button onClick={() => run('go')} disabled={pending}>
            {full ? 'Join the waitlist' : 'RSVP: I’m going'}
          </Button>
        )}
        {active && (
          <Button variant="secondary" onClick={() => run('cancel')} disabled={pending}>
            {status === 'GOING' ? 'Cancel my RSVP' : 'Leave the waitlist'}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {message && (
          <Alert tone={message.tone} testId="rsvp-message">
            {message.text}
          </Alert>
        )}
      </div>
    </div>
  );
}
