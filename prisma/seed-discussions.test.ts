// The demo discussions: a weekly 19:00 New York series, linked to library modalities when they exist; seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '@/lib/time/zoned';
import { hashPassword } from '@/server/auth/password';
import { closeDb, db } from '@/server/db/client';
import { useFreshDatabase } from '@/server/test/in-process';
import { tempSqliteUrl } from '@/server/test/temp-databases';
import { seedDemoCommunityIfEmpty } from './seed';
import { seedDemoDiscussionsIfEmpty } from './seed-discussions';

describe('demo discussions', () => {
  beforeAll(async () => {
    await useFreshDatabase(tempSqliteUrl());
  });
  afterAll(closeDb);

  it('seeds a weekly series and one-off discussions hosted by the demo elders, once', async () => {
    await seedDemoCommunityIfEmpty(db(), hashPassword);
    await seedDemoDiscussionsIfEmpty(db()); // a no-op when the community seed already did it
    const series = await db().series.findFirstOrThrow({ include: { discussions: { orderBy: { seriesIndex: 'asc' } } } });
    expect(series.discussions).toHaveLength(12);
    for (const d of series.discussions) expect(formatInZone(d.startsAt, 'America/New_York').time).toBe('19:00');
    expect(await db().discussion.count()).toBe(16);
    expect(await db().discussion.count({ where: { status: 'ENDED' } })).toBe(1);
    const hosts = await db().discussionStaff.findMany({ where: { role: 'HOST' }, select: { user: { select: { role: true } } } });
    expect(new Set(hosts.map((h) => h.user.role))).toEqual(new Set(['ELDER']));
    if ((await db().modality.count()) > 0) expect(await db().discussionModality.count()).toBeGreaterThan(0);
    expect(await seedDemoDiscussionsIfEmpty(db())).toBe(false);
    expect(await db().discussion.count()).toBe(16);
  });
});
