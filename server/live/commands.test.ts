// Joining a room while a staff removal is in flight: the removal wins (issue 7 item 1, F10). A removal takes the
// person out of the moderators' room before its commit, so the join's second read may still see the old staff
// row; the join must still end as audience and never ask to enter the moderators' room with those rights.
import { expect, it } from 'vitest';
import { db } from '../db/client';
import { leaveModerators } from '../realtime/bus';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { joinDiscussion } from './commands';
import type { RoomContext } from './context';

describeDialects('joinDiscussion', ({ make }) => {
  useDialectDatabase(make);

  async function liveDiscussion(hostId: string, facilitatorId: string) {
    const d = await db().discussion.create({
      data: {
        title: 'A live circle',
        description: '',
        startsAt: new Date(Date.now() - 60_000),
        timeZone: 'UTC',
        localStart: '2026-01-01T00:00',
        durationMinutes: 60,
        agreementText: 'Be kind to each other.',
        status: 'LIVE',
        startedAt: new Date(),
        createdById: hostId,
        staff: {
          create: [
            { userId: hostId, role: 'HOST' },
            { userId: facilitatorId, role: 'FACILITATOR' },
          ],
        },
      },
    });
    return d.id;
  }

  it('F10 a staff removal in flight while the socket enters its rooms wins: the join ends as audience', async () => {
    const host = await makeActor('ELDER');
    const facilitator = await makeActor('FACILITATOR');
    const discussionId = await liveDiscussion(host.id, facilitator.id);
    const entered: boolean[] = [];
    const ctx = await joinDiscussion(facilitator, { discussionId }, (c: RoomContext) => {
      entered.push(c.isMod);
      // The removal's first step, before its commit: the staff row is still there for the join's second read.
      if (entered.length === 1) leaveModerators(facilitator.id, discussionId);
    });
    expect(ctx.isMod).toBe(false);
    expect(entered).toEqual([true, false]);
  });

  it('control: without a removal, a facilitator joins as a moderator', async () => {
    const host = await makeActor('ELDER');
    const facilitator = await makeActor('FACILITATOR');
    const discussionId = await liveDiscussion(host.id, facilitator.id);
    const ctx = await joinDiscussion(facilitator, { discussionId });
    expect(ctx.isMod).toBe(true);
  });
});
