// The actor for Next's server components, server actions and route handlers (reads the request's cookies).
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/result';
import { type Actor, actorFromCookies } from './actor';

export async function getActor(): Promise<Actor | null> {
  const jar = await cookies();
  return actorFromCookies(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
}

/** For server actions and route handlers: throws `unauthenticated` when nobody valid is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError('unauthenticated', 'Please sign in again.');
  return actor;
}

/** For pages: sends a signed-out visitor to the sign-in page, then back here. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
