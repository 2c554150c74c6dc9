// Demo discussions for the seeded community: a weekly series and a few one-off discussions hosted by the
// demo elders, linked to the Healing Library where its modalities and articles exist, plus one past one, and the
// "Practice room": live whenever the demo exists, in pre mode, with questions in every state of the moderation queue.
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { DEFAULT_AGREEMENT } from '../lib/discussions/schema';
import { seriesOccurrences, seriesRule } from '../lib/time/recurrence';
import { resolveLocal } from '../lib/time/zoned';
import type { Db, Prisma } from '../server/db/client';

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

/**
 * The rows one seed writes, built in memory with their ids first, so the transaction is a handful of `createMany`
 * statements (one per table) instead of a round trip per row: under load on PostgreSQL a row-by-row seed outlived
 * the interactive transaction's limit, and its later statements then failed (foreign keys to rows rolled back).
 */
type SeedRows = {
  discussions: Prisma.DiscussionCreateManyInput[];
  staff: Prisma.DiscussionStaffCreateManyInput[];
  modalities: Prisma.DiscussionModalityCreateManyInput[];
  articles: Prisma.DiscussionArticleCreateManyInput[];
  rsvps: Prisma.RsvpCreateManyInput[];
  questions: Prisma.QuestionCreateManyInput[];
  votes: Prisma.VoteCreateManyInput[];
  pseudonyms: Prisma.PseudonymCreateManyInput[];
};

const emptyRows = (): SeedRows => ({ discussions: [], staff: [], modalities: [], articles: [], rsvps: [], questions: [], votes: [], pseudonyms: [] });

/** A seed's transaction: a few statements, but a start-up on a busy machine is no reason to fail it. */
const SEED_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

/** Writes `rows` parents first (discussions before what points at them). */
async function writeRows(tx: Prisma.TransactionClient, rows: SeedRows): Promise<void> {
  if (rows.discussions.length) await tx.discussion.createMany({ data: rows.discussions });
  if (rows.staff.length) await tx.discussionStaff.createMany({ data: rows.staff });
  if (rows.modalities.length) await tx.discussionModality.createMany({ data: rows.modalities });
  if (rows.articles.length) await tx.discussionArticle.createMany({ data: rows.articles });
  if (rows.rsvps.length) await tx.rsvp.createMany({ data: rows.rsvps });
  if (rows.questions.length) await tx.question.createMany({ data: rows.questions });
  if (rows.votes.length) await tx.vote.createMany({ data: rows.votes });
  if (rows.pseudonyms.length) await tx.pseudonym.createMany({ data: rows.pseudonyms });
}

/** Seeds the demo discussions unless there are discussions already; returns whether it seeded. */
export async function seedDemoDiscussionsIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  if ((await db.discussion.count()) > 0) return false;
  const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const modalities = new Map((await db.modality.findMany({ select: { id: true, slug: true } })).map((m) => [m.slug, m.id]));
  const articles = new Map((await db.article.findMany({ select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
  const ids = (emails: string[]) => emails.map((e) => users.get(e)).filter((id): id is string => !!id);
  const creator = users.get('rowan@example.org') ?? users.get('admin@example.org');
  if (!creator) return false;

  const rows = emptyRows();
  const today = (zone: string) => Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const link = (discussionId: string, d: Pick<Demo, 'hosts' | 'facilitators' | 'modalities' | 'articles'>) => {
    rows.staff.push(
      ...ids(d.hosts).map((userId) => ({ discussionId, userId, role: 'HOST' as const })),
      ...ids(d.facilitators).map((userId) => ({ discussionId, userId, role: 'FACILITATOR' as const })),
    );
    rows.modalities.push(...d.modalities.flatMap((s) => modalities.get(s) ?? []).map((modalityId) => ({ discussionId, modalityId })));
    rows.articles.push(...d.articles.flatMap((s) => articles.get(s) ?? []).map((articleId) => ({ discussionId, articleId })));
  };

  // A weekly series, Thursdays 19:00 New York time, starting next Thursday: 12 occurrences.
  const ny = today('America/New_York');
  const firstThursday = ny.add({ days: (4 - ny.dayOfWeek + 7) % 7 || 7 });
  const first = `${firstThursday.toString()}T19:00`;
  const seriesId = randomUUID();
  const circle = {
    hosts: ['rowan@example.org'],
    facilitators: ['sam@example.org'],
    modalities: ['integration-practices'],
    articles: ['integration-practices'],
  };
  for (const [index, occ] of seriesOccurrences(first, 'America/New_York', 'WEEKLY', 12).entries()) {
    const id = randomUUID();
    rows.discussions.push({
      id,
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
      seriesId,
      seriesIndex: index,
      createdById: creator,
    });
    link(id, circle);
    if (index === 0) rows.rsvps.push(...ids(['eli@example.org', 'dara@example.org']).map((userId) => ({ discussionId: id, userId, status: 'GOING' as const })));
  }

  practiceRoomRows(rows, users, now);

  for (const demo of DEMOS) {
    const local = `${today(demo.zone).add({ days: demo.inDays }).toString()}T${demo.time}`;
    const r = resolveLocal(local, demo.zone);
    const id = randomUUID();
    rows.discussions.push({
      id,
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
    });
    link(id, demo);
    let t = now.getTime() - 86_400_000;
    for (const userId of ids(demo.going ?? [])) rows.rsvps.push({ discussionId: id, userId, status: 'GOING', queuedAt: new Date(t++) });
    for (const userId of ids(demo.waitlisted ?? [])) rows.rsvps.push({ discussionId: id, userId, status: 'WAITLISTED', queuedAt: new Date(t++) });
  }

  await db.$transaction(async (tx) => {
    await tx.series.create({
      data: {
        id: seriesId,
        frequency: 'WEEKLY',
        rrule: seriesRule(first, 'America/New_York', 'WEEKLY', 12),
        timeZone: 'America/New_York',
        localTime: '19:00',
        createdById: creator,
      },
    });
    await tx.blockedTerm.upsert({ where: { term: DEMO_BLOCKED_TERM }, create: { term: DEMO_BLOCKED_TERM }, update: {} });
    await writeRows(tx, rows);
  }, SEED_TRANSACTION);
  return true;
}

// ── The Practice room ─────────────────────────────────────────────────────────────────────────────────

const PRACTICE_ROOM_TITLE = 'Practice room';
const PRACTICE_ZONE = 'America/New_York';
/** The longest a discussion may last (the schedule form's limit): listings count it as live for this long. */
const PRACTICE_MINUTES = 480;
/** A word of the community list the demo starts with, so one held question shows the word filter. */
const DEMO_BLOCKED_TERM = 'miracle cure';

type PracticeQuestion = {
  by: string;
  body: string;
  status: 'PENDING' | 'VISIBLE' | 'REJECTED';
  heldFor?: string[];
  anonymous?: { pseudonym: string };
  voters?: string[];
  answered?: boolean;
  rejectReason?: string;
  /** Minutes before the room's start (so the queue's oldest-first order is this list's order). */
  minutesAgo: number;
};

const PRACTICE_QUESTIONS: PracticeQuestion[] = [
  {
    by: 'alex@example.org',
    body: 'What does a good integration practice look like in the first week after a ceremony?',
    status: 'VISIBLE',
    voters: ['bea@example.org', 'chen@example.org', 'dara@example.org'],
    minutesAgo: 9,
  },
  {
    by: 'bea@example.org',
    body: 'How do I talk to my family about my experiences without worrying them?',
    status: 'VISIBLE',
    anonymous: { pseudonym: 'Anonymous heron' },
    voters: ['alex@example.org', 'eli@example.org'],
    minutesAgo: 8,
  },
  {
    by: 'chen@example.org',
    body: 'Which books would you recommend to someone just starting to read about psychedelic therapy?',
    status: 'VISIBLE',
    voters: ['alex@example.org'],
    answered: true,
    minutesAgo: 7,
  },
  {
    by: 'eli@example.org',
    body: 'Can someone message me privately about where to buy mushrooms?',
    status: 'REJECTED',
    rejectReason: 'Thank you for asking. We can’t help with sourcing anything here; you are welcome to ask about experiences, safety or integration instead.',
    minutesAgo: 6,
  },
  {
    by: 'bea@example.org',
    body: 'How do you tell a hard integration process from something that needs professional help?',
    status: 'PENDING',
    heldFor: ['pre_moderation'],
    minutesAgo: 5,
  },
  {
    by: 'chen@example.org',
    body: 'Is it normal to feel flat for a few weeks after a retreat?',
    status: 'PENDING',
    heldFor: ['pre_moderation'],
    anonymous: { pseudonym: 'Anonymous otter' },
    minutesAgo: 4,
  },
  {
    by: 'eli@example.org',
    body: 'First time here: is it okay to just listen for a while before asking anything?',
    status: 'PENDING',
    heldFor: ['pre_moderation', 'new_member'],
    minutesAgo: 3,
  },
  {
    by: 'dara@example.org',
    body: `Someone online sold ayahuasca to me as a ${DEMO_BLOCKED_TERM} for depression. How do I check claims like that?`,
    status: 'PENDING',
    heldFor: ['pre_moderation', 'word_filter'],
    minutesAgo: 2,
  },
];

/** When the Practice room "started" for a start-up at `now`: a few minutes ago, on the minute. */
function practiceTimes(now: Date) {
  const startsAt = new Date(Math.floor((now.getTime() - 10 * 60_000) / 60_000) * 60_000);
  const localStart = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime())
    .toZonedDateTimeISO(PRACTICE_ZONE)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
  return { startsAt, localStart };
}

/**
 * The Practice room: live, in pre mode, hosted by Rowan with Sam and Jordan facilitating, and questions in every
 * state of the queue (held for each reason, approved with votes, answered, anonymous with a pseudonym, rejected
 * with a kind reason), so a newcomer signed in as a facilitator sees the console at once, and as a member the room.
 * Adds its rows to `rows` (the caller also upserts DEMO_BLOCKED_TERM); returns its id, or null without its host.
 */
function practiceRoomRows(rows: SeedRows, users: ReadonlyMap<string, string>, now: Date): string | null {
  const host = users.get('rowan@example.org');
  if (!host) return null;
  const { startsAt, localStart } = practiceTimes(now);
  const facilitators = ['sam@example.org', 'jordan@example.org'].flatMap((e) => users.get(e) ?? []);
  const id = randomUUID();
  let highlight: string | null = null;
  for (const q of PRACTICE_QUESTIONS) {
    const authorId = users.get(q.by);
    if (!authorId) continue;
    const voters = (q.voters ?? []).flatMap((e) => users.get(e) ?? []);
    const createdAt = new Date(startsAt.getTime() - q.minutesAgo * 60_000);
    const questionId = randomUUID();
    rows.questions.push({
      id: questionId,
      discussionId: id,
      authorId,
      body: q.body,
      anonymous: !!q.anonymous,
      status: q.status,
      heldFor: q.heldFor?.join(',') ?? null,
      rejectReason: q.rejectReason ?? null,
      voteCount: voters.length,
      answeredAt: q.answered ? new Date(now.getTime() - 2 * 60_000) : null,
      // Each review and the answer changed the question once.
      version: (q.status === 'PENDING' ? 0 : 1) + (q.answered ? 1 : 0),
      createdAt,
    });
    rows.votes.push(...voters.map((userId) => ({ questionId, userId, createdAt })));
    // One pseudonym per asker in the room (the first of their anonymous questions names it).
    if (q.anonymous && !rows.pseudonyms.some((p) => p.discussionId === id && p.userId === authorId)) {
      rows.pseudonyms.push({ discussionId: id, userId: authorId, name: q.anonymous.pseudonym });
    }
    if (q.status === 'VISIBLE' && !q.answered && !q.anonymous) highlight ??= questionId;
  }
  rows.discussions.push({
    id,
    title: PRACTICE_ROOM_TITLE,
    description:
      'A live discussion for trying Fireside out; nothing here is real. Questions wait for a facilitator before they appear.\n\n' +
      '- Sign in as **sam@example.org** (a facilitator) and open the moderation console: some questions are waiting for review.\n' +
      '- Sign in as a member, e.g. **alex@example.org**, to ask, vote, and see your own question wait for review.',
    startsAt,
    timeZone: PRACTICE_ZONE,
    localStart,
    durationMinutes: PRACTICE_MINUTES,
    capacity: null,
    moderationMode: 'PRE',
    agreementText: DEFAULT_AGREEMENT,
    contentWarnings: '',
    status: 'LIVE',
    startedAt: startsAt,
    createdById: host,
    // Not a foreign key: the question it names is written in the same transaction.
    highlightedQuestionId: highlight,
  });
  rows.staff.push(
    { discussionId: id, userId: host, role: 'HOST' },
    ...facilitators.map((userId) => ({ discussionId: id, userId, role: 'FACILITATOR' as const })),
  );
  return id;
}

/**
 * Keeps the demo's Practice room live: called at every start-up while demo accounts exist. A room someone ended,
 * or one whose 8 hours have passed (listings then call it past), starts again now; a demo database from before the
 * Practice room existed gets one. Returns the room's id, or null without the demo accounts it needs.
 */
export async function ensurePracticeRoomLive(db: Db, now = new Date()): Promise<string | null> {
  const host = await db.user.findUnique({ where: { email: 'rowan@example.org' }, select: { id: true } });
  if (!host) return null;
  const room = await db.discussion.findFirst({
    where: { title: PRACTICE_ROOM_TITLE, createdById: host.id },
    orderBy: { createdAt: 'asc' },
    select: { id: true, status: true, startsAt: true, durationMinutes: true },
  });
  if (!room) {
    const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
    const rows = emptyRows();
    const id = practiceRoomRows(rows, users, now);
    await db.$transaction(async (tx) => {
      await tx.blockedTerm.upsert({ where: { term: DEMO_BLOCKED_TERM }, create: { term: DEMO_BLOCKED_TERM }, update: {} });
      await writeRows(tx, rows);
    }, SEED_TRANSACTION);
    return id;
  }
  const endsAt = room.startsAt.getTime() + room.durationMinutes * 60_000;
  // Live for at least another hour: leave it be.
  if (room.status === 'LIVE' && endsAt - now.getTime() > 60 * 60_000) return room.id;
  const { startsAt, localStart } = practiceTimes(now);
  await db.discussion.update({
    where: { id: room.id },
    data: {
      status: 'LIVE',
      startsAt,
      localStart,
      startedAt: startsAt,
      endedAt: null,
      cancelledAt: null,
      cancelReason: null,
      durationMinutes: PRACTICE_MINUTES,
    },
  });
  return room.id;
}
