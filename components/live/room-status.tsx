'use client';
// The room's header strip: phase and countdown (server clock), presence, connection state.
import type { RoomPhase } from '@/lib/live/phase';

function countdown(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h} h ${m} min` : `${m}:${String(sec).padStart(2, '0')}`;
}

export function RoomStatus(props: { phase: RoomPhase; msToStart: number; msToLobby: number; attendeeCount: number; connected: boolean; queued: number }) {
  const { phase, msToStart, msToLobby, attendeeCount, connected, queued } = props;
  const label =
    phase === 'scheduled'
      ? `The room opens in ${countdown(msToLobby)}`
      : phase === 'lobby'
        ? msToStart > 0
          ? `Lobby open · starts in ${countdown(msToStart)}`
          : 'Lobby open · waiting for the host to start'
        : phase === 'live'
          ? 'Live now'
          : phase === 'ended'
            ? 'This discussion has ended'
            : 'This discussion was cancelled';
  const conn = connected ? (queued > 0 ? 'sending…' : 'connected') : queued > 0 ? `offline · ${queued} queued` : 'reconnecting…';
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span
        data-testid="room-phase"
        data-phase={phase}
        className={`rounded-full px-3 py-1 font-medium ${phase === 'live' ? 'bg-red-700 text-white' : 'bg-stone-200 text-stone-800'}`}
      >
        {label}
      </span>
      <span data-testid="presence-count" className="text-stone-700">
        <span aria-hidden="true">●</span> {attendeeCount} {attendeeCount === 1 ? 'person' : 'people'} here
      </span>
      <span
        data-testid="connection"
        data-connected={connected ? 'yes' : 'no'}
        role="status"
        className={`ml-auto text-xs ${connected ? 'text-green-800' : 'text-amber-800'}`}
      >
        {conn}
      </span>
    </div>
  );
}
