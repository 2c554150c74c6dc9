// Server actions answer a Result, but the call itself can reject before any answer arrives: a body over the
// size limit (413), a proxy's 502, a dropped connection, offline. A form that only awaited the Result then
// stayed on "Working…" for good (the bug issue 7 fixed for sign-in); this turns a rejection into a Result too.
import type { Result } from '@/lib/result';

const ACTION_FAILED_MESSAGE = 'Could not reach the server, or it did not answer properly. Check your connection and try again.';

export async function settleAction<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await action();
  } catch {
    return { ok: false, error: { code: 'unavailable', message: ACTION_FAILED_MESSAGE } };
  }
}
