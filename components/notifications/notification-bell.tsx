'use client';
import Link from 'next/link';
// The header bell: unread count, updated live from `notification:created` on the user's room, and a brief
// announcement of each new notification for sighted and screen-reader users alike.
import { useEffect, useState } from 'react';
import { useRealtimeSocket } from '@/components/realtime/realtime-provider';
import type { NotificationView } from '@/lib/notifications/views';

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const socket = useRealtimeSocket();
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState<NotificationView | null>(null);

  useEffect(() => setUnread(initialUnread), [initialUnread]);

  useEffect(() => {
    if (!socket) return;
    const onCreated = ({ notification, unreadCount }: { notification: NotificationView; unreadCount: number }) => {
      setUnread(unreadCount);
      setLatest(notification);
    };
    const onRead = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    socket.on('notification:created', onCreated);
    window.addEventListener('fireside:notifications-read', onRead);
    return () => {
      socket.off('notification:created', onCreated);
      window.removeEventListener('fireside:notifications-read', onRead);
    };
  }, [socket]);

  useEffect(() => {
    if (!latest) return;
    const t = setTimeout(() => setLatest(null), 12_000);
    return () => clearTimeout(t);
  }, [latest]);

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <>
      <Link
        href="/notifications"
        aria-label={label}
        data-testid="notification-bell"
        data-unread={unread}
        className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-950"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-ember-700 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <div role="status" aria-live="polite" className="fixed bottom-4 right-4 z-50 max-w-sm">
        {latest && (
          <div data-testid="notification-toast" className="rounded-lg border border-ember-200 bg-white p-4 text-sm shadow-lg">
            <p className="font-semibold text-stone-900">{latest.title}</p>
            <p className="mt-1 text-stone-700">{latest.body}</p>
            <div className="mt-2 flex gap-3">
              {latest.link && (
                <Link href={latest.link} className="font-medium text-ember-700 underline" onClick={() => setLatest(null)}>
                  Open
                </Link>
              )}
              <button type="button" className="text-stone-600 underline" onClick={() => setLatest(null)}>
                Dismiss
              </button>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
