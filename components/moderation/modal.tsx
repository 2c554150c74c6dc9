'use client';
// A real modal <dialog>: focus moves into it, Escape closes it, and focus returns to what opened it.
import { type ReactNode, useEffect, useRef } from 'react';

export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    return () => {
      dialog.close();
      // Back to the control that opened it; when that is gone (the item left the list), to the list.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-testid="console-list"]');
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby="modal-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="space-y-4 p-5">
        <div className="flex items-start gap-3">
          <h2 id="modal-title" className="flex-1 text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            aria-label="Close"
            className="min-h-10 min-w-10 rounded-md border border-stone-300 text-stone-700 hover:bg-stone-100"
          >
            ×
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
