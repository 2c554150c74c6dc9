'use client';
// The room core on the client: join (with the agreement) on every (re)connection, the room's own broadcasts
// (state, presence, rights changes), and leaving when the page goes. Room features subscribe to theirs
// themselves (use-questions.ts); `onJoined` lets them act after each join (the outbox is resent then).
import { type Dispatch, useCallback, useEffect, useRef, useState } from 'react';
import type { AppClientSocket } from '@/components/realtime/realtime-provider';
import { emitCommand, onServerEvents } from '@/components/realtime/typed-socket';
import type { AppErrorBody } from '@/lib/result';
import type { RoomAction } from './room-reducer';

type JoinStatus = 'connecting' | 'agreement' | 'closed' | 'joined' | 'error';

export function useRoomConnection(
  socket: AppClientSocket | null,
  discussionId: string,
  dispatch: Dispatch<RoomAction>,
  setNotice: (notice: AppErrorBody | null) => void,
  onJoined: () => void,
) {
  const [status, setStatus] = useState<JoinStatus>('connecting');
  const acceptedRef = useRef(false);

  const join = useCallback(
    async (acceptAgreement = acceptedRef.current) => {
      const res = await emitCommand(socket, 'discussion:join', { discussionId, acceptAgreement });
      if (!res) return; // offline or no answer: the next connection joins again
      if (res.ok) {
        acceptedRef.current = true;
        dispatch({ type: 'joined', state: res.data });
        setStatus('joined');
        onJoined();
      } else if (res.error.code === 'agreement_required') {
        setStatus('agreement');
      } else if (res.error.code === 'room_closed') {
        setStatus('closed');
        setNotice(res.error);
      } else {
        setStatus('error');
        setNotice(res.error);
      }
    },
    [socket, discussionId, dispatch, setNotice, onJoined],
  );

  useEffect(() => {
    if (!socket) return;
    // Every (re)connection is a new socket (the server keeps no recovery state): join again; the answer is the
    // whole room as we may now see it.
    const onConnect = () => void join();
    const unsubscribe = onServerEvents(socket, {
      'discussion:state': (p) => {
        if (p.discussionId === discussionId) dispatch({ type: 'state', status: p.status, startedAt: p.startedAt, endedAt: p.endedAt });
      },
      'discussion:rights-changed': (p) => {
        if (p.discussionId === discussionId) void join();
      },
      'presence:changed': (p) => {
        if (p.discussionId === discussionId) dispatch({ type: 'presence', count: p.count, attendees: p.attendees });
      },
    });
    socket.on('connect', onConnect);
    if (socket.connected) void join();
    return () => {
      unsubscribe();
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('discussion:leave', { discussionId }, () => {});
    };
  }, [socket, discussionId, dispatch, join]);

  return { status, join, acceptAgreement: () => void join(true) };
}
