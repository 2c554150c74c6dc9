// Sign-in throttling (F15, issue 7 item 5) with rate-limiter-flexible: memory store in the embedded default,
// Redis (shared by every node, with an in-memory insurance limiter) when REDIS_URL is set.
//
// Built to protect the owner of an account rather than the attacker:
// - Per account, failures slow down instead of locking: the first FREE_FAILURES in an hour cost nothing,
//   then each further failure closes the account for a delay that doubles up to MAX_DELAY_S. Every password
//   check passes one per-account gate at a time, so concurrent guesses cannot slip through together, and
//   the schedule itself caps guessing at about 100 failures an hour from any number of addresses.
// - The hard limit keys on account + IP: one address that keeps failing is shut out of that account for the
//   window; the owner, elsewhere, only ever meets the short delay.
// - Per IP, across accounts: a spray from one address stops after IP_ATTEMPTS failed password checks.
// - Only real wrong passwords are charged to those budgets. An attempt refused without a check (the account's
//   delay, a spent budget) gives its points back: otherwise the owner, trying again during a delay an attacker
//   caused, would use up their own account + IP budget and lock themselves out.
// - Password change (a stolen cookie guessing the current password) passes the same per-account gate and delay,
//   plus a small budget per user: CHANGE_FAILURES wrong current passwords per CHANGE_WINDOW_S.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { limiter, take } from '../rate-limit';

const FREE_FAILURES = 5;
const MAX_DELAY_S = 40;
const FAILURE_WINDOW_S = 3600;
const PAIR_ATTEMPTS = 20;
const IP_ATTEMPTS = 100;
const ATTEMPT_WINDOW_S = 900;
/** How long one in-flight password check holds the account's gate if it never settles (a crash). */
const CHECK_LOCK_S = 10;
const CHANGE_FAILURES = 5;
const CHANGE_WINDOW_S = 900;

/**
 * Seconds the account stays closed after its `failures`-th failure in the hour: 0 for the first four, then
 * 1, 2, 4, … up to MAX_DELAY_S. With a 40 s cap an attacker who tries the moment the gate opens gets at most
 * 5 + 6 (1…32 s) + 88 (every 40 s) = 99 failures an hour.
 */
export function failureDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_S);
}

function limiters() {
  return {
    failures: limiter('login_failures_account', Number.MAX_SAFE_INTEGER, FAILURE_WINDOW_S),
    gate: limiter('login_gate_account', 1, CHECK_LOCK_S),
    pair: limiter('login_attempts_account_ip', PAIR_ATTEMPTS, ATTEMPT_WINDOW_S),
    ip: limiter('login_attempts_ip', IP_ATTEMPTS, ATTEMPT_WINDOW_S),
    change: limiter('password_change_failures_user', CHANGE_FAILURES, CHANGE_WINDOW_S),
  };
}

const pairKey = (email: string, ip: string) => `${email}\n${ip}`;

export type Admission = { ok: true } | { ok: false; waitSeconds: number };

const refused = (ms: number): Admission => ({ ok: false, waitSeconds: Math.max(1, Math.ceil(ms / 1000)) });

/**
 * Admits one password check for this account from this IP, or says how long to wait. An admitted attempt is
 * charged to the IP and the account+IP pair until settled (a success or a broken check gives it back) and holds
 * the account's gate until settleLogin(); a refused one is charged nothing.
 */
export async function admitLogin(email: string, ip: string): Promise<Admission> {
  const l = limiters();
  const ipWait = await take(l.ip, ip);
  if (ipWait) {
    await l.ip.reward(ip).catch(() => {});
    return refused(ipWait);
  }
  const pairWait = await take(l.pair, pairKey(email, ip));
  const gateWait = pairWait ? 0 : await take(l.gate, email);
  if (pairWait || gateWait) {
    await Promise.allSettled([l.ip.reward(ip), l.pair.reward(pairKey(email, ip))]);
    return refused(pairWait || gateWait);
  }
  return { ok: true };
}

/**
 * Settles an admitted check: a success clears this address's count for the account and opens the gate; a
 * failure is counted for the account and closes the gate for the delay; `null` (the check itself broke)
 * gives the attempt back and only opens the gate.
 */
export async function settleLogin(email: string, ip: string, outcome: 'succeeded' | 'failed' | null): Promise<void> {
  const l = limiters();
  if (outcome === 'succeeded') {
    await Promise.allSettled([l.pair.delete(pairKey(email, ip)), l.ip.reward(ip)]);
  } else if (outcome === null) {
    await Promise.allSettled([l.pair.reward(pairKey(email, ip)), l.ip.reward(ip)]);
  }
  await settleGate(email, outcome === 'failed');
}

/** Opens the account's gate, or after a failure counts it for the account and keeps the gate closed for the delay. */
async function settleGate(email: string, failed: boolean): Promise<void> {
  const l = limiters();
  let delay = 0;
  if (failed) {
    const counted = await l.failures.consume(email).catch((res: unknown) => (res instanceof RateLimiterRes ? res : null));
    delay = failureDelaySeconds(counted?.consumedPoints ?? FREE_FAILURES);
  }
  await (delay > 0 ? l.gate.block(email, delay) : l.gate.delete(email));
}

/**
 * Admits one check of the current password on a password change by a signed-in user: the account's gate and
 * delay as for sign-in (keyed on the account's email), then the user's own budget of wrong current passwords.
 * The budget is read while holding the gate, so concurrent guesses cannot overrun it.
 */
export async function admitPasswordCheck(userId: string, email: string): Promise<Admission> {
  const l = limiters();
  const gateWait = await take(l.gate, email);
  if (gateWait) return refused(gateWait);
  const spent = await l.change.get(userId).catch(() => null);
  if (spent && spent.consumedPoints >= CHANGE_FAILURES) {
    await l.gate.delete(email).catch(() => {});
    return refused(spent.msBeforeNext);
  }
  return { ok: true };
}

/** Settles an admitted current-password check: a wrong password is counted for the user and the account. */
export async function settlePasswordCheck(userId: string, email: string, outcome: 'succeeded' | 'failed' | null): Promise<void> {
  if (outcome === 'failed')
    await limiters()
      .change.consume(userId)
      .catch(() => {});
  await settleGate(email, outcome === 'failed');
}
