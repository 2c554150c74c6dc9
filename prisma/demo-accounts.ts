// The demo community's accounts: plain data, so the start-up check and the page banner (server/db/demo.ts) can
// know them without loading the seeding code. Their password is public (README), hence DEMO_SEED.
import type { RoleName } from '../lib/users/roles';

export const DEMO_PASSWORD = 'campfire-circle-2026';

export const DEMO_USERS: { email: string; displayName: string; role: RoleName; timeZone: string }[] = [
  { email: 'admin@example.org', displayName: 'Ada Brightwater', role: 'ADMIN', timeZone: 'Europe/Berlin' },
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
