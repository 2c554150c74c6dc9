'use client';
// The server's clock in the browser (F23). Starts from the time the page was rendered on the server, then
// refines it with `time:sync` over the socket (signed-in tabs). The device clock is only used to measure
// elapsed time, never as the time itself.
import { useEffect, useState } from 'react';
import { useSocket } from '@/components/realtime/realtime-provider';
import { clockOffset, serverNow } from '@/lib/time/server-clock';

export function useServerNow(serverTimeAtRender: number, tickMs = 15_000): Date {
  const socket = useSocket();
  const [offset, setOffset] = useState<number | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    setOffset((o) => o ?? serverTimeAtRender - Date.now());
  }, [serverTimeAtRender]);

  useEffect(() => {
    if (!socket) return;
    const sync = () => {
      const sentAt = Date.now();
      socket.emit('time:sync', {}, (res) => {
        if (res.ok) setOffset(clockOffset(res.data.serverTime, sentAt, Date.now()));
      });
    };
    if (socket.connected) sync();
    socket.on('connect', sync);
    return () => {
      socket.off('connect', sync);
    };
  }, [socket]);

  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(t);
  }, [tickMs]);

  // Before the first effect runs (server render and hydration) the render-time clock is the answer.
  return offset === null ? new Date(serverTimeAtRender) : serverNow(Date.now(), offset);
}
