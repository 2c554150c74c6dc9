'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/' })}
      className="rounded px-2 py-1 text-stone-700 hover:bg-stone-100 hover:text-stone-950"
    >
      Sign out
    </button>
  );
}
