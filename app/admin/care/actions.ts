'use server';
// The admin care settings page's edges: each calls its command in server/community/commands.ts.
import { revalidatePath } from 'next/cache';
import type { Result } from '@/lib/result';
import type { Actor } from '@/server/auth/actor';
import { requireActor } from '@/server/auth/next-session';
import {
  addCareTerm,
  createCareResource,
  deleteCareResource,
  removeCareTerm,
  reorderCareResources,
  setReportHideThreshold,
  updateCareResource,
} from '@/server/community/commands';
import { toResult } from '@/server/errors';

async function run<T>(command: (actor: Actor) => Promise<T>): Promise<Result<T>> {
  const result = await toResult(async () => command(await requireActor()));
  // Refused edits refresh too: a conflict's message says the page now shows the list as it is.
  revalidatePath('/admin/care');
  revalidatePath('/support');
  return result;
}

export async function addCareTermAction(input: unknown) {
  return run((actor) => addCareTerm(actor, input));
}

export async function removeCareTermAction(input: unknown) {
  return run((actor) => removeCareTerm(actor, input));
}

export async function createCareResourceAction(input: unknown) {
  return run((actor) => createCareResource(actor, input));
}

export async function updateCareResourceAction(input: unknown) {
  return run((actor) => updateCareResource(actor, input));
}

export async function deleteCareResourceAction(input: unknown) {
  return run((actor) => deleteCareResource(actor, input));
}

export async function reorderCareResourcesAction(input: unknown) {
  return run((actor) => reorderCareResources(actor, input));
}

export async function setReportHideThresholdAction(input: unknown) {
  return run((actor) => setReportHideThreshold(actor, input));
}
