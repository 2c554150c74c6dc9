'use client';
// Sign-out revokes the session on the server before the cookie is cleared; if that fails (a busy database) the
// server answers 503 and the person stays signed in: say so instead of pretending.
// next-auth's client loads on the click, not with every page (the header is on all of them).
import { useState } from 'react';

const FAILED = 'Could not sign you out just now: you are still signed in. Please try again.';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    setError(null);
    try {
      const { signOut } = await import('next-auth/react');
      const data = (await signOut({ redirect: false, callbackUrl: '/' })) as { url?: string; error?: { message?: string } } | undefined;
      if (data?.url) window.location.assign('/');
      else setError(data?.error?.message ?? FAILED);
    } catch {
      setError(FAILED);
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void onClick()}
        className="inline-flex min-h-10 shrink-0 items-center rounded px-2 text-stone-700 hover:bg-stone-100 hover:text-stone-950 sm:px-3"
      >
        Sign out
      </button>
      {error && (
        <span role="alert" data-testid="sign-out-error" className="basis-full text-right text-sm text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
