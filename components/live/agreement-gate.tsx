'use client';
// The discussion agreement every member accepts before entering the room.
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function AgreementGate({ text, onAccept }: { text: string; onAccept: () => void }) {
  const [checked, setChecked] = useState(false);
  return (
    <section aria-labelledby="agreement-title" className="space-y-4 rounded-lg border border-ember-200 bg-ember-50 p-5">
      <h2 id="agreement-title" className="text-lg font-semibold text-ember-800">
        Before you enter
      </h2>
      <p className="whitespace-pre-wrap text-stone-800" data-testid="agreement-text">
        {text}
      </p>
      <label className="flex items-start gap-2 text-stone-900">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} className="mt-1 h-5 w-5 accent-ember-700" />I have read this
        agreement and will keep it.
      </label>
      <Button type="button" disabled={!checked} onClick={onAccept}>
        Enter the room
      </Button>
    </section>
  );
}
