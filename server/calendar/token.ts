// The calendar feed token's stored form: sha256 of the random token (the token itself is never stored).
import { createHash } from 'node:crypto';

/** sha256 is enough here: the token is 256 random bits, so there is nothing to brute-force or salt against. */
export function calendarTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
