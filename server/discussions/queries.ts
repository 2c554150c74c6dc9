// Reads about discussions, returning view models. Visibility is applied here, in the query, never on the client.
import { listDiscussionsSchema, splitWarnings } from '@/lib/discussions/schema';
import type { DiscussionCard, PersonRef } from '@/lib/discussions/views';
import { roomPhase } from '@/lib/live/phase';
import { canReadDiscussionAudit } from '../audit/policy';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { type RsvpView, rsvpView } from '../rsvp/commands';
import { canCancelDiscussion, canEditDiscussion, canRsvp, canSeeAttendees, canViewDiscussion, FACILITATOR_ROLES, HOST_ROLES } from './policy';

type Who = Actor | null;
const MAX_DURATION_MS = 8 * 60 * 60_000;

const cardSelect = (userId: string | null) =>
  ({
    id: true,
    title: true,
    startsAt: true,
    timeZone: true,
    durationMinutes: true,
    status: true,
    visibility: true,
    capacity: true,
    seriesId: true,
    series: { select: { frequency: true } },
    staff: { where: { role: 'HOST' }, select: { user: { select: { id: true, displayName: true } } } },
    modalities: { select: { modality: { select: { slug: true, name: true } } } },
    _count: { select: { rsvps: { where: { status: 'GOING' } } } },
    rsvps: { where: { userId: userId ?? '-', status: { in: ['GOING', 'WAITLISTED'] } }, select: { status: true } },
  }) satisfies Prisma.DiscussionSelect;

type CardRow = Prisma.DiscussionGetPayload<{ select: ReturnType<typeof cardSelect> }>;

function toCard(r: CardRow, now: Date): DiscussionCard {
  return {
    id: r.id,
    title: r.title,
    startsAt: r.startsAt,
    endsAt: new Date(r.startsAt.getTime() + r.durationMinutes * 60_000),
    timeZone: r.timeZone,
    durationMinutes: r.durationMinutes,
    status: r.status,
    phase: roomPhase(r, now),
    visibility: r.visibility,
    capacity: r.capacity,
    going: r._count.rsvps,
    hosts: r.staff.map((s) => s.user),
    modalities: r.modalities.map((m) => m.modality).sort((a, b) => a.name.localeCompare(b.name)),
    seriesId: r.seriesId,
    myRsvp: (r.rsvps[0]?.status as 'GOING' | 'WAITLISTED' | undefined) ?? null,
    moreInSeries: 0,
    seriesFrequency: r.series?.frequency ?? null,
  };
}

const visibleTo = (actor: Who): Prisma.DiscussionWhereInput => (actor ? {} : { visibility: 'PUBLIC' });
const isPast = (c: DiscussionCard, now: Date) => c.status === 'ENDED' || c.endsAt.getTime() <= now.getTime();

/** Upcoming (soonest first; includes cancelled ones, marked) or past (latest first), filtered by modality slug and host id. */
export async function listDiscussions(actor: Who, raw: unknown, now = new Date()): Promise<DiscussionCard[]> {
  const { when, modality, host } = listDiscussionsSchema.parse(raw ?? {});
  const where: Prisma.DiscussionWhereInput = {
    ...visibleTo(actor),
    ...(modality ? { modalities: { some: { modality: { slug: modality } } } } : {}),
    ...(host ? { staff: { some: { userId: host, role: 'HOST' } } } : {}),
    ...(when === 'upcoming'
      ? { startsAt: { gt: new Date(now.getTime() - MAX_DURATION_MS) }, status: { not: 'ENDED' } }
      : { OR: [{ startsAt: { lt: now } }, { status: 'ENDED' }] }),
  };
  const rows = await db().discussion.findMany({
    where,
    orderBy: [{ startsAt: when === 'upcoming' ? 'asc' : 'desc' }, { id: 'asc' }],
    take: 200,
    select: cardSelect(actor?.id ?? null),
  });
  const cards = rows.map((r) => toCard(r, now));
  if (when === 'past') return cards.filter((c) => isPast(c, now)).slice(0, 100);
  // Upcoming: each series once, as its next occurrence (unless you RSVPed to a later one, which stays listed).
  const upcoming = cards.filter((c) => !isPast(c, now));
  const shown = new Map<string, DiscussionCard>();
  const out: DiscussionCard[] = [];
  for (const c of upcoming) {
    const first = c.seriesId ? shown.get(c.seriesId) : undefined;
    if (first && !c.myRsvp) {
      first.moreInSeries++;
      continue;
    }
    if (c.seriesId && !first) shown.set(c.seriesId, c);
    out.push(c);
  }
  return out.slice(0, 100);
}

/** Discussions that start in [from, to), for the calendar view. */
export async function listDiscussionsBetween(actor: Who, from: Date, to: Date, filter: { modality?: string; host?: string } = {}, now = new Date()) {
  const rows = await db().discussion.findMany({
    where: {
      ...visibleTo(actor),
      startsAt: { gte: from, lt: to },
      ...(filter.modality ? { modalities: { some: { modality: { slug: filter.modality } } } } : {}),
      ...(filter.host ? { staff: { some: { userId: filter.host, role: 'HOST' } } } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: cardSelect(actor?.id ?? null),
  });
  return rows.map((r) => toCard(r, now));
}

type Attendee = { displayName: string; status: 'GOING' | 'WAITLISTED'; position: number | null };
export type DiscussionDetail = DiscussionCard & {
  description: string;
  localStart: string;
  moderationMode: 'PRE' | 'POST';
  anonymousDefault: boolean;
  agreementText: string;
  contentWarnings: string[];
  /** Only for staff and people with a seat: a meeting link is not for the whole internet. */
  externalLink: string | null;
  hasExternalLink: boolean;
  cancelReason: string | null;
  facilitators: PersonRef[];
  articles: { slug: string; title: string }[];
  series: { id: string; frequency: string; occurrences: { id: string; startsAt: Date; status: string; current: boolean }[] } | null;
  rsvp: RsvpView;
  attendees: Attendee[] | null;
  can: { edit: boolean; cancel: boolean; rsvp: boolean; seeAttendees: boolean; readLog: boolean };
};

export async function getDiscussion(actor: Who, id: string, now = new Date()): Promise<DiscussionDetail | null> {
  if (typeof id !== 'string' || id.length > 64) return null;
  const row = await db().discussion.findUnique({
    where: { id },
    select: {
      ...cardSelect(actor?.id ?? null),
      staff: { select: { role: true, userId: true, user: { select: { id: true, displayName: true } } } },
      description: true,
      localStart: true,
      moderationMode: true,
      anonymousDefault: true,
      agreementText: true,
      contentWarnings: true,
      externalLink: true,
      cancelReason: true,
      createdById: true,
      articles: { select: { article: { select: { slug: true, title: true } } } },
      series: { select: { id: true, frequency: true, discussions: { orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, status: true } } } },
    },
  });
  if (!row || !canViewDiscussion(actor, row)) return null;
  const staffRows = row.staff.map((s) => ({ userId: s.userId, role: s.role }));
  const card = toCard({ ...row, staff: row.staff.filter((s) => s.role === 'HOST') }, now);
  const rsvp = await rsvpView(db() as unknown as Prisma.TransactionClient, id, actor?.id ?? null);
  const isStaff = canSeeAttendees(actor, { staff: staffRows });
  let attendees: Attendee[] | null = null;
  if (isStaff) {
    const rows = await db().rsvp.findMany({
      where: { discussionId: id, status: { in: ['GOING', 'WAITLISTED'] } },
      orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
      select: { status: true, user: { select: { displayName: true } } },
    });
    let position = 0;
    attendees = rows.map((r) => ({
      displayName: r.user.displayName,
      status: r.status as 'GOING' | 'WAITLISTED',
      position: r.status === 'WAITLISTED' ? ++position : null,
    }));
  }
  const seeLink = isStaff || rsvp.status === 'GOING';
  return {
    ...card,
    description: row.description,
    localStart: row.localStart,
    moderationMode: row.moderationMode,
    anonymousDefault: row.anonymousDefault,
    agreementText: row.agreementText,
    contentWarnings: splitWarnings(row.contentWarnings),
    externalLink: seeLink ? row.externalLink : null,
    hasExternalLink: !!row.externalLink,
    cancelReason: row.cancelReason,
    facilitators: row.staff.filter((s) => s.role === 'FACILITATOR').map((s) => s.user),
    articles: row.articles.map((a) => a.article),
    series: row.series
      ? {
          id: row.series.id,
          frequency: row.series.frequency,
          occurrences: row.series.discussions.map((o) => ({ ...o, current: o.id === id })),
        }
      : null,
    rsvp,
    attendees,
    can: {
      edit: canEditDiscussion(actor, { createdById: row.createdById, staff: staffRows }) && (row.status === 'SCHEDULED' || row.status === 'LIVE'),
      cancel: canCancelDiscussion(actor, { createdById: row.createdById, staff: staffRows, status: row.status }),
      rsvp: canRsvp(actor, row, now),
      seeAttendees: isStaff,
      // Its moderation log (/discussions/<id>/audit): its hosts and admins, as the log page itself decides.
      readLog: canReadDiscussionAudit(actor, staffRows.find((s) => s.userId === actor?.id)?.role ?? null),
    },
  };
}

/** What the edit form needs: the stored values, for people allowed to edit. */
export async function getDiscussionForEdit(actor: Actor, id: string) {
  const d = await db().discussion.findUnique({
    where: { id },
    include: { staff: true, modalities: true, articles: true },
  });
  if (!d) return null;
  if (!canEditDiscussion(actor, d)) return 'forbidden' as const;
  return {
    id: d.id,
    status: d.status,
    seriesId: d.seriesId,
    values: {
      title: d.title,
      description: d.description,
      hostIds: d.staff.filter((s) => s.role === 'HOST').map((s) => s.userId),
      facilitatorIds: d.staff.filter((s) => s.role === 'FACILITATOR').map((s) => s.userId),
      modalityIds: d.modalities.map((m) => m.modalityId),
      articleIds: d.articles.map((a) => a.articleId),
      localStart: d.localStart,
      timeZone: d.timeZone,
      durationMinutes: d.durationMinutes,
      capacity: d.capacity,
      visibility: d.visibility,
      moderationMode: d.moderationMode,
      anonymousDefault: d.anonymousDefault,
      agreementText: d.agreementText,
      contentWarnings: splitWarnings(d.contentWarnings),
      externalLink: d.externalLink ?? '',
    },
  };
}

export type FormOptions = {
  hosts: PersonRef[];
  facilitators: (PersonRef & { role: string })[];
  modalities: { id: string; name: string }[];
  articles: { id: string; title: string; modalityId: string }[];
};

/** The choices offered by the schedule/edit form. */
export async function getDiscussionFormOptions(): Promise<FormOptions> {
  const [people, modalities, articles] = await Promise.all([
    db().user.findMany({
      where: { role: { in: FACILITATOR_ROLES }, bannedAt: null },
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true, role: true },
      take: 500,
    }),
    db().modality.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db().article.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true, modalityId: true }, take: 500 }),
  ]);
  return {
    hosts: people.filter((p) => HOST_ROLES.includes(p.role)).map(({ id, displayName }) => ({ id, displayName })),
    facilitators: people,
    modalities,
    articles,
  };
}

/** Filter choices for the list and calendar: modalities that have discussions, and hosts. */
export async function getDiscussionFilters(): Promise<{ modalities: { slug: string; name: string }[]; hosts: PersonRef[] }> {
  const [modalities, hosts] = await Promise.all([
    db().modality.findMany({ where: { discussions: { some: {} } }, orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    db().user.findMany({
      where: { staffRoles: { some: { role: 'HOST' } } },
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true },
    }),
  ]);
  return { modalities, hosts };
}
