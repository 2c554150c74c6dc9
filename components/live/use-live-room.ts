'use client';
// Connects the live room to the tab's socket: join (with the agreement), apply broadcasts, resend the
// outbox after every (re)join, and expose the commands the UI needs. Identity is never sent: the server
// knows who we are from the session cookie.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { RoomState } from '@/lib/live/views';
import type { AppErrorBody } from '@/lib/result';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { addToOutbox, readOutbox, removeFromOutbox, type OutboxItem } from './outbox';
import { emptyRoom, roomReducer } from './room-reducer';

export type JoinStatus = 'connecting' | 'agreement' | 'closed' | 'joined' | 'error';
const ACK_TIMEOUT_MS = 10_000;

export function useLiveRoom(discussionId: string) {
  const { socket, connected } = useRealtime();
  const [model, dispatch] = useReducer(roomReducer, emptyRoom);
  const [status, setStatus] = useState<JoinStatus>('connecting');
  const [notice, setNotice] = useState<AppErrorBody | null>(null);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  const acceptedRef = useRef(false);

  useEffect(() => setOutbox(readOutbox(localStorage, discussionId)), [discussionId]);

  const send = useCallback(
    (item: OutboxItem) => {
      if (!socket?.connected) return;
      socket.timeout(ACK_TIMEOUT_MS).emit(
        'question:ask',
        { discussionId, id: item.id, body: item.body, anonymous: item.anonymous, contentWarning: item.contentWarning as never },
        (err, res) => {
          if (err) return; // no ack (dropped connection): it stays in the outbox and is resent after the next join
          if (res.ok) {
            dispatch({ type: 'question', question: res.data, mine: true });
            setOutbox(removeFromOutbox(localStorage, discussionId, item.id));
          } else if (res.error.code === 'rate_limited' || res.error.code === 'unavailable') {
            setNotice(res.error); // kept; retried on the next join or send
          } else {
            setOutbox(removeFromOutbox(localStorage, discussionId, item.id));
            setNotice({ ...res.error, message: `${res.error.message} Your question was: “${item.body}”` });
          }
        },
      );
    },
    [socket, discussionId],
  );

  const join = useCallback(
    (acceptAgreement = acceptedRef.current) => {
      if (!socket?.connected) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('discussion:join', { discussionId, acceptAgreement }, (err, res) => {
        if (err) return;
        if (res.ok) {
          acceptedRef.current = true;
          dispatch({ type: 'joined', state: res.data as RoomState });
          setStatus('joined');
          for (const item of readOutbox(localStorage, discussionId)) send(item);
        } else if (res.error.code === 'agreement_required') {
          setStatus('agreement');
        } else if (res.error.code === 'room_closed') {
          setStatus('closed');
          setNotice(res.error);
        } else {
          setStatus('error');
          setNotice(res.error);
        }
      });
    },
    [socket, discussionId, send],
  );

  useEffect(() => {
    if (!socket) return;
    // Every (re)connection is a new socket (the server keeps no recovery state): join again; the answer is the
    // whole room as we may now see it, and the outbox is resent after it.
    const onConnect = () => join();
    const handlers = {
      'question:asked': (q: RoomState['questions'][number]) => dispatch({ type: 'question', question: q }),
      'question:edited': (q: RoomState['questions'][number]) => dispatch({ type: 'question', question: q }),
      'question:withdrawn': ({ id }: { id: string }) => dispatch({ type: 'withdrawn', id }),
      'question:voted': ({ tallies }: { tallies: [string, number][] }) => dispatch({ type: 'tallies', tallies }),
      'question:replied': ({ questionId, reply }: { questionId: string; reply: RoomState['questions'][number]['replies'][number] }) =>
        dispatch({ type: 'reply', questionId, reply }),
      'question:highlighted': ({ questionId }: { questionId: string | null }) => dispatch({ type: 'highlight', questionId }),
      'question:answered': ({ id, answeredAt }: { id: string; answeredAt: string }) => dispatch({ type: 'answered', id, answeredAt }),
      'discussion:state': (p: { discussionId: string; status: RoomState['discussion']['status']; startedAt: string | null; endedAt: string | null }) => {
        if (p.discussionId === discussionId) dispatch({ type: 'state', status: p.status, startedAt: p.startedAt, endedAt: p.endedAt });
      },
      'discussion:rights-changed': (p: { discussionId: string }) => {
        if (p.discussionId === discussionId) join();
      },
      'presence:changed': (p: { discussionId: string; count: number; attendees?: RoomState['attendees'] }) => {
        if (p.discussionId === discussionId) dispatch({ type: 'presence', count: p.count, attendees: p.attendees });
      },
    } as const;
    const on = socket.on.bind(socket) as (e: string, f: (...a: never[]) => void) => void;
    const off = socket.off.bind(socket) as (e: string, f: (...a: never[]) => void) => void;
    for (const [event, fn] of Object.entries(handlers)) on(event, fn as never);
    socket.on('connect', onConnect);
    if (socket.connected) join();
    return () => {
      for (const [event, fn] of Object.entries(handlers)) off(event, fn as never);
      socket.off('connect', onConnect);
      if (socket.connected) socket.emit('discussion:leave', { discussionId }, () => {});
    };
  }, [socket, discussionId, join, send]);

  const ask = useCallback(
    (body: string, anonymous: boolean, contentWarning: string | null) => {
      const item: OutboxItem = { id: crypto.randomUUID(), discussionId, body, anonymous, contentWarning, queuedAt: Date.now() };
      setOutbox(addToOutbox(localStorage, item));
      setNotice(null);
      send(item);
    },
    [discussionId, send],
  );

  /** Emits a command and resolves with its error (or null); shows the error as the room notice. */
  const command = useCallback(
    (event: string, payload: unknown): Promise<AppErrorBody | null> =>
      new Promise((resolve) => {
        if (!socket?.connected) {
          const e: AppErrorBody = { code: 'unavailable', message: 'You are offline. Try again when the connection is back.' };
          setNotice(e);
          return resolve(e);
        }
        (socket.timeout(ACK_TIMEOUT_MS).emit as (e: string, p: unknown, cb: (err: Error | null, res: { ok: boolean; error?: AppErrorBody; data?: unknown }) => void) => void)(
          event,
          payload,
          (err, res) => {
            const error = err ? { code: 'unavailable' as const, message: 'The server did not answer. Please try again.' } : res.ok ? null : res.error!;
            if (error) setNotice(error);
            if (!error && res.data && typeof res.data === 'object' && 'votes' in res.data && typeof payload === 'object' && payload && 'questionId' in payload) {
              dispatch({ type: 'myVote', id: (payload as { questionId: string }).questionId, on: event === 'question:vote', votes: (res.data as { votes: number }).votes });
            }
            resolve(error);
          },
        );
      }),
    [socket],
  );

  /** Large rooms: fetches the next page of questions after those the join state held. */
  const loadMore = useCallback(() => {
    const offset = model.nextOffset;
    if (!socket?.connected || offset === null) return;
    socket.timeout(ACK_TIMEOUT_MS).emit('questions:page', { discussionId, offset }, (err, res) => {
      if (err) return setNotice({ code: 'unavailable', message: 'The server did not answer. Please try again.' });
      if (res.ok) dispatch({ type: 'page', questions: res.data.questions, nextOffset: res.data.nextOffset });
      else setNotice(res.error);
    });
  }, [socket, discussionId, model.nextOffset]);

  return { model, status, notice, setNotice, outbox, connected, join, ask, command, loadMore, acceptAgreement: () => join(true) };
}
