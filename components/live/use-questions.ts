'use client';
// The questions feature of the live room on the client: question broadcasts into the room's reducer, asks
// through the outbox (kept until acknowledged, resent after every join with the same id), and paging.
import { type Dispatch, useCallback, useEffect, useState } from 'react';
import type { AppClientSocket } from '@/components/realtime/realtime-provider';
import { emitCommand, onServerEvents } from '@/components/realtime/typed-socket';
import type { QuestionReviewedEvent } from '@/lib/moderation/views';
import type { CommandPayload } from '@/lib/realtime/events';
import type { AppErrorBody } from '@/lib/result';
import { addToOutbox, type OutboxItem, readOutbox, removeFromOutbox } from './outbox';
import type { RoomAction } from './room-reducer';

export const NO_ANSWER: AppErrorBody = { code: 'unavailable', message: 'The server did not answer. Please try again.' };

export function useQuestions(
  socket: AppClientSocket | null,
  discussionId: string,
  nextOffset: number | null,
  /** The join the model on screen came from: a page answers that join's list (see RoomModel.joinSeq). */
  joinedSeq: number,
  dispatch: Dispatch<RoomAction>,
  setNotice: (notice: AppErrorBody | null) => void,
) {
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  /** The last question refused because I am muted: the composer offers its text again once I may ask. */
  const [refused, setRefused] = useState<(OutboxItem & { message: string }) | null>(null);
  /** The latest review of one of my questions, for a polite notice (the details stay on the question itself). */
  const [reviewed, setReviewed] = useState<QuestionReviewedEvent | null>(null);
  /** What the facilitators decided about a question I reported (a private notice; never its text). */
  const [reportOutcome, setReportOutcome] = useState<{ questionId: string; message: string } | null>(null);

  useEffect(() => setOutbox(readOutbox(localStorage, discussionId)), [discussionId]);

  useQuestionEvents(socket, dispatch);

  useEffect(() => {
    if (!socket) return;
    return onServerEvents(socket, {
      // Moderation as the audience sees it (moderators get their own views through 'moderation:action').
      'question:approved': (q) => dispatch({ type: 'approved', question: q }),
      'question:hidden': ({ id }) => dispatch({ type: 'hidden', id }),
      'question:redacted': (q) => dispatch({ type: 'redacted', question: q }),
      'question:merged': ({ id, intoId, votes }) => dispatch({ type: 'merged', id, intoId, votes }),
      'moderation:action': ({ question }) => {
        if (question) dispatch({ type: 'question', question });
      },
      // To me alone: what happened to my question and why; my own mute or removal.
      'question:reviewed': (event) => {
        dispatch({ type: 'reviewed', event });
        setReviewed(event);
      },
      'participant:sanctioned': ({ discussionId: about, ...notice }) => {
        if (about === discussionId) dispatch({ type: 'sanctioned', notice });
      },
      'report:outcome': ({ discussionId: about, questionId, message }) => {
        if (about === discussionId) setReportOutcome({ questionId, message });
      },
    });
  }, [socket, discussionId, dispatch]);

  const send = useCallback(
    async (item: OutboxItem) => {
      // The outbox stores what the composer offered; the server validates it like any other payload.
      const contentWarning = item.contentWarning as CommandPayload<'question:ask'>['contentWarning'];
      const res = await emitCommand(socket, 'question:ask', { discussionId, id: item.id, body: item.body, anonymous: item.anonymous, contentWarning });
      if (!res) return; // offline or no ack (dropped connection): it stays in the outbox and is resent after the next join
      if (res.ok) {
        dispatch({ type: 'question', question: res.data, mine: true });
        setOutbox(removeFromOutbox(localStorage, discussionId, item.id));
      } else if (res.error.code === 'rate_limited' || res.error.code === 'unavailable') {
        setNotice(res.error); // kept; retried on the next join or send
      } else if (res.error.code === 'muted' || res.error.code === 'removed') {
        // Refused for now: the composer says why and until when; the text goes back into it, nothing is lost.
        setOutbox(removeFromOutbox(localStorage, discussionId, item.id));
        const kind = res.error.code === 'muted' ? 'mute' : 'remove';
        dispatch({ type: 'sanctioned', notice: { kind, until: res.error.until ?? null, reason: null } });
        setRefused({ ...item, message: res.error.message });
      } else {
        setOutbox(removeFromOutbox(localStorage, discussionId, item.id));
        setNotice({ ...res.error, message: `${res.error.message} Your question was: “${item.body}”` });
      }
    },
    [socket, discussionId, dispatch, setNotice],
  );

  /** After every join: what the server has not acknowledged yet is sent again (same ids, stored once). */
  const resendOutbox = useCallback(() => {
    for (const item of readOutbox(localStorage, discussionId)) void send(item);
  }, [discussionId, send]);

  const ask = useCallback(
    (body: string, anonymous: boolean, contentWarning: string | null) => {
      const item: OutboxItem = { id: crypto.randomUUID(), discussionId, body, anonymous, contentWarning, queuedAt: Date.now() };
      setOutbox(addToOutbox(localStorage, item));
      setNotice(null);
      void send(item);
    },
    [discussionId, send, setNotice],
  );

  /** Large rooms: fetches the next page of questions after those the join state held. */
  const loadMore = useCallback(async () => {
    if (!socket?.connected || nextOffset === null) return;
    const res = await emitCommand(socket, 'questions:page', { discussionId, offset: nextOffset });
    if (!res) return setNotice(NO_ANSWER);
    if (res.ok) dispatch({ type: 'page', joinSeq: joinedSeq, questions: res.data.questions, nextOffset: res.data.nextOffset });
    else setNotice(res.error);
  }, [socket, discussionId, nextOffset, joinedSeq, dispatch, setNotice]);

  return {
    outbox,
    resendOutbox,
    ask,
    loadMore,
    refused,
    clearRefused: useCallback(() => setRefused(null), []),
    reviewed,
    clearReviewed: useCallback(() => setReviewed(null), []),
    reportOutcome,
    clearReportOutcome: useCallback(() => setReportOutcome(null), []),
  };
}

/** The question broadcasts every view of the room applies the same way (the member room and the console). */
export function useQuestionEvents(socket: AppClientSocket | null, dispatch: Dispatch<RoomAction>) {
  useEffect(() => {
    if (!socket) return;
    return onServerEvents(socket, {
      'question:asked': (q) => dispatch({ type: 'question', question: q }),
      'question:edited': (q) => dispatch({ type: 'question', question: q }),
      'question:withdrawn': ({ id }) => dispatch({ type: 'withdrawn', id }),
      'question:voted': ({ tallies }) => dispatch({ type: 'tallies', tallies }),
      'question:replied': ({ questionId, reply }) => dispatch({ type: 'reply', questionId, reply }),
      'question:highlighted': ({ questionId }) => dispatch({ type: 'highlight', questionId }),
      'question:answered': ({ id, answeredAt }) => dispatch({ type: 'answered', id, answeredAt }),
      'question:unanswered': ({ id }) => dispatch({ type: 'unanswered', id }),
    });
  }, [socket, dispatch]);
}
