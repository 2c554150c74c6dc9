'use client';
import { useRouter } from 'next/navigation';
// Cancelling a discussion asks for confirmation and an optional reason that RSVPed members will read.
import { useRef, useState } from 'react';
import { cancelDiscussionAction } from '@/app/discussions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export function CancelDiscussion({ discussionId, isSeries }: { discussionId: string; isSeries: boolean }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    const res = await cancelDiscussionAction({ id: discussionId, reason });
    setPending(false);
    if (!res.ok) return setError(res.error.message);
    dialog.current?.close();
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={() => dialog.current?.showModal()}>
        Cancel discussion
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="cancel-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-200 p-0 shadow-xl backdrop:bg-black/40"
      >
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <h2 id="cancel-title" className="text-lg font-semibold text-stone-900">
            Cancel this discussion?
          </h2>
          <p className="text-sm text-stone-700">
            Everyone with a seat or on the waitlist is notified.{isSeries ? ' Only this occurrence is cancelled; the rest of the series stays.' : ''}
          </p>
          <div className="space-y-1">
            <label htmlFor="cancel-reason" className="block text-sm font-medium text-stone-800">
              Reason (optional, shown to members)
            </label>
            <textarea id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} className={inputClass} />
          </div>
          {error && <Alert tone="error">{error}</Alert>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? 'Cancelling…' : 'Yes, cancel it'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
