import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInErrorMessage } from '@/lib/users/messages';

export const metadata: Metadata = { title: 'Sign in' };

function safeCallback(url: string | undefined): string {
  // Only same-site paths: never an open redirect.
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold text-stone-900">Sign in</h1>
      <p className="mt-2 text-stone-700">Welcome back to the circle.</p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={safeCallback(params.callbackUrl)} initialError={signInErrorMessage(params.error)} />
      </div>
      <p className="mt-4 text-sm text-stone-700">
        New here? <Link href="/signup" className="font-medium text-ember-700 underline">Create an account</Link>
      </p>
    </div>
  );
}
