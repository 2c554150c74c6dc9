// A labelled form field with its hint and error, wired for screen readers.
import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: ReactNode; error?: string };

export const inputClass =
  'block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-ember-600 focus:ring-2 focus:ring-ember-200 aria-[invalid=true]:border-red-600';

export function Field({ label, name, hint, error, id, ...input }: Props) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input id={fieldId} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} {...input} />
      <FieldMessages fieldId={fieldId} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and error, with the ids its control names in aria-describedby (`<id>-hint`, `<id>-error`). */
export function FieldMessages({ fieldId, hint, error }: { fieldId: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${fieldId}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
