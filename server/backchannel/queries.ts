// The backchannel as the console loads it after every join: the newest messages, for staff only.
import { listStaffMessagesSchema } from '@/lib/backchannel/schema';
import type { StaffMessageView } from '@/lib/backchannel/views';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { spendBudget } from '../live/budgets';
import { assertModerator, loadRoom } from '../live/context';
import { staffMessageSelect, staffMessageView } from './views';

/** How many messages the console loads (the newest). */
const LOAD_SIZE = 100;

/** The newest 100 staff messages of the discussion, oldest first (as a chat reads). */
export async function listStaffMessages(actor: Actor, raw: unknown): Promise<StaffMessageView[]> {
  const { discussionId } = listStaffMessagesSchema.parse(raw);
  await spendBudget('backchannelLoad', actor.id);
  const ctx = await loadRoom(actor, discussionId);
  assertModerator(ctx);
  const rows = await db().staffMessage.findMany({
    where: { discussionId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LOAD_SIZE,
    select: staffMessageSelect,
  });
  return rows.reverse().map((r) => staffMessageView(r, ctx.badges));
}
