'use server';
// The recap page's edges: each calls its command in server/recaps/commands.ts.
import { revalidatePath } from 'next/cache';
import type { Result } from '@/lib/result';
import type { Actor } from '@/server/auth/actor';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { answerFollowUp, assignRecapItem, editRecapNote, publishRecap, setRecapItemRemoved } from '@/server/recaps/commands';

async function run<T>(discussionId: unknown, command: (actor: Actor) => Promise<T>): Promise<Result<T>> {
  const result = await toResult(async () => command(await requireActor()));
  if (typeof discussionId === 'string' && discussionId.length <= 64) {
    revalidatePath(`/discussions/${discussionId}/recap`);
    revalidatePath(`/discussions/${discussionId}`);
  }
  return result;
}

const idOf = (input: unknown) => (input as { discussionId?: unknown } | null)?.discussionId;

export async function setRecapItemRemovedAction(input: unknown) {
  return run(idOf(input), (actor) => setRecapItemRemoved(actor, input));
}

export async function editRecapNoteAction(input: unknown) {
  return run(idOf(input), (actor) => editRecapNote(actor, input));
}

export async function assignRecapItemAction(input: unknown) {
  return run(idOf(input), (actor) => assignRecapItem(actor, input));
}

export async function answerFollowUpAction(input: unknown) {
  return run(idOf(input), (actor) => answerFollowUp(actor, input));
}

export async function publishRecapAction(input: unknown) {
  return run(idOf(input), (actor) => publishRecap(actor, input));
}
