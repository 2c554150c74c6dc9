'use client';
// An ordered list the admin edits in place (crisis resources, reject reasons): each row read, or its edit form, with
// Edit / Up / Down / Remove buttons; an "add" form after the list. The page passes its server actions and its form's
// submit (pending state, status line); this owns which row is open, the order a move makes, labels and messages.
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Result } from '@/lib/result';
import { Button } from './button';

type Props<T extends { id: string }> = {
  items: T[];
  /** What a row is called in the buttons' labels and the messages, e.g. `Move “<name>” up`. */
  name: (item: T) => string;
  /** A save is running: the buttons that would start another are disabled. */
  pending: boolean;
  rowTestId: string;
  /** Shown instead of the list when it is empty (without it, the empty list stays). */
  empty?: ReactNode;
  /** A row as read. */
  view: (item: T) => ReactNode;
  /** The form's fields: filled from the row being edited, or empty for a new one. */
  fields: (item?: T) => ReactNode;
  /** The page form's submit (pending, then the status line and the page refreshed); true when it saved. */
  submit: <R>(action: () => Promise<Result<R>>, done: (data: R) => string) => Promise<boolean>;
  /** The server actions behind the rows: each gets what the form or the move says. */
  actions: {
    save: (item: T, form: HTMLFormElement) => Promise<Result<T>>;
    add: (form: HTMLFormElement) => Promise<Result<T>>;
    reorder: (ids: string[]) => Promise<Result<unknown>>;
    remove: (item: T) => Promise<Result<unknown>>;
  };
  /** The remove button's word and what the status line says after it ("Remove", "Removed"); the add button's. */
  labels: { remove: string; removed: string; add: string; addSubmit: string };
};

type RowFormProps = {
  label: string;
  submit: string;
  pending: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  className: string;
  children: ReactNode;
};

// The edit form and the add form: the fields, then Save (or Add) and Cancel.
function RowForm({ label, submit, pending, onSubmit, onCancel, className, children }: RowFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-label={label}>
      {children}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {submit}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function OrderedList<T extends { id: string }>({ items, name, pending, rowTestId, empty, view, fields, submit, actions, labels }: Props<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  async function save(e: FormEvent<HTMLFormElement>, item: T) {
    e.preventDefault();
    const form = e.currentTarget;
    if (
      await submit(
        () => actions.save(item, form),
        (saved) => `Saved “${name(saved)}”.`,
      )
    )
      setEditing(null);
  }
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if (
      await submit(
        () => actions.add(form),
        (added) => `Added “${name(added)}”.`,
      )
    ) {
      form.reset();
      setAdding(false);
    }
  }
  function remove(item: T) {
    const removed = name(item);
    void submit(
      () => actions.remove(item),
      () => `${labels.removed} “${removed}”.`,
    );
  }
  function move(index: number, by: -1 | 1) {
    const ids = items.map((it) => it.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    const moved = name(items[index]);
    void submit(
      () => actions.reorder(ids),
      () => `Moved “${moved}” ${by < 0 ? 'up' : 'down'}.`,
    );
  }

  return (
    <>
      {items.length === 0 && empty ? (
        empty
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((it, i) => (
            <li key={it.id} className="space-y-3 p-4" data-testid={rowTestId}>
              {editing === it.id ? (
                <RowForm
                  label={`Edit “${name(it)}”`}
                  submit="Save"
                  pending={pending}
                  onSubmit={(e) => save(e, it)}
                  onCancel={() => setEditing(null)}
                  className="space-y-3"
                >
                  {fields(it)}
                </RowForm>
              ) : (
                <>
                  {view(it)}
                  <div className="flex flex-wrap gap-2">
                    <Button type="button" variant="secondary" disabled={pending} onClick={() => setEditing(it.id)} aria-label={`Edit “${name(it)}”`}>
                      Edit
                    </Button>
                    <Button type="button" variant="secondary" disabled={pending || i === 0} onClick={() => move(i, -1)} aria-label={`Move “${name(it)}” up`}>
                      Up
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={pending || i === items.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`Move “${name(it)}” down`}
                    >
                      Down
                    </Button>
                    <Button type="button" variant="danger" disabled={pending} onClick={() => remove(it)} aria-label={`${labels.remove} “${name(it)}”`}>
                      {labels.remove}
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {adding ? (
        <RowForm
          label={labels.add}
          submit={labels.addSubmit}
          pending={pending}
          onSubmit={add}
          onCancel={() => setAdding(false)}
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
        >
          {fields()}
        </RowForm>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
          {labels.add}
        </Button>
      )}
    </>
  );
}
