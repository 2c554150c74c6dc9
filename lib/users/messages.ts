// What the sign-in form says for each error code next-auth hands back (see server/auth/sign-in.ts).
export function signInErrorMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error.startsWith('rate_limited')) {
    // The code carries the seconds to wait (server/auth/throttle.ts).
    const seconds = Number(error.split(':')[1]) || 60;
    const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many sign-in attempts. Please wait ${wait} and try again.`;
  }
  if (error === 'account_suspended' || error === 'suspended') {
    return 'This account is suspended by the community admins. If you think this is a mistake, please contact them.';
  }
  if (error === 'SessionRequired') return 'Please sign in to continue.';
  return 'That email and password do not match an account.';
}
