import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/http/safe-callback';
import { signInErrorMessage } from '@/lib/users/messages';
import { getActor } from '@/server/auth/next-session';
import { getConfig } from '@/server/config';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { appUrl } = getConfig();
  // Only a page of this site, never an open redirect (lib/http/safe-callback.ts).
  const callbackUrl = safeCallbackPath(params.callbackUrl, appUrl);
  // Someone already signed in goes straight on to where they were headed.
  if (!params.error && (await getActor())) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold text-stone-900">Sign in</h1>
      <p className="mt-2 text-stone-700">Welcome back to the circle.</p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} appUrl={appUrl} initialError={signInErrorMessage(params.error)} />
      </div>
      <p className="mt-4 text-sm text-stone-700">
        New here?{' '}
        <Link href="/signup" className="font-medium text-ember-700 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
