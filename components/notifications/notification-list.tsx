'use client';
import Link from 'next/link';
// The notifications page's list: new ones arrive live; mark one or all as read.
import { useEffect, useState } from 'react';
import { markNotificationsReadAction } from '@/app/notifications/actions';
import { useSocket } from '@/components/realtime/realtime-provider';
import { Button } from '@/components/ui/button';
import type { NotificationView } from '@/lib/notifications/views';

function when(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

export function NotificationList({ initial, zone }: { initial: NotificationView[]; zone: string }) {
  const socket = useSocket();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    const onCreated = ({ notification }: { notification: NotificationView }) =>
      setItems((list) => (list.some((n) => n.id === notification.id) ? list : [notification, ...list]));
    socket.on('notification:created', onCreated);
    return () => {
      socket.off('notification:created', onCreated);
    };
  }, [socket]);

  async function mark(input: { ids: string[] } | { all: true }) {
    const res = await markNotificationsReadAction(input);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    const now = new Date().toISOString();
    setItems((list) => list.map((n) => ('all' in input || input.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)));
    window.dispatchEvent(new CustomEvent('fireside:notifications-read', { detail: res.data.unreadCount }));
  }

  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-stone-700" data-testid="unread-summary">
          {unread === 0 ? 'You are all caught up.' : `${unread} unread`}
        </p>
        {unread > 0 && (
          <Button variant="secondary" onClick={() => mark({ all: true })}>
            Mark all as read
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          No notifications yet. You&rsquo;ll hear here when a waitlist seat opens, a discussion you RSVPed to changes, or it is about to start.
        </p>
      ) : (
        <ul className="space-y-2" data-testid="notification-list">
          {items.map((n) => (
            <li
              key={n.id}
              data-read={n.readAt ? 'yes' : 'no'}
              className={`rounded-lg border p-4 ${n.readAt ? 'border-stone-200 bg-white' : 'border-ember-200 bg-ember-50'}`}
            >
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-semibold text-stone-900">
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    {n.link ? (
                      <Link href={n.link} className="text-stone-900 hover:text-ember-800" onClick={() => !n.readAt && void mark({ ids: [n.id] })}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  <p className="mt-1 text-sm text-stone-700">{n.body}</p>
                  <p className="mt-1 text-xs text-stone-600">
                    <time dateTime={n.createdAt}>{when(n.createdAt, zone)}</time>
                  </p>
                </div>
                {!n.readAt && (
                  <Button variant="secondary" onClick={() => mark({ ids: [n.id] })} aria-label={`Mark read: ${n.title}`}>
                    Mark read
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
