'use server';
import { headers } from 'next/headers';
import type { Result } from '@/lib/result';
import { toResult } from '@/server/errors';
import { CLIENT_IP_HEADER } from '@/server/http/client-ip';
import { type PublicUser, signUp } from '@/server/users/commands';

export async function signUpAction(input: unknown): Promise<Result<PublicUser>> {
  // The custom server stamps the client IP on every request (and overwrites a client-sent header of that name).
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
  return toResult(() => signUp(input, { ip }));
}
