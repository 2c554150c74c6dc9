'use client';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { signUpAction } from '@/app/signup/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { settleAction } from '@/lib/http/settle-action';
import { PASSWORD_MIN } from '@/lib/users/schema';

export function SignUpForm() {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      email: String(form.get('email') ?? ''),
      displayName: String(form.get('displayName') ?? ''),
      password: String(form.get('password') ?? ''),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    };
    setPending(true);
    setError(null);
    setFields({});
    const res = await settleAction(() => signUpAction(input));
    if (!res.ok) {
      setPending(false);
      setError(res.error.message);
      setFields(res.error.fields ?? {});
      return;
    }
    // The account exists now; if signing in throws (a proxy's error page, a dropped connection), the sign-in page
    // takes over rather than leaving this form on "Creating your account…".
    const signedIn = await signIn('credentials', { email: input.email, password: input.password, redirect: false }).catch(() => null);
    window.location.assign(signedIn?.ok ? '/profile?welcome=1' : '/signin');
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <Alert tone="error" testId="signup-error">
          {error}
        </Alert>
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <Field
        label="Display name"
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={60}
        error={fields.displayName}
        hint="2–60 characters. A first name or nickname is fine."
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        error={fields.password}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words work well.`}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
