'use client';
// The live room on the tab's socket: one reducer for the room model, fed by a hook per feature (the room core's
// connection, questions), and one typed way to send the room's commands. Identity is never sent: the server
// knows who we are from the session cookie.
import { useCallback, useReducer, useState } from 'react';
import { useRealtime } from '@/components/realtime/realtime-provider';
import { emitCommand } from '@/components/realtime/typed-socket';
import type { CommandData, CommandName, CommandPayload } from '@/lib/realtime/events';
import type { AppErrorBody } from '@/lib/result';
import { emptyRoom, roomReducer } from './room-reducer';
import { NO_ANSWER, useQuestions } from './use-questions';
import { useRoomConnection } from './use-room-connection';

/** Sends one of the room's commands; resolves with its error (or null) and shows the error as the room notice. */
export type RoomCommand = <E extends CommandName>(event: E, payload: CommandPayload<E>) => Promise<AppErrorBody | null>;

const OFFLINE: AppErrorBody = { code: 'unavailable', message: 'You are offline. Try again when the connection is back.' };

export function useLiveRoom(discussionId: string) {
  const { socket, connected } = useRealtime();
  const [model, dispatch] = useReducer(roomReducer, emptyRoom);
  const [notice, setNotice] = useState<AppErrorBody | null>(null);

  const questions = useQuestions(socket, discussionId, model.nextOffset, model.joinedSeq, dispatch, setNotice);
  const connection = useRoomConnection(socket, discussionId, dispatch, setNotice, questions.resendOutbox);

  const command: RoomCommand = useCallback(
    async (event, payload) => {
      if (!socket?.connected) {
        setNotice(OFFLINE);
        return OFFLINE;
      }
      const res = await emitCommand(socket, event, payload);
      const error = !res ? NO_ANSWER : res.ok ? null : res.error;
      if (error) setNotice(error);
      // A vote's ack carries the new count: our own vote shows at once, before the coalesced tally arrives.
      if (res?.ok && (event === 'question:vote' || event === 'question:unvote')) {
        const { questionId } = payload as CommandPayload<'question:vote'>;
        dispatch({ type: 'myVote', id: questionId, on: event === 'question:vote', votes: (res.data as { votes: number }).votes });
      }
      // My edited or resubmitted question shows as the server stored it (awaiting review again) at once.
      if (res?.ok && (event === 'question:edit' || event === 'question:resubmit')) {
        dispatch({ type: 'question', question: res.data as CommandData<'question:resubmit'>, mine: true });
      }
      // A facilitator's approval from the room: the moderator view it answers with.
      if (res?.ok && event === 'question:approve') dispatch({ type: 'question', question: res.data as CommandData<'question:approve'> });
      if (!res?.ok && res?.error.code === 'muted') dispatch({ type: 'sanctioned', notice: { kind: 'mute', until: res.error.until ?? null, reason: null } });
      return error;
    },
    [socket],
  );

  return {
    model,
    status: connection.status,
    notice,
    setNotice,
    outbox: questions.outbox,
    refused: questions.refused,
    clearRefused: questions.clearRefused,
    reviewed: questions.reviewed,
    clearReviewed: questions.clearReviewed,
    reportOutcome: questions.reportOutcome,
    clearReportOutcome: questions.clearReportOutcome,
    connected,
    join: connection.join,
    ask: questions.ask,
    command,
    loadMore: questions.loadMore,
    acceptAgreement: connection.acceptAgreement,
  };
}
