// Demo discussions for the seeded community: a weekly series and a few one-off discussions hosted by the
// demo elders, linked to the Healing Library where its modalities and articles exist, plus one past one.
import { Temporal } from 'temporal-polyfill';
import { DEFAULT_AGREEMENT } from '../lib/discussions/schema';
import { seriesOccurrences, seriesRule } from '../lib/time/recurrence';
import { resolveLocal } from '../lib/time/zoned';
import type { Db } from '../server/db/client';

type Demo = {
  title: string;
  description: string;
  hosts: string[];
  facilitators: string[];
  modalities: string[];
  articles: string[];
  zone: string;
  /** Days from today (in the host's zone) and the local time. */
  inDays: number;
  time: string;
  durationMinutes: number;
  capacity: number | null;
  visibility?: 'PUBLIC' | 'MEMBERS';
  moderationMode?: 'PRE' | 'POST';
  anonymousDefault?: boolean;
  contentWarnings?: string[];
  going?: string[];
  waitlisted?: string[];
  ended?: boolean;
};

const DEMOS: Demo[] = [
  {
    title: 'MDMA-assisted therapy for PTSD: what the trials found',
    description:
      'Maya walks through the phase 3 trials of MDMA-assisted therapy for PTSD: who took part, what changed, and what the results do **not** tell us.\n\n' +
      '- How the therapy sessions were structured\n- Side effects and who was excluded\n- Where regulators stand\n\nBring your questions; you can ask anonymously.',
    hosts: ['maya@example.org'],
    facilitators: ['jordan@example.org'],
    modalities: ['mdma-assisted-therapy'],
    articles: ['mdma-assisted-therapy-for-ptsd'],
    zone: 'Europe/London',
    inDays: 5,
    time: '18:00',
    durationMinutes: 90,
    capacity: 40,
    contentWarnings: ['trauma', 'ptsd'],
    anonymousDefault: true,
    going: ['alex@example.org', 'bea@example.org', 'eli@example.org'],
  },
  {
    title: 'Psilocybin and depression: questions from the community',
    description:
      'An open, members-only conversation with two elders about psilocybin-assisted therapy for depression. Questions are reviewed by a facilitator before they appear.',
    hosts: ['rowan@example.org', 'maya@example.org'],
    facilitators: ['sam@example.org'],
    modalities: ['psilocybin-assisted-therapy'],
    articles: ['psilocybin-assisted-therapy'],
    zone: 'America/New_York',
    inDays: 12,
    time: '17:00',
    durationMinutes: 75,
    capacity: 3,
    visibility: 'MEMBERS',
    moderationMode: 'PRE',
    contentWarnings: ['depression', 'self-harm'],
    going: ['alex@example.org', 'chen@example.org', 'dara@example.org'],
    waitlisted: ['bea@example.org'],
  },
  {
    title: 'Ayahuasca ceremonies: safety and contraindications',
    description: 'What to know before considering a ceremony: medication interactions, health conditions, and how to recognise a safe, accountable setting.',
    hosts: ['maya@example.org'],
    facilitators: ['sam@example.org', 'jordan@example.org'],
    modalities: ['ayahuasca'],
    articles: ['ayahuasca'],
    zone: 'Europe/London',
    inDays: 20,
    time: '19:30',
    durationMinutes: 90,
    capacity: null,
  },
  {
    title: 'DMT-assisted therapy: an introduction',
    description: 'A first look at the research on short-acting DMT in clinical settings.',
    hosts: ['rowan@example.org'],
    facilitators: ['jordan@example.org'],
    modalities: ['dmt-assisted-therapy'],
    articles: ['dmt-assisted-therapy'],
    zone: 'America/New_York',
    inDays: -10,
    time: '19:00',
    durationMinutes: 60,
    capacity: 50,
    ended: true,
  },
];

/** Seeds the demo discussions unless there are discussions already; returns whether it seeded. */
export async function seedDemoDiscussionsIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  if ((await db.discussion.count()) > 0) return false;
  const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const modalities = new Map((await db.modality.findMany({ select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  const articles = new Map((await db.article.findMany({ select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
  const ids = (emails: string[]) => emails.map((e) => users.get(e)).filter((id): id is string => !!id);
  const creator = users.get('rowan@example.org') ?? users.get('admin@example.org');
  if (!creator) return false;

  const today = (zone: string) => Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const links = (d: Pick<Demo, 'hosts' | 'facilitators' | 'modalities' | 'articles'>) => ({
    staff: {
      create: [
        ...ids(d.hosts).map((userId) => ({ userId, role: 'HOST' as const })),
        ...ids(d.facilitators).map((userId) => ({ userId, role: 'FACILITATOR' as const })),
      ],
    },
    modalities: { create: d.modalities.flatMap((s) => modalities.get(s) ?? []).map((modalityId) => ({ modalityId })) },
    articles: { create: d.articles.flatMap((s) => articles.get(s) ?? []).map((articleId) => ({ articleId })) },
  });

  await db.$transaction(async (tx) => {
    // A weekly series, Thursdays 19:00 New York time, starting next Thursday: 12 occurrences.
    const ny = today('America/New_York');
    const firstThursday = ny.add({ days: (4 - ny.dayOfWeek + 7) % 7 || 7 });
    const first = `${firstThursday.toString()}T19:00`;
    const series = await tx.series.create({
      data: {
        frequency: 'WEEKLY',
        rrule: seriesRule(first, 'America/New_York', 'WEEKLY', 12),
        timeZone: 'America/New_York',
        localTime: '19:00',
        createdById: creator,
      },
    });
    const circle = {
      hosts: ['rowan@example.org'],
      facilitators: ['sam@example.org'],
      modalities: ['integration-practices'],
      articles: ['integration-practices'],
    };
    for (const [index, occ] of seriesOccurrences(first, 'America/New_York', 'WEEKLY', 12).entries()) {
      const d = await tx.discussion.create({
        data: {
          title: 'Integration circle',
          description:
            'A weekly circle for making sense of past experiences and carrying them into everyday life. Newcomers welcome; ' +
            'listening without speaking is fine too.',
          startsAt: occ.startsAt,
          timeZone: 'America/New_York',
          localStart: occ.localStart,
          durationMinutes: 60,
          capacity: 25,
          agreementText: DEFAULT_AGREEMENT,
          contentWarnings: '',
          seriesId: series.id,
          seriesIndex: index,
          createdById: creator,
          ...links(circle),
        },
      });
      if (index === 0) {
        for (const userId of ids(['eli@example.org', 'dara@example.org'])) await tx.rsvp.create({ data: { discussionId: d.id, userId, status: 'GOING' } });
      }
    }

    for (const demo of DEMOS) {
      const local = `${today(demo.zone).add({ days: demo.inDays }).toString()}T${demo.time}`;
      const r = resolveLocal(local, demo.zone);
      const d = await tx.discussion.create({
        data: {
          title: demo.title,
          description: demo.description,
          startsAt: r.startsAt,
          timeZone: demo.zone,
          localStart: r.localStart,
          durationMinutes: demo.durationMinutes,
          capacity: demo.capacity,
          visibility: demo.visibility ?? 'PUBLIC',
          moderationMode: demo.moderationMode ?? 'POST',
          anonymousDefault: demo.anonymousDefault ?? false,
          agreementText: DEFAULT_AGREEMENT,
          contentWarnings: (demo.contentWarnings ?? []).join(','),
          createdById: ids(demo.hosts)[0] ?? creator,
          ...(demo.ended
            ? { status: 'ENDED' as const, startedAt: r.startsAt, endedAt: new Date(r.startsAt.getTime() + demo.durationMinutes * 60_000), peakAttendance: 23 }
            : {}),
          ...links(demo),
        },
      });
      let t = now.getTime() - 86_400_000;
      for (const userId of ids(demo.going ?? [])) await tx.rsvp.create({ data: { discussionId: d.id, userId, status: 'GOING', queuedAt: new Date(t++) } });
      for (const userId of ids(demo.waitlisted ?? []))
        await tx.rsvp.create({ data: { discussionId: d.id, userId, status: 'WAITLISTED', queuedAt: new Date(t++) } });
    }
  });
  return true;
}
