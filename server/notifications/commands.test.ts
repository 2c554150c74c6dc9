// Notifications: starts-soon is sent once per person even when two nodes run the check; marking read is per owner.
import { expect, it } from 'vitest';
import type { AppError } from '@/lib/result';
import { db } from '../db/client';
import { createDiscussion, updateDiscussion } from '../discussions/commands';
import { rsvp } from '../rsvp/commands';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { markNotificationsRead } from './commands';
import { listNotifications } from './queries';
import { sendStartsSoonNotifications } from './starts-soon';

describeDialects('notifications', ({ make }) => {
  useDialectDatabase(make);

  it('starts in 15 minutes: once per person with a seat, even when two schedulers run at the same time', async () => {
    const elder = await makeActor('ELDER');
    const created = new Date('2026-05-01T17:00:00Z');
    const d = await createDiscussion(
      elder,
      {
        title: 'Soon',
        description: '',
        hostIds: [elder.id],
        localStart: '2026-05-01T20:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
        capacity: 1,
        agreementText: 'Be kind to each other.',
      },
      created,
    );
    const going = await makeActor();
    const waiting = await makeActor();
    await rsvp(going, { discussionId: d.id }, created);
    await rsvp(waiting, { discussionId: d.id }, created);

    expect(await sendStartsSoonNotifications(new Date('2026-05-01T17:40:00Z'))).toBe(0); // 20 minutes before: not yet
    const at = new Date('2026-05-01T17:48:00Z'); // 12 minutes before
    const sent = await Promise.all([sendStartsSoonNotifications(at), sendStartsSoonNotifications(at), sendStartsSoonNotifications(at)]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sendStartsSoonNotifications(new Date('2026-05-01T17:55:00Z'))).toBe(0);
    const mine = await listNotifications(going);
    expect(mine.items).toMatchObject([{ type: 'starts_soon', title: 'Starting soon: Soon', link: `/discussions/${d.id}`, discussionId: d.id }]);
    expect(mine.items[0].body).toContain('Starts in 12 minutes');
    expect(await db().notification.count({ where: { userId: waiting.id } })).toBe(0);

    // Rescheduled: a new notice for the new time.
    await updateDiscussion(
      elder,
      {
        id: d.id,
        title: 'Soon',
        description: '',
        hostIds: [elder.id],
        localStart: '2026-05-01T21:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 60,
        capacity: 1,
        agreementText: 'Be kind to each other.',
      },
      at,
    );
    expect(await sendStartsSoonNotifications(new Date('2026-05-01T18:50:00Z'))).toBe(1);
  });

  it('marking read touches only my own notifications', async () => {
    const me = await makeActor();
    const other = await makeActor();
    const mine = await db().notification.create({ data: { userId: me.id, type: 'starts_soon', title: 't', body: 'b' } });
    const theirs = await db().notification.create({ data: { userId: other.id, type: 'starts_soon', title: 't', body: 'b' } });
    expect((await listNotifications(me)).unread).toBe(1);
    expect(await markNotificationsRead(me, { ids: [mine.id, theirs.id] })).toEqual({ unreadCount: 0 });
    expect((await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    await db().notification.create({ data: { userId: me.id, type: 'starts_soon', title: 't2', body: 'b' } });
    expect(await markNotificationsRead(me, { all: true })).toEqual({ unreadCount: 0 });
    const bad = await markNotificationsRead(me, { ids: 'x' }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(bad).toBeInstanceOf(Error);
  });
});
