// Calendar files for one discussion, one series, and a member's personal feed (by its secret token).

import type { Actor } from '../auth/actor';
import { getConfig } from '../config';
import { db } from '../db/client';
import { canViewDiscussion } from '../discussions/policy';
import { buildCalendar, type IcsDiscussion, icsFileName } from './ics';
import { calendarTokenHash } from './token';

const icsSelect = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  durationMinutes: true,
  timeZone: true,
  status: true,
  updatedAt: true,
  visibility: true,
} as const;

export type IcsFile = { fileName: string; body: string };

export async function discussionIcs(actor: Actor | null, id: string): Promise<IcsFile | null> {
  if (id.length > 64) return null;
  const d = await db().discussion.findUnique({ where: { id }, select: icsSelect });
  if (!d || !canViewDiscussion(actor, d)) return null;
  return { fileName: icsFileName(d.title), body: buildCalendar(d.title, [d as IcsDiscussion], getConfig().appUrl) };
}

export async function seriesIcs(actor: Actor | null, seriesId: string): Promise<IcsFile | null> {
  if (seriesId.length > 64) return null;
  const rows = await db().discussion.findMany({ where: { seriesId }, orderBy: { startsAt: 'asc' }, select: icsSelect });
  const visible = rows.filter((d) => canViewDiscussion(actor, d));
  if (!visible.length) return null;
  return { fileName: icsFileName(`${visible[0].title} series`), body: buildCalendar(visible[0].title, visible as IcsDiscussion[], getConfig().appUrl) };
}

/** The personal feed: every discussion the member has a seat or a waitlist place for (cancelled ones marked). */
export async function feedIcs(token: string): Promise<IcsFile | null> {
  if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return null;
  const user = await db().user.findUnique({ where: { calendarTokenHash: calendarTokenHash(token) }, select: { id: true, bannedAt: true } });
  if (!user || user.bannedAt) return null;
  const rsvps = await db().rsvp.findMany({
    where: { userId: user.id, status: { in: ['GOING', 'WAITLISTED'] } },
    select: { status: true, discussion: { select: icsSelect } },
    orderBy: { discussion: { startsAt: 'asc' } },
    take: 1000,
  });
  const events = rsvps.map((r) => ({ ...(r.discussion as IcsDiscussion), tentative: r.status === 'WAITLISTED' }));
  return { fileName: 'fireside.ics', body: buildCalendar('Fireside', events, getConfig().appUrl) };
}

/** Whether the member has a feed: its URL cannot be shown again (only the hash is stored), so the page says it is on. */
export async function hasCalendarFeed(actor: Actor): Promise<boolean> {
  const u = await db().user.findUnique({ where: { id: actor.id }, select: { calendarTokenHash: true } });
  return Boolean(u?.calendarTokenHash);
}
