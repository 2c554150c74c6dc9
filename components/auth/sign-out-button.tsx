'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/' })}
      className="inline-flex min-h-10 shrink-0 items-center rounded px-2 text-stone-700 hover:bg-stone-100 hover:text-stone-950 sm:px-3"
    >
      Sign out
    </button>
  );
}
