// Socket edge of the care lane and member reports: each event calls one command (server/care/commands.ts,
// server/reports/commands.ts: they parse their own input and check rights on every event) and acks.
import { chooseCareOutcome, keepCareItemPrivate, publishCareItem } from '../care/commands';
import { reportQuestion } from '../reports/commands';
import type { SocketRoutes } from './handler';

export const careRoutes = {
  'question:report': reportQuestion,
  'care:publish': publishCareItem,
  'care:keep-private': keepCareItemPrivate,
  'care:choose': chooseCareOutcome,
} satisfies Partial<SocketRoutes>;
