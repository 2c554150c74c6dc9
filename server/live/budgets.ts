// Per-person budgets for every live-room command (README: "Live room budgets"), shared by every node through
// server/rate-limit.ts. Spent before any database work, so a flood costs the server almost nothing (F04).
import { AppError } from '@/lib/result';
import { limiter, take } from '../rate-limit';

type Budget = { points: number; seconds: number };

export const LIVE_BUDGETS = {
  join: { points: 20, seconds: 60 },
  ask: { points: 5, seconds: 30 },
  resend: { points: 30, seconds: 30 }, // re-sent question ids already stored (the outbox after a reconnect)
  vote: { points: 60, seconds: 30 }, // votes and unvotes together
  edit: { points: 10, seconds: 60 },
  withdraw: { points: 10, seconds: 60 },
  reply: { points: 20, seconds: 60 },
  highlight: { points: 30, seconds: 60 },
  answer: { points: 30, seconds: 60 },
  startEnd: { points: 10, seconds: 60 },
  page: { points: 30, seconds: 60 },
  leave: { points: 20, seconds: 60 },
  timeSync: { points: 120, seconds: 60 }, // every tab syncs on (re)connect; bounded, not tight
  // The moderation queue (server/moderation/commands.ts), per moderator.
  moderate: { points: 60, seconds: 60 }, // approve, reject, hide, restore, redact, merge, queue, unanswer
  claim: { points: 60, seconds: 60 }, // claims and releases
  reveal: { points: 10, seconds: 600 },
  sanction: { points: 30, seconds: 60 }, // mute, unmute, remove, ban
  moderationState: { points: 30, seconds: 60 },
  resubmit: { points: 10, seconds: 60 }, // the author's resubmission of a rejected question
  report: { points: 10, seconds: 600 }, // a member's reports of questions (one per question anyway)
  // Staff backchannel (server/backchannel/) and content warnings set after asking (server/warnings/).
  backchannel: { points: 20, seconds: 60 },
  backchannelLoad: { points: 30, seconds: 60 },
  contentWarning: { points: 30, seconds: 60 },
  careChoice: { points: 20, seconds: 60 }, // the asker's answer on their care question (server/care/commands.ts)
} as const satisfies Record<string, Budget>;

export type LiveCommand = keyof typeof LIVE_BUDGETS;

const budget = (kind: LiveCommand) => limiter(`live_${kind}`, LIVE_BUDGETS[kind].points, LIVE_BUDGETS[kind].seconds);

/** Spends one point of the person's budget for this command, or throws `rate_limited` (nothing spent). */
export async function spendBudget(kind: LiveCommand, userId: string): Promise<void> {
  const wait = await take(budget(kind), userId);
  if (wait <= 0) return;
  const s = Math.ceil(wait / 1000);
  throw new AppError(
    'rate_limited',
    kind === 'ask' ? `You're asking faster than the room can read. Try again in ${s} s.` : `Slow down a little. Try again in ${s} s.`,
  );
}

/** Gives a point back: the command turned out to cost nothing (a resend of a question already stored). */
export async function refundBudget(kind: LiveCommand, userId: string): Promise<void> {
  await budget(kind)
    .reward(userId, 1)
    .catch(() => {});
}
