'use client';
// The recap editor's controls: the host's note, removing and restoring an item, assigning and answering a
// follow-up, publishing. Each submits a server action, says what happened and refreshes the page.
import { type FormEvent, useId, useState } from 'react';
import {
  answerFollowUpAction,
  assignRecapItemAction,
  editRecapNoteAction,
  publishRecapAction,
  setRecapItemRemovedAction,
} from '@/app/discussions/[id]/recap/actions';
import { Button } from '@/components/ui/button';
import { FieldMessages, inputClass } from '@/components/ui/field';
import { Status, useSubmit } from '@/components/ui/submit-status';
import { FOLLOW_UP_ANSWER_MAX, RECAP_NOTE_MAX } from '@/lib/recaps/schema';

// These forms show no field errors of their own (a too-long note or answer, an assignee no longer on staff comes
// back as one), so every error goes to the form's status line.
const allErrorsInStatus = { fieldErrors: 'status' } as const;

export function RecapNoteEditor({ discussionId, note }: { discussionId: string; note: string }) {
  const { pending, outcome, submit } = useSubmit(allErrorsInStatus);
  const [value, setValue] = useState(note);
  const id = useId();
  return (
    <form
      noValidate
      aria-label="The host’s note"
      className="space-y-2"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit(
          () => editRecapNoteAction({ discussionId, note: value }),
          () => 'Note saved.',
        );
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Your note
      </label>
      <textarea
        id={id}
        rows={4}
        value={value}
        maxLength={RECAP_NOTE_MAX}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-hint`}
        className={inputClass}
        data-testid="recap-note-input"
      />
      <FieldMessages fieldId={id} hint="A few words for everyone who reads the recap: thanks, what stood out, what comes next. Markdown works." />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save note
      </Button>
      <Status outcome={outcome} />
    </form>
  );
}

export function RecapItemToggle({ discussionId, itemId, removed, label }: { discussionId: string; itemId: string; removed: boolean; label: string }) {
  const { pending, outcome, submit } = useSubmit(allErrorsInStatus);
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={`${removed ? 'Put back' : 'Remove from recap'}: “${label}”`}
        data-testid={removed ? 'recap-item-restore' : 'recap-item-remove'}
        onClick={() =>
          submit(
            () => setRecapItemRemovedAction({ discussionId, itemId, removed: !removed }),
            (d) => (d.removed ? 'Removed from the recap.' : 'Back in the recap.'),
          )
        }
      >
        {removed ? 'Put back' : 'Remove from recap'}
      </Button>
      <Status outcome={outcome} />
    </div>
  );
}

export function FollowUpAssign({
  discussionId,
  itemId,
  staff,
  assignedTo,
}: {
  discussionId: string;
  itemId: string;
  staff: { id: string; name: string }[];
  assignedTo: { id: string; name: string } | null;
}) {
  const { pending, outcome, submit } = useSubmit(allErrorsInStatus);
  const [value, setValue] = useState(assignedTo?.id ?? '');
  const id = useId();
  return (
    <form
      noValidate
      aria-label="Assign this follow-up"
      className="space-y-1"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit(
          () => assignRecapItemAction({ discussionId, itemId, assigneeId: value || null }),
          (d) => (d.assignee ? `Assigned to ${d.assignee.name}.` : 'Not assigned to anyone now.'),
        );
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Who follows up
      </label>
      <div className="flex flex-wrap gap-2">
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <select id={id} value={value} onChange={(e) => setValue(e.target.value)} className={inputClass}>
            <option value="">Nobody yet</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Assign
        </Button>
      </div>
      <Status outcome={outcome} />
    </form>
  );
}

export function FollowUpAnswerForm({ discussionId, itemId, answer }: { discussionId: string; itemId: string; answer: string | null }) {
  const { pending, outcome, submit } = useSubmit(allErrorsInStatus);
  const [value, setValue] = useState(answer ?? '');
  const id = useId();
  return (
    <form
      noValidate
      aria-label="Answer this follow-up"
      className="space-y-1"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit(
          () => answerFollowUpAction({ discussionId, itemId, answer: value }),
          () => 'Answer saved. Everyone who reads the recap sees it.',
        );
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {answer ? 'Edit the answer' : 'Answer it here'}
      </label>
      <textarea id={id} rows={3} value={value} maxLength={FOLLOW_UP_ANSWER_MAX} onChange={(e) => setValue(e.target.value)} className={inputClass} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save answer
      </Button>
      <Status outcome={outcome} />
    </form>
  );
}

/**
 * Mounted for the whole visit, draft or not: publishing re-renders the page as published, and the host must still
 * read what happened ("Published. 3 people were told.") after the button has gone.
 */
export function PublishRecap({ discussionId, draft }: { discussionId: string; draft: boolean }) {
  const { pending, outcome, submit } = useSubmit(allErrorsInStatus);
  return (
    <div className="space-y-2">
      {draft && (
        <Button
          type="button"
          disabled={pending}
          data-testid="recap-publish"
          onClick={() =>
            submit(
              () => publishRecapAction({ discussionId }),
              (d) => `Published. ${d.notified === 1 ? 'One person was' : `${d.notified} people were`} told.`,
            )
          }
        >
          Publish the recap
        </Button>
      )}
      <Status outcome={outcome} testId="recap-publish-status" />
    </div>
  );
}
