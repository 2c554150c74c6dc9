// Healing Library reads, returning view models: the index by modality, an article page (with the upcoming
// discussions on its modality the viewer may see) and the editor's copy of an article.
import { parseStoredReferences, slugSchema } from '@/lib/library/schema';
import type { ArticleDraft, ArticleText } from '@/lib/library/views';
import { AppError } from '@/lib/result';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { canEditArticles } from './policy';

type ArticleCard = { id: string; slug: string; title: string; summary: string; lastReviewedAt: Date | null };
export type ModalityGroup = { id: string; slug: string; name: string; summary: string; articles: ArticleCard[] };

export async function listModalitiesWithArticles(): Promise<ModalityGroup[]> {
  return db().modality.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      articles: {
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
        select: { id: true, slug: true, title: true, summary: true, lastReviewedAt: true },
      },
    },
  });
}

export type ModalityOption = { id: string; name: string };

export async function listModalities(): Promise<ModalityOption[]> {
  return db().modality.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}

type UpcomingDiscussion = {
  id: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  status: 'SCHEDULED' | 'LIVE';
  visibility: 'PUBLIC' | 'MEMBERS';
};

export type ArticleView = ArticleText & {
  id: string;
  slug: string;
  modality: { id: string; slug: string; name: string };
  lastReviewedAt: Date | null;
  reviewedByName: string | null;
  authorName: string | null;
  updatedAt: Date;
  upcomingDiscussions: UpcomingDiscussion[];
};

const UPCOMING_LIMIT = 10;

/**
 * Discussions on a modality that are live now or start later, soonest first. Members-only discussions are
 * listed for signed-in people only; cancelled and ended ones never.
 */
async function listUpcomingDiscussionsForModality(actor: Actor | null, modalityId: string, now = new Date()): Promise<UpcomingDiscussion[]> {
  const rows = await db().discussion.findMany({
    where: {
      modalities: { some: { modalityId } },
      OR: [{ status: 'LIVE' }, { status: 'SCHEDULED', startsAt: { gt: now } }],
      ...(actor ? {} : { visibility: 'PUBLIC' }),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: UPCOMING_LIMIT,
    select: { id: true, title: true, startsAt: true, timeZone: true, durationMinutes: true, status: true, visibility: true },
  });
  return rows as UpcomingDiscussion[];
}

/** The article page's view model, or null when there is no such article (or the slug is not one). */
export async function getArticleBySlug(actor: Actor | null, slug: string, now = new Date()): Promise<ArticleView | null> {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const article = await db().article.findUnique({
    where: { slug: parsed.data },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      body: true,
      benefits: true,
      risks: true,
      contraindications: true,
      legalStatus: true,
      references: true,
      lastReviewedAt: true,
      updatedAt: true,
      modality: { select: { id: true, slug: true, name: true } },
      reviewedBy: { select: { displayName: true } },
      author: { select: { displayName: true } },
    },
  });
  if (!article) return null;
  const { reviewedBy, author, references, ...rest } = article;
  return {
    ...rest,
    references: parseStoredReferences(references),
    reviewedByName: reviewedBy?.displayName ?? null,
    authorName: author?.displayName ?? null,
    upcomingDiscussions: await listUpcomingDiscussionsForModality(actor, article.modality.id, now),
  };
}

/** The editor's copy of an article. Members are refused here too, not only when they save. */
export async function getArticleForEdit(actor: Actor, slug: string): Promise<ArticleDraft | null> {
  if (!canEditArticles(actor)) throw new AppError('forbidden', 'Only elders and admins can write or edit library articles.');
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  const a = await db().article.findUnique({ where: { slug: parsed.data } });
  if (!a) return null;
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    modalityId: a.modalityId,
    summary: a.summary,
    body: a.body,
    benefits: a.benefits,
    risks: a.risks,
    contraindications: a.contraindications,
    legalStatus: a.legalStatus,
    references: parseStoredReferences(a.references),
    updatedAt: a.updatedAt.toISOString(),
  };
}
