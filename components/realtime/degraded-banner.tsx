'use client';
// For staff: a banner while the node this tab is connected to runs degraded (scale mode, Redis unreachable). It
// says what still works and what does not, and goes away by itself when the node recovers or the tab reconnects
// to a healthy node.
import { useEffect, useState } from 'react';
import { useRealtimeSocket } from './realtime-provider';
import { onServerEvents } from './typed-socket';

export function DegradedBanner() {
  const socket = useRealtimeSocket();
  const [degraded, setDegraded] = useState(false);

  useEffect(() => {
    if (!socket) return;
    // A new connection may reach another node: the banner shows again only if that node says so.
    const reset = () => setDegraded(false);
    socket.on('connect', reset);
    const off = onServerEvents(socket, { 'system:degraded': (p) => setDegraded(p.degraded) });
    return () => {
      socket.off('connect', reset);
      off();
    };
  }, [socket]);

  if (!degraded) return null;
  return (
    <div role="status" data-testid="degraded-banner" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">Some live updates are delayed.</p>
      <p>
        Part of our system is having trouble. People connected through this server still see each other’s questions; others may not until it recovers, which
        happens on its own. Nothing anyone has sent is lost.
      </p>
    </div>
  );
}
