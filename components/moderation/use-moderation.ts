'use client';
// The console on the tab's socket: it joins the room like the live room does (a moderator's join answers with
// moderator views), loads `moderation:state` after every join, and applies the room's question broadcasts and
// the moderators' `moderation:action` events. Every action goes through `act`, which sends the question's
// version and turns a `conflict` into the current state plus a kind message.
import { useCallback, useEffect, useReducer, useState } from 'react';
import { emptyRoom, roomReducer } from '@/components/live/room-reducer';
import { NO_ANSWER, useQuestionEvents } from '@/components/live/use-questions';
import { useRoomConnection } from '@/components/live/use-room-connection';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { emitCommand, onServerEvents } from '@/components/realtime/typed-socket';
import type { QuestionView } from '@/lib/live/views';
import type { CommandData, CommandName, CommandPayload } from '@/lib/realtime/events';
import type { AppErrorBody } from '@/lib/result';
import { conflictMessage, consoleReducer, emptyConsole } from './console-model';

export type ConsoleMessage = { tone: 'error' | 'info'; text: string };

/** Sends one command; resolves with its ack's data (`{ data }`), or null after showing why it did not happen. */
export type ConsoleCommand = <E extends CommandName>(event: E, payload: CommandPayload<E>) => Promise<{ data: CommandData<E> } | null>;

const isQuestionView = (x: unknown): x is QuestionView =>
  !!x && typeof x === 'object' && typeof (x as QuestionView).id === 'string' && typeof (x as QuestionView).status === 'string';

export function useModeration(discussionId: string, me: { id: string; name: string }) {
  const { socket, connected } = useRealtime();
  const [room, dispatch] = useReducer(roomReducer, emptyRoom);
  const [mod, dispatchMod] = useReducer(consoleReducer, emptyConsole);
  const [notice, setNotice] = useState<AppErrorBody | null>(null);
  const [message, setMessage] = useState<ConsoleMessage | null>(null);
  const [forbidden, setForbidden] = useState(false);
  /** Grows with every conflict answer: the console closes an open dialog (it was about a state that is gone). */
  const [conflicts, setConflicts] = useState(0);

  const loadState = useCallback(async () => {
    const res = await emitCommand(socket, 'moderation:state', { discussionId });
    if (!res) return setNotice(NO_ANSWER);
    if (res.ok) {
      setForbidden(false);
      dispatchMod({ type: 'state', state: res.data });
    } else if (res.error.code === 'forbidden') setForbidden(true);
    else setNotice(res.error);
  }, [socket, discussionId]);

  useQuestionEvents(socket, dispatch);
  const connection = useRoomConnection(socket, discussionId, dispatch, setNotice, loadState);

  useEffect(() => {
    if (!socket) return;
    return onServerEvents(socket, {
      'moderation:action': (event) => {
        if (event.question) dispatch({ type: 'question', question: event.question });
        dispatchMod({ type: 'event', event });
      },
    });
  }, [socket]);

  const act: ConsoleCommand = useCallback(
    async (event, payload) => {
      const res = await emitCommand(socket, event, payload);
      if (!res) {
        setMessage({ tone: 'error', text: connected ? NO_ANSWER.message : 'You are offline. Try again when the connection is back.' });
        return null;
      }
      if (res.ok) {
        setMessage(null);
        if (isQuestionView(res.data)) dispatch({ type: 'question', question: res.data });
        return { data: res.data };
      }
      const questionId = (payload as { questionId?: unknown }).questionId;
      if (res.error.code === 'conflict') {
        // Someone else was first: show the question as it is now, and say so kindly.
        const current = isQuestionView(res.error.current) ? res.error.current : null;
        if (current) dispatch({ type: 'question', question: current });
        // The server names who acted first ("Sam rejected this question a moment ago"); the feed is the fallback.
        const text = res.error.message || conflictMessage(current, mod.feed, me.id, typeof questionId === 'string' ? questionId : '');
        setMessage({ tone: 'info', text });
        setConflicts((n) => n + 1);
      } else {
        if (res.error.code === 'forbidden') setForbidden(true);
        setMessage({ tone: 'error', text: res.error.message });
      }
      return null;
    },
    [socket, connected, mod.feed, me.id],
  );

  return { room, mod, dispatchMod, status: connection.status, notice, message, setMessage, forbidden, conflicts, connected, act };
}
