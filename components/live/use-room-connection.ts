'use client';
// The room core on the client: join (with the agreement) on every (re)connection, the room's own broadcasts
// (state, presence, rights changes), and leaving when the page goes. Room features subscribe to theirs
// themselves (use-questions.ts); `onJoined` lets them act after each join (the outbox is resent then).
import { type Dispatch, useCallback, useEffect, useRef, useState } from 'react';
import type { AppClientSocket } from '@/components/realtime/realtime-provider';
import { emitCommand, onServerEvents } from '@/components/realtime/typed-socket';
import type { AppErrorBody } from '@/lib/result';
import type { RoomAction } from './room-reducer';

type JoinStatus = 'connecting' | 'agreement' | 'closed' | 'joined' | 'removed' | 'error';

export function useRoomConnection(
  socket: AppClientSocket | null,
  discussionId: string,
  dispatch: Dispatch<RoomAction>,
  setNotice: (notice: AppErrorBody | null) => void,
  onJoined: () => void,
) {
  const [status, setStatus] = useState<JoinStatus>('connecting');
  const acceptedRef = useRef(false);

  // Every join is numbered (see RoomModel.joinSeq): only the newest one's answer counts, here and in the reducer.
  const seqRef = useRef(0);

  const join = useCallback(
    async (acceptAgreement = acceptedRef.current, rightsChanged = false) => {
      const seq = ++seqRef.current;
      // On a rights change the moderator-only data leaves the screen now, not when (or if) the re-join answers.
      dispatch({ type: 'joining', seq, rightsChanged });
      const res = await emitCommand(socket, 'discussion:join', { discussionId, acceptAgreement });
      if (seq !== seqRef.current) return; // a newer join was sent: its answer decides
      // Offline or no answer: the next connection joins again; after a rights change the room stays "reconnecting".
      if (!res) return;
      if (res.ok) {
        acceptedRef.current = true;
        dispatch({ type: 'joined', seq, state: res.data });
        setStatus('joined');
        onJoined();
      } else if (res.error.code === 'agreement_required') {
        setStatus('agreement');
      } else if (res.error.code === 'room_closed') {
        setStatus('closed');
        setNotice(res.error);
      } else if (res.error.code === 'removed') {
        setStatus('removed');
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
        if (p.discussionId === discussionId) void join(acceptedRef.current, true);
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

  // The person's acceptance is remembered at once: if this join's answer is lost (the network drops), the join
  // after the reconnection still carries it instead of showing the agreement again.
  const acceptAgreement = useCallback(() => {
    acceptedRef.current = true;
    void join(true);
  }, [join]);

  return { status, join, acceptAgreement };
}
