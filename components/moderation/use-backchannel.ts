'use client';
// The staff backchannel on the tab's socket: loads the newest messages after every join of the room (the socket
// is then in the moderators' room, so nothing posted after the load is missed), adds each 'backchannel:posted' as
// it comes, and posts. Messages are kept once each (a post's ack and its broadcast name the same id), oldest first.
import { useCallback, useEffect, useState } from 'react';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { emitCommand, onServerEvents } from '@/components/realtime/typed-socket';
import type { StaffMessageView } from '@/lib/backchannel/views';

/** How many messages stay on screen (the load brings the newest 100). */
const KEEP = 200;

function merged(list: StaffMessageView[], more: StaffMessageView[]): StaffMessageView[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).slice(-KEEP);
}

const NO_ANSWER = 'The server did not answer. Please try again.';

/** `joinedSeq`: the room join the console shows (RoomModel.joinedSeq); each new one loads the messages again. */
export function useBackchannel(discussionId: string, joinedSeq: number) {
  const { socket, connected } = useRealtime();
  const [messages, setMessages] = useState<StaffMessageView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  /** The latest message that arrived live (not with a load), for screen-reader announcements. */
  const [incoming, setIncoming] = useState<StaffMessageView | null>(null);

  useEffect(() => {
    if (!socket) return;
    return onServerEvents(socket, {
      'backchannel:posted': (m) => {
        if (m.discussionId !== discussionId) return;
        setMessages((list) => merged(list, [m]));
        setIncoming(m);
      },
    });
  }, [socket, discussionId]);

  useEffect(() => {
    if (!socket || joinedSeq === 0) return;
    let current = true;
    void emitCommand(socket, 'backchannel:load', { discussionId }).then((res) => {
      if (!current) return;
      if (!res) return setError(NO_ANSWER);
      if (!res.ok) return setError(res.error.message);
      setMessages((list) => merged(list, res.data));
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [socket, discussionId, joinedSeq]);

  /** Resolves true once the message is stored (and on its way to every staff member). */
  const post = useCallback(
    async (body: string): Promise<boolean> => {
      const res = await emitCommand(socket, 'backchannel:post', { discussionId, body });
      if (!res) {
        setError(connected ? NO_ANSWER : 'You are offline. Your message is still in the box: send it when the connection is back.');
        return false;
      }
      if (!res.ok) {
        setError(res.error.message);
        return false;
      }
      setError(null);
      setMessages((list) => merged(list, [res.data]));
      return true;
    },
    [socket, connected, discussionId],
  );

  return { messages, incoming, loaded, error, clearError: useCallback(() => setError(null), []), post };
}
