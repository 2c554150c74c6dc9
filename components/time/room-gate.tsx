'use client';
// "Starts in …" and the "Join the room" link, both by the server's clock (F23): the link appears when the
// room's phase (lib/live/phase.ts) is lobby or live, whatever the device clock says.
import Link from 'next/link';
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { type RoomPhase, roomPhase } from '@/lib/live/phase';
import { relativeTo } from '@/lib/time/server-clock';
import { useServerNow } from './use-server-clock';

type Props = {
  discussionId: string;
  startsAt: string;
  status: DiscussionStatus;
  serverTime: number;
};

/** Further ahead than this, the date says enough. */
const COUNTDOWN_WITHIN_MS = 14 * 86_400_000;

const phaseText: Record<RoomPhase, string> = {
  scheduled: '',
  lobby: 'The room is open.',
  live: 'Live now.',
  ended: 'This discussion has ended.',
  cancelled: 'This discussion was cancelled.',
};

export function RoomGate({ discussionId, startsAt, status, serverTime }: Props) {
  const now = useServerNow(serverTime);
  const start = new Date(startsAt);
  const phase = roomPhase({ status, startsAt: start }, now);
  const open = phase === 'lobby' || phase === 'live';
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="room-gate" data-phase={phase}>
      {(phase === 'scheduled' || phase === 'lobby') && start.getTime() - now.getTime() < COUNTDOWN_WITHIN_MS && (
        <p className="text-sm font-medium text-stone-800" data-testid="starts-in">
          {start.getTime() > now.getTime() ? `Starts ${relativeTo(start, now)}` : 'Starting now'}
        </p>
      )}
      {phaseText[phase] && <p className="text-sm text-stone-700">{phaseText[phase]}</p>}
      {open && (
        <Link
          href={`/discussions/${discussionId}/live`}
          className="inline-flex min-h-10 items-center rounded-md bg-green-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-green-800"
        >
          Join the room
        </Link>
      )}
    </div>
  );
}
