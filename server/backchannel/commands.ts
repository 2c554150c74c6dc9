// The staff backchannel's one use case: a host, facilitator or moderating admin posts a message. Stored with the
// discussion (StaffMessage), then published to the discussion's moderators' room only, after the write: never to
// an audience socket (F28). Someone whose rights ended has left that room (server/realtime/bus.ts
// moveOutOfModerators), so they stop receiving; their next post is refused like any moderation event (F10).
import { postStaffMessageSchema } from '@/lib/backchannel/schema';
import type { StaffMessageView } from '@/lib/backchannel/views';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { spendBudget } from '../live/budgets';
import { assertModerator, loadRoom } from '../live/context';
import { publishToModerators } from '../realtime/bus';
import { staffMessageSelect, staffMessageView } from './views';

export async function postStaffMessage(actor: Actor, raw: unknown): Promise<StaffMessageView> {
  const input = postStaffMessageSchema.parse(raw);
  await spendBudget('backchannel', actor.id);
  const ctx = await loadRoom(actor, input.discussionId);
  assertModerator(ctx);
  const row = await db().staffMessage.create({
    data: { discussionId: ctx.discussion.id, authorId: actor.id, body: input.body },
    select: staffMessageSelect,
  });
  const view = staffMessageView(row, ctx.badges);
  publishToModerators(ctx.discussion.id, 'backchannel:posted', view);
  return view;
}
