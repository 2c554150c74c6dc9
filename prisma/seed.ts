// The demo community: seeded by `npm start` into an empty database when DEMO_SEED allows it (server/db/demo.ts),
// or by `npm run db:seed`.

import { nameKey } from '../lib/users/display-name';
import type { Db } from '../server/db/client';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-accounts';
import { ensurePracticeRoomLive, seedDemoDiscussionsIfEmpty } from './seed-discussions';
import { seedLibraryIfEmpty } from './seed-library';

export { DEMO_PASSWORD, DEMO_USERS, ensurePracticeRoomLive };

/**
 * Seeds the demo accounts when the database has no users; returns whether it seeded. The caller hands in the
 * server's password hasher (server/auth/password.ts): seeds import nothing of the server but server/db.
 */
export async function seedDemoCommunityIfEmpty(db: Db, hashPassword: (password: string) => Promise<string>): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return;
    await tx.user.createMany({ data: DEMO_USERS.map((u) => ({ ...u, nameKey: nameKey(u.displayName), passwordHash })) });
  });
  // The Healing Library's starter articles, written and reviewed by the demo elders.
  await seedLibraryIfEmpty(db);
  // Upcoming discussions (a weekly series and one-offs) by the demo elders, linked to the library.
  await seedDemoDiscussionsIfEmpty(db);
  return true;
}
