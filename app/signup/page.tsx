import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth/sign-up-form';

export const metadata: Metadata = { title: 'Join Fireside' };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold text-stone-900">Join Fireside</h1>
      <p className="mt-2 text-stone-700">
        Your display name is what the room sees. You can always ask questions anonymously: then nobody sees your name, not even the facilitators, who see a
        pseudonym. Only a recorded reveal with a reason shows it to one of them, and you are told.
      </p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <SignUpForm />
      </div>
      <p className="mt-4 text-sm text-stone-700">
        Already a member?{' '}
        <Link href="/signin" className="font-medium text-ember-700 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
