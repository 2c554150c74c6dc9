'use server';
// The admin moderation settings page's edges: each calls its command in server/community/commands.ts.
import { revalidatePath } from 'next/cache';
import type { Result } from '@/lib/result';
import type { Actor } from '@/server/auth/actor';
import { requireActor } from '@/server/auth/next-session';
import {
  addBlockedTerm,
  createReasonTemplate,
  deleteReasonTemplate,
  removeBlockedTerm,
  reorderReasonTemplates,
  setNewMemberHolds,
  updateReasonTemplate,
} from '@/server/community/commands';
import { toResult } from '@/server/errors';

async function run<T>(command: (actor: Actor) => Promise<T>): Promise<Result<T>> {
  const result = await toResult(async () => command(await requireActor()));
  // Refused edits refresh too: a conflict's message says the page now shows the list as it is.
  revalidatePath('/admin/moderation');
  return result;
}

export async function addBlockedTermAction(input: unknown) {
  return run((actor) => addBlockedTerm(actor, input));
}

export async function removeBlockedTermAction(input: unknown) {
  return run((actor) => removeBlockedTerm(actor, input));
}

export async function createReasonTemplateAction(input: unknown) {
  return run((actor) => createReasonTemplate(actor, input));
}

export async function updateReasonTemplateAction(input: unknown) {
  return run((actor) => updateReasonTemplate(actor, input));
}

export async function deleteReasonTemplateAction(input: unknown) {
  return run((actor) => deleteReasonTemplate(actor, input));
}

export async function reorderReasonTemplatesAction(input: unknown) {
  return run((actor) => reorderReasonTemplates(actor, input));
}

export async function setNewMemberHoldsAction(input: unknown) {
  return run((actor) => setNewMemberHolds(actor, input));
}
