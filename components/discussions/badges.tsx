// Small status labels for discussions; text first, colour second.
import type { ReactNode } from 'react';
import type { DiscussionStatus } from '@/lib/discussions/schema';

const tones = {
  neutral: 'border-stone-300 bg-stone-100 text-stone-800',
  ember: 'border-ember-200 bg-ember-50 text-ember-800',
  green: 'border-green-300 bg-green-50 text-green-900',
  red: 'border-red-300 bg-red-50 text-red-900',
  blue: 'border-sky-300 bg-sky-50 text-sky-900',
} as const;

export function Badge({ tone = 'neutral', children, testId }: { tone?: keyof typeof tones; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}

type StatusProps = {
  status: DiscussionStatus;
  phase?: string;
  visibility?: 'PUBLIC' | 'MEMBERS';
  myRsvp?: 'GOING' | 'WAITLISTED' | null;
  series?: boolean;
};

export function DiscussionBadges({ status, phase, visibility, myRsvp, series }: StatusProps) {
  const any = status === 'CANCELLED' || status === 'LIVE' || phase === 'live' || phase === 'lobby' || visibility === 'MEMBERS' || series || !!myRsvp;
  if (!any) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {status === 'CANCELLED' && <Badge tone="red">Cancelled</Badge>}
      {(status === 'LIVE' || phase === 'live') && <Badge tone="green">Live now</Badge>}
      {phase === 'lobby' && status !== 'LIVE' && <Badge tone="green">Room open</Badge>}
      {visibility === 'MEMBERS' && <Badge>Members only</Badge>}
      {series && <Badge tone="blue">Series</Badge>}
      {myRsvp === 'GOING' && <Badge tone="ember">You&rsquo;re going</Badge>}
      {myRsvp === 'WAITLISTED' && <Badge tone="ember">You&rsquo;re on the waitlist</Badge>}
    </span>
  );
}

export function seatsText(going: number, capacity: number | null): string {
  if (capacity === null) return `${going} going, no seat limit`;
  if (going >= capacity) return `Full (${capacity} seats), waitlist open`;
  return `${capacity - going} of ${capacity} seats free`;
}
