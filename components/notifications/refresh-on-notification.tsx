'use client';
import { useRouter } from 'next/navigation';
// Re-renders the page when a notification about this discussion arrives (e.g. a waitlist promotion), so the
// RSVP state on screen is current without a reload.
import { useEffect } from 'react';
import { useSocket } from '@/components/realtime/realtime-provider';

export function RefreshOnNotification({ discussionId }: { discussionId?: string }) {
  const socket = useSocket();
  const router = useRouter();
  useEffect(() => {
    if (!socket) return;
    const onNote = ({ notification }: { notification: { discussionId: string | null } }) => {
      if (!discussionId || notification.discussionId === discussionId) router.refresh();
    };
    socket.on('notification:created', onNote);
    return () => {
      socket.off('notification:created', onNote);
    };
  }, [socket, router, discussionId]);
  return null;
}
