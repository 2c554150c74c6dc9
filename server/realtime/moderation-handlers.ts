// Socket edge of the moderation queue: each event calls one command (server/moderation/commands.ts, which
// parses its own input and checks the moderator's rights on every event) and acks (server/realtime/handler.ts).
import {
  approveQuestion,
  banParticipant,
  claimQuestion,
  hideQuestion,
  mergeQuestion,
  muteParticipant,
  queueQuestion,
  redactQuestion,
  rejectQuestion,
  removeParticipant,
  restoreQuestion,
  resubmitQuestion,
  revealAuthor,
  unanswerQuestion,
  unmuteParticipant,
} from '../moderation/commands';
import { getModerationState } from '../moderation/queries';
import type { SocketRoutes } from './handler';

export const moderationRoutes = {
  'moderation:state': getModerationState,
  'question:approve': approveQuestion,
  'question:reject': rejectQuestion,
  'question:hide': hideQuestion,
  'question:restore': restoreQuestion,
  'question:redact': redactQuestion,
  'question:merge': mergeQuestion,
  'question:queue': queueQuestion,
  'question:claim': claimQuestion,
  'question:unanswer': unanswerQuestion,
  'question:resubmit': resubmitQuestion,
  'author:reveal': revealAuthor,
  'participant:mute': muteParticipant,
  'participant:unmute': unmuteParticipant,
  'participant:remove': removeParticipant,
  'participant:ban': banParticipant,
} satisfies Partial<SocketRoutes>;
