'use server';
// Thin edges over the discussion and RSVP use cases: identity from the session, a Result back.
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { cancelDiscussion, createDiscussion, type Scheduled, updateDiscussion } from '@/server/discussions/commands';
import { toResult } from '@/server/errors';
import { cancelRsvp, type RsvpView, rsvp } from '@/server/rsvp/commands';

export async function createDiscussionAction(input: unknown): Promise<Result<Scheduled>> {
  return toResult(async () => createDiscussion(await requireActor(), input));
}

export async function updateDiscussionAction(input: unknown): Promise<Result<{ id: string; changed: string[] }>> {
  return toResult(async () => updateDiscussion(await requireActor(), input));
}

export async function cancelDiscussionAction(input: unknown): Promise<Result<{ id: string }>> {
  return toResult(async () => cancelDiscussion(await requireActor(), input));
}

export async function rsvpAction(input: unknown): Promise<Result<RsvpView>> {
  return toResult(async () => rsvp(await requireActor(), input));
}

export async function cancelRsvpAction(input: unknown): Promise<Result<RsvpView>> {
  return toResult(async () => cancelRsvp(await requireActor(), input));
}
