// Demo data only where it belongs: when start-up seeds the demo community, and whether its accounts (whose
// password the README publishes) exist, for the page banner and the start-up warning.

import { DEMO_USERS } from '../../prisma/demo-accounts';
import type { Config } from '../config';
import { isLoopbackHost, isLoopbackUrl } from '../http/origin';
import { db } from './client';

/**
 * `on` seeds an empty database whatever the URL; `auto` (the default) only an embedded SQLite database served on
 * a loopback APP_URL and listening on a loopback address, i.e. someone trying Fireside on their own machine. A
 * server others can reach (a real address, or HOST=0.0.0.0 on a machine with a public interface) never gets a
 * public admin login by accident.
 */
export function wantsDemoSeed(config: Pick<Config, 'demoSeed' | 'appUrl' | 'dialect' | 'host'>): boolean {
  if (config.demoSeed === 'on') return true;
  if (config.demoSeed === 'off') return false;
  return config.dialect === 'sqlite' && isLoopbackUrl(config.appUrl) && isLoopbackHost(config.host);
}

const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

/** Whether any demo account exists: one indexed lookup of the ten known emails. */
export async function demoAccountsExist(client = db()): Promise<boolean> {
  return (await client.user.findFirst({ where: { email: { in: DEMO_EMAILS } }, select: { id: true } })) !== null;
}
