'use server';
// Server actions of the library editor: thin edges over server/library/commands.ts.
import { revalidatePath } from 'next/cache';
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { createArticle, createModality, type ModalityRef, updateArticle } from '@/server/library/commands';

export type SavedArticle = { slug: string; updatedAt: string };

export async function createArticleAction(input: unknown): Promise<Result<SavedArticle>> {
  const result = await toResult(async () => createArticle(await requireActor(), input));
  if (!result.ok) return result;
  revalidatePath('/library');
  return { ok: true, data: { slug: result.data.slug, updatedAt: result.data.updatedAt.toISOString() } };
}

export async function updateArticleAction(input: unknown): Promise<Result<SavedArticle>> {
  const result = await toResult(async () => updateArticle(await requireActor(), input));
  if (!result.ok) return result;
  revalidatePath('/library');
  revalidatePath(`/library/${result.data.slug}`);
  return { ok: true, data: { slug: result.data.slug, updatedAt: result.data.updatedAt.toISOString() } };
}

export async function createModalityAction(input: unknown): Promise<Result<ModalityRef>> {
  const result = await toResult(async () => createModality(await requireActor(), input));
  if (result.ok) revalidatePath('/library');
  return result;
}
