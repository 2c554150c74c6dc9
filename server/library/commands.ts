// Healing Library use cases: elders and admins write and review articles. Each checks policy first, validates,
// then writes the article and its audit entry in one transaction (nothing is half-written).
import { createArticleSchema, createModalitySchema, updateArticleSchema } from '@/lib/library/schema';
import { AppError } from '@/lib/result';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { canCreateModalities, canEditArticles } from './policy';

export type ArticleRef = { id: string; slug: string; updatedAt: Date };
export type ModalityRef = { id: string; slug: string; name: string };

const FORBIDDEN_MESSAGE = 'Only elders and admins can write or edit library articles.';

const slugTaken = () => new AppError('conflict', 'Another article already uses that address. Choose a different slug.', { slug: 'This address is taken.' });

async function requireModality(tx: Prisma.TransactionClient, modalityId: string) {
  const modality = await tx.modality.findUnique({ where: { id: modalityId }, select: { id: true } });
  if (!modality) throw new AppError('validation_error', 'Choose a modality from the list.', { modalityId: 'Choose a modality from the list.' });
}

export async function createArticle(actor: Actor, raw: unknown): Promise<ArticleRef> {
  if (!canEditArticles(actor)) throw new AppError('forbidden', FORBIDDEN_MESSAGE);
  const { markReviewed, references, ...input } = createArticleSchema.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      await requireModality(tx, input.modalityId);
      const article = await tx.article.create({
        data: {
          ...input,
          references: JSON.stringify(references),
          authorId: actor.id,
          ...(markReviewed ? { lastReviewedAt: new Date(), reviewedById: actor.id } : {}),
        },
        select: { id: true, slug: true, updatedAt: true },
      });
      await recordAudit(tx, actor, { action: 'article.created', target: { type: 'article', id: article.id }, detail: { title: input.title } });
      return article;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function updateArticle(actor: Actor, raw: unknown): Promise<ArticleRef> {
  if (!canEditArticles(actor)) throw new AppError('forbidden', FORBIDDEN_MESSAGE);
  const { id, expectedUpdatedAt, markReviewed, references, ...input } = updateArticleSchema.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      await requireModality(tx, input.modalityId);
      // The version check and the write are one statement, so two elders saving at once cannot both win.
      const { count } = await tx.article.updateMany({
        where: { id, ...(expectedUpdatedAt ? { updatedAt: new Date(expectedUpdatedAt) } : {}) },
        data: {
          ...input,
          references: JSON.stringify(references),
          ...(markReviewed ? { lastReviewedAt: new Date(), reviewedById: actor.id } : {}),
        },
      });
      if (count === 0) {
        const exists = await tx.article.findUnique({ where: { id }, select: { id: true } });
        if (!exists) throw new AppError('not_found', 'That article no longer exists.');
        throw new AppError('conflict', 'Someone else saved this article after you opened it. Copy your changes, reload and try again.');
      }
      await recordAudit(tx, actor, {
        action: markReviewed ? 'article.reviewed' : 'article.updated',
        target: { type: 'article', id },
        detail: { title: input.title },
      });
      return tx.article.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true, updatedAt: true } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function createModality(actor: Actor, raw: unknown): Promise<ModalityRef> {
  if (!canCreateModalities(actor)) throw new AppError('forbidden', 'Only elders and admins can add a modality.');
  const input = createModalitySchema.parse(raw);
  try {
    return await db().$transaction(async (tx) => {
      const modality = await tx.modality.create({ data: input, select: { id: true, slug: true, name: true } });
      await recordAudit(tx, actor, { action: 'modality.created', target: { type: 'modality', id: modality.id }, detail: { name: input.name } });
      return modality;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'A modality with that address already exists.', { slug: 'This address is taken.' });
    }
    throw err;
  }
}
