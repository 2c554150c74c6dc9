// Socket edge of the staff backchannel and of content warnings: each event calls one use case and acks
// (server/realtime/handler.ts); the use cases parse their own input and check the rights.
import { postStaffMessage } from '../backchannel/commands';
import { listStaffMessages } from '../backchannel/queries';
import { setContentWarning } from '../warnings/commands';
import type { SocketRoutes } from './handler';

export const backchannelRoutes = {
  'backchannel:load': listStaffMessages,
  'backchannel:post': postStaffMessage,
  'question:warn': setContentWarning,
} satisfies Partial<SocketRoutes>;
