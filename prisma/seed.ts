// The demo community: seeded by `npm start` on an empty embedded (SQLite) database, or by `npm run db:seed`.
import { hashPassword } from '../server/auth/password';
import type { Db } from '../server/db/client';
import type { RoleName } from '../lib/users/schema';
import { seedLibraryIfEmpty } from './seed-library';
import { seedDemoDiscussionsIfEmpty } from '../server/discussions/demo-seed';

export const DEMO_PASSWORD = 'campfire-circle-2026';

export const DEMO_USERS: { email: string; displayName: string; role: RoleName; timeZone: string }[] = [
  { email: 'admin@example.org', displayName: 'Ada (admin)', role: 'ADMIN', timeZone: 'Europe/Berlin' },
  { email: 'rowan@example.org', displayName: 'Rowan Greywater', role: 'ELDER', timeZone: 'America/New_York' },
  { email: 'maya@example.org', displayName: 'Maya Okafor', role: 'ELDER', timeZone: 'Europe/London' },
  { email: 'sam@example.org', displayName: 'Sam Lindqvist', role: 'FACILITATOR', timeZone: 'Europe/Stockholm' },
  { email: 'jordan@example.org', displayName: 'Jordan Reyes', role: 'FACILITATOR', timeZone: 'America/Los_Angeles' },
  { email: 'alex@example.org', displayName: 'Alex', role: 'MEMBER', timeZone: 'America/Chicago' },
  { email: 'bea@example.org', displayName: 'Bea', role: 'MEMBER', timeZone: 'Europe/Berlin' },
  { email: 'chen@example.org', displayName: 'Chen', role: 'MEMBER', timeZone: 'Asia/Singapore' },
  { email: 'dara@example.org', displayName: 'Dara', role: 'MEMBER', timeZone: 'Australia/Sydney' },
  { email: 'eli@example.org', displayName: 'Eli', role: 'MEMBER', timeZone: 'America/New_York' },
];

/** Seeds the demo accounts when the database has no users; returns whether it seeded. */
export async function seedDemoCommunityIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return;
    await tx.user.createMany({ data: DEMO_USERS.map((u) => ({ ...u, passwordHash })) });
  });
  // The Healing Library's starter articles, written and reviewed by the demo elders.
  await seedLibraryIfEmpty(db);
  // Upcoming discussions (a weekly series and one-offs) by the demo elders, linked to the library.
  await seedDemoDiscussionsIfEmpty(db);
  return true;
}
