'use server';
import { revalidatePath } from 'next/cache';
import type { Result } from '@/lib/result';
import { requireActor } from '@/server/auth/next-session';
import { toResult } from '@/server/errors';
import { banUser, changeRole, type PublicUser, unbanUser } from '@/server/users/commands';

async function run(command: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<PublicUser>): Promise<Result<PublicUser>> {
  const result = await toResult(async () => command(await requireActor()));
  if (result.ok) revalidatePath('/admin/users');
  return result;
}

export async function changeRoleAction(input: unknown) {
  return run((actor) => changeRole(actor, input));
}

export async function banUserAction(input: unknown) {
  return run((actor) => banUser(actor, input));
}

export async function unbanUserAction(input: unknown) {
  return run((actor) => unbanUser(actor, input));
}
