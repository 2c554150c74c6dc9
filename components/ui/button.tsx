'use client';
import type { ButtonHTMLAttributes } from 'react';
import { useHydrated } from './use-hydrated';

type Variant = 'primary' | 'secondary' | 'danger';
const variants: Record<Variant, string> = {
  primary: 'bg-ember-700 text-white hover:bg-ember-800 disabled:bg-stone-400',
  secondary: 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400',
};

/**
 * Every form using this button submits through a JavaScript handler. Until React has hydrated, a click would
 * submit the form natively instead (a GET with the fields, a password included, in the URL), so the button
 * stays disabled until then.
 */
export function Button({ variant = 'primary', className = '', disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const hydrated = useHydrated();
  return (
    <button
      {...props}
      disabled={disabled || !hydrated}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${variants[variant]} ${className}`}
    />
  );
}
