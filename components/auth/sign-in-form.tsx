'use client';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { safeCallbackPath } from '@/lib/http/safe-callback';
import { signInErrorMessage } from '@/lib/users/messages';

/** Long enough for a slow password check under load; after it the form says so instead of spinning. */
const ANSWER_TIMEOUT_MS = 20_000;

type Outcome = { ok: true } | { ok: false; message: string };

function refusedByStatus(status: number, appUrl: string): Outcome {
  if (status === 403) {
    return {
      ok: false,
      message: `The server refused this sign-in because this page is open at ${window.location.origin}, which is not this community's address. Open ${appUrl}/signin and sign in there.`,
    };
  }
  if (status >= 500) return { ok: false, message: `Sign-in failed because of a problem on the server (error ${status}). Please try again in a moment.` };
  return { ok: false, message: `The server refused this sign-in (error ${status}). Please wait a moment and try again.` };
}

/**
 * next-auth's credentials exchange (CSRF token, then the callback with `json: true`), done here rather than
 * with next-auth/react's signIn(): that one throws on any answer that is not its own JSON (our origin guard's
 * 403, a proxy's 502, a dropped connection), which left the form on "Signing in…" for good. Here every
 * outcome ends in a message.
 */
async function signInWithCredentials(email: string, password: string, callbackPath: string, appUrl: string): Promise<Outcome> {
  try {
    const csrf = await fetch('/api/auth/csrf', { cache: 'no-store', signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
    if (!csrf.ok) return refusedByStatus(csrf.status, appUrl);
    const { csrfToken } = (await csrf.json().catch(() => ({}))) as { csrfToken?: unknown };
    if (typeof csrfToken !== 'string') return refusedByStatus(502, appUrl);
    const res = await fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      // Our own callback, so the answer's URL is not a stale one from next-auth's callback-url cookie (which may
      // carry an `error`, e.g. after a suspension's sign-out).
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: callbackPath, json: 'true' }),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    // next-auth answers its own outcomes, a refusal (401) included, as `{ url }` with an `error` parameter.
    const { url } = (await res.json().catch(() => ({}))) as { url?: unknown };
    if (typeof url !== 'string') return refusedByStatus(res.ok ? 502 : res.status, appUrl);
    const error = new URL(url, window.location.origin).searchParams.get('error');
    const message = signInErrorMessage(error);
    if (message) return { ok: false, message };
    return res.ok ? { ok: true } : refusedByStatus(res.status, appUrl);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      return { ok: false, message: 'The server did not answer in time. Please try again in a moment.' };
    }
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.' };
  }
}

export function SignInForm({ callbackUrl, appUrl, initialError }: { callbackUrl: string; appUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const target = safeCallbackPath(callbackUrl, window.location.origin);
    const outcome = await signInWithCredentials(String(form.get('email') ?? ''), String(form.get('password') ?? ''), target, appUrl);
    if (outcome.ok) {
      // A full navigation so the whole layout (header, socket) starts as the signed-in person; on whichever
      // of the site's addresses this page is open, so the new session cookie goes along.
      window.location.assign(target);
      return;
    }
    setPending(false);
    setError(outcome.message);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <Alert tone="error" testId="signin-error">
          {error}
        </Alert>
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
