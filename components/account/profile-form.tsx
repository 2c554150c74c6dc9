'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { updateProfileAction } from '@/app/profile/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';

type Props = { displayName: string; timeZone: string; zones: string[] };

export function ProfileForm({ displayName, timeZone, zones }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    const res = await updateProfileAction({ displayName: String(form.get('displayName') ?? ''), timeZone: String(form.get('timeZone') ?? '') });
    setPending(false);
    if (res.ok) {
      setFields({});
      setStatus({ tone: 'success', text: 'Profile saved.' });
      router.refresh();
    } else {
      setFields(res.error.fields ?? {});
      setStatus({ tone: 'error', text: res.error.message });
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {status && (
        <Alert tone={status.tone} testId="profile-status">
          {status.text}
        </Alert>
      )}
      <Field label="Display name" name="displayName" defaultValue={displayName} required maxLength={60} error={fields.displayName} />
      <div className="space-y-1">
        <label htmlFor="field-timeZone" className="block text-sm font-medium text-stone-800">
          Time zone
        </label>
        <select id="field-timeZone" name="timeZone" defaultValue={timeZone} className={inputClass} aria-describedby="field-timeZone-hint">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p id="field-timeZone-hint" className="text-sm text-stone-600">
          Discussion times are shown in this zone.
        </p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save profile'}
      </Button>
    </form>
  );
}
