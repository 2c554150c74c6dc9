'use client';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
// The profile's "Password and sessions" section: change the password (current one required) and sign out of
// every browser. Both end every session, this one included, so the page then asks to sign in again.
import { type FormEvent, useState } from 'react';
import { changePasswordAction, signOutEverywhereAction } from '@/app/profile/actions';
import { useRealtimeSocket } from '@/components/realtime/realtime-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { settleAction } from '@/lib/http/settle-action';
import type { Result } from '@/lib/result';
import { PASSWORD_MIN } from '@/lib/users/schema';

export function AccountSecurity() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const socket = useRealtimeSocket();

  // Both actions drop every socket of the account; the realtime provider answers a server-side drop by
  // re-rendering the page, which would send this tab to the sign-in page before it can say what happened. So
  // this tab closes its own connection first, and opens it again if the action was refused.
  // A rejected call (413, 502, offline) becomes a refusal with a message, so the buttons come back.
  async function run<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
    const wasConnected = socket?.connected ?? false;
    socket?.disconnect();
    const res = await settleAction(action);
    if (!res.ok && wasConnected) socket?.connect();
    return res;
  }

  // The server has already ended this session; clear the cookie here without leaving the page, so the
  // person reads what happened and signs in again from the link.
  async function finish(text: string) {
    await signOut({ redirect: false }).catch(() => {});
    setDone(text);
  }

  async function onChangePassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    setFields({});
    const input = { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') };
    const res = await run(() => changePasswordAction(input));
    if (!res.ok) {
      setPending(false);
      setError(res.error.message);
      setFields(res.error.fields ?? {});
      return;
    }
    await finish('Password changed. Every session has ended, this one too: sign in again with your new password.');
  }

  async function onSignOutEverywhere() {
    setPending(true);
    setError(null);
    const res = await run(() => signOutEverywhereAction());
    if (!res.ok) {
      setPending(false);
      setError(res.error.message);
      return;
    }
    await finish('You are signed out everywhere, on this device too.');
  }

  if (done) {
    return (
      <div className="space-y-3" data-testid="account-security">
        <Alert tone="success" testId="account-security-done">
          {done}
        </Alert>
        <Link href="/signin?callbackUrl=%2Fprofile" className="font-medium text-ember-700 underline">
          Sign in again
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6" data-testid="account-security">
      {error && (
        <Alert tone="error" testId="account-security-error">
          {error}
        </Alert>
      )}
      <form onSubmit={onChangePassword} className="space-y-4" noValidate aria-labelledby="change-password-heading">
        <h3 id="change-password-heading" className="font-medium text-stone-900">
          Change your password
        </h3>
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fields.currentPassword} />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          error={fields.newPassword}
          hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out everywhere, here too.`}
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Working…' : 'Change password'}
        </Button>
      </form>
      <div className="space-y-2">
        <h3 className="font-medium text-stone-900">Sessions</h3>
        <p className="text-sm text-stone-700">Lost a device or signed in somewhere public? End every session of your account, this one included.</p>
        <Button type="button" variant="danger" onClick={onSignOutEverywhere} disabled={pending}>
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
