// The server's clock for moderation time (mutes, claims, the "answered" undo window): the wall clock plus an
// offset that only tests move (advanceClock from the in-process harness; POST /api/test/clock when
// FIRESIDE_TEST_CLOCK=1), so F12 is tested by moving time instead of sleeping. Kept per process on globalThis
// (processSingleton), so Next's bundle and the custom server read the same offset.
import { processSingleton } from './runtime';

const offset = () => processSingleton('clock-offset', () => ({ ms: 0 }));

/** Now, by the server's clock. */
export function now(): Date {
  return new Date(Date.now() + offset().ms);
}

/** Tests only: moves the server's clock forward by `ms`. */
export function advanceClock(ms: number): void {
  offset().ms += ms;
}

/** Tests only: back to the wall clock (between tests that moved it). */
export function resetClock(): void {
  offset().ms = 0;
}
