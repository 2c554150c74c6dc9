// The personal calendar feed's secret: generate (replacing any old one) and revoke. Only the token's sha256 is
// stored, so a leaked database or backup does not hand out anyone's RSVP feed; the URL is shown once.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { getConfig } from '../config';
import { db } from '../db/client';
import { calendarTokenHash } from './token';

export async function regenerateCalendarToken(actor: Actor): Promise<{ url: string }> {
  const token = randomBytes(32).toString('base64url'); // 43 characters, 256 bits
  await db().user.update({ where: { id: actor.id }, data: { calendarTokenHash: calendarTokenHash(token) } });
  return { url: `${getConfig().appUrl}/api/calendar/feed/${token}` };
}

export async function revokeCalendarToken(actor: Actor): Promise<{ url: null }> {
  await db().user.update({ where: { id: actor.id }, data: { calendarTokenHash: null } });
  return { url: null };
}
