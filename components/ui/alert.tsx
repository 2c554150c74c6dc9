import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info';
const tones: Record<Tone, string> = {
  error: 'border-red-300 bg-red-50 text-red-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  info: 'border-ember-200 bg-ember-50 text-ember-800',
};

/** A message box; errors are announced politely by screen readers (role=status avoids Next's own alert role). */
export function Alert({ tone = 'info', children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} data-testid={testId} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
