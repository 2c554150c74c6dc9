'use client';
// The admin moderation settings' forms: the community word list, the reject reason templates and the new-member
// tier. Each submits a server action (./actions.ts), says what happened, and refreshes the page's data.
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldMessages, inputClass } from '@/components/ui/field';
import { OrderedList } from '@/components/ui/ordered-list';
import { Status, useSubmit } from '@/components/ui/submit-status';
import { NEW_MEMBER_HOLDS_MAX, TEMPLATE_BODY_MAX, TEMPLATE_LABEL_MAX, TERM_MAX } from '@/lib/community/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import {
  addBlockedTermAction,
  createReasonTemplateAction,
  deleteReasonTemplateAction,
  removeBlockedTermAction,
  reorderReasonTemplatesAction,
  setNewMemberHoldsAction,
  updateReasonTemplateAction,
} from './actions';

// ── The word list ─────────────────────────────────────────────────────────────────────────────────────

export function WordList({ terms }: { terms: string[] }) {
  const { pending, outcome, fields, submit } = useSubmit();
  const [term, setTerm] = useState('');

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (
      await submit(
        () => addBlockedTermAction({ term }),
        (d) => `Added “${d.term}”.`,
      )
    )
      setTerm('');
  }

  return (
    <div className="space-y-4" data-testid="word-list">
      <form onSubmit={onAdd} noValidate className="space-y-1" aria-label="Add to the word list">
        <label htmlFor="field-term" className="block text-sm font-medium text-stone-800">
          Word or phrase
        </label>
        <div className="flex gap-2 sm:max-w-md">
          <input
            id="field-term"
            name="term"
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            maxLength={TERM_MAX}
            required
            autoComplete="off"
            aria-invalid={fields.term ? true : undefined}
            aria-describedby={`field-term-hint${fields.term ? ' field-term-error' : ''}`}
            className={`${inputClass} min-w-0 flex-1`}
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            Add
          </Button>
        </div>
        <FieldMessages fieldId="field-term" hint={`Up to ${TERM_MAX} characters, matched as a whole word in any case.`} error={fields.term} />
      </form>
      <Status outcome={outcome} testId="word-list-status" />
      {terms.length === 0 ? (
        <p className="text-sm text-stone-700">No words of your own yet: only the built-in English list holds questions.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="The community’s words">
          {terms.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white py-1 pr-1 pl-3 text-sm text-stone-900">
              <span>{t}</span>
              <button
                type="button"
                disabled={pending}
                onClick={() =>
                  submit(
                    () => removeBlockedTermAction({ term: t }),
                    () => `Removed “${t}”.`,
                  )
                }
                aria-label={`Remove “${t}”`}
                className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 disabled:text-stone-400"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ── Reject reason templates ───────────────────────────────────────────────────────────────────────────

function TemplateFields({ prefix, label, body, fields }: { prefix: string; label?: string; body?: string; fields: Record<string, string> }) {
  const labelId = `${prefix}-label`;
  const bodyId = `${prefix}-body`;
  return (
    <>
      <Field
        id={labelId}
        label="Label"
        name="label"
        defaultValue={label}
        maxLength={TEMPLATE_LABEL_MAX}
        required
        error={fields.label}
        hint="What facilitators pick from."
      />
      <div className="space-y-1">
        <label htmlFor={bodyId} className="block text-sm font-medium text-stone-800">
          What the asker reads
        </label>
        <textarea
          id={bodyId}
          name="body"
          rows={3}
          defaultValue={body}
          maxLength={TEMPLATE_BODY_MAX}
          required
          aria-invalid={fields.body ? true : undefined}
          aria-describedby={`${bodyId}-hint${fields.body ? ` ${bodyId}-error` : ''}`}
          className={inputClass}
        />
        <FieldMessages fieldId={bodyId} hint={`Up to ${TEMPLATE_BODY_MAX} characters. Only the asker sees it.`} error={fields.body} />
      </div>
    </>
  );
}

const formValues = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return { label: String(data.get('label') ?? ''), body: String(data.get('body') ?? '') };
};

export function ReasonTemplates({ templates, defaults }: { templates: ReasonTemplateView[]; defaults: boolean }) {
  const { pending, outcome, fields, submit } = useSubmit();

  return (
    <div className="space-y-4" data-testid="reason-templates">
      {defaults && (
        <p className="text-sm text-stone-700" data-testid="templates-are-defaults">
          These are Fireside’s kind defaults. Your first change (an edit, a new reason, a deletion or a new order) saves them as your community’s own.
        </p>
      )}
      <Status outcome={outcome} testId="templates-status" />
      <OrderedList
        items={templates}
        name={(t) => t.label}
        pending={pending}
        rowTestId="reason-template"
        view={(t) => (
          <div>
            <h3 className="font-medium text-stone-900">{t.label}</h3>
            <p className="text-sm text-stone-700">{t.body}</p>
          </div>
        )}
        fields={(t) => <TemplateFields prefix={`template-${t?.id ?? 'new'}`} label={t?.label} body={t?.body} fields={fields} />}
        submit={submit}
        actions={{
          save: (t, form) => updateReasonTemplateAction({ id: t.id, ...formValues(form) }),
          add: (form) => createReasonTemplateAction(formValues(form)),
          reorder: (ids) => reorderReasonTemplatesAction({ ids }),
          remove: (t) => deleteReasonTemplateAction({ id: t.id }),
        }}
        labels={{ remove: 'Delete', removed: 'Deleted', add: 'Add a reason', addSubmit: 'Add reason' }}
      />
    </div>
  );
}

// ── The new-member tier ───────────────────────────────────────────────────────────────────────────────

export function NewMemberTier({ count }: { count: number }) {
  const { pending, outcome, fields, submit } = useSubmit();

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('count') ?? '');
    await submit(
      () => setNewMemberHoldsAction({ count: value }),
      (d) =>
        d.count === 0
          ? 'Saved: new members’ questions are not held for being new.'
          : `Saved: a member’s first ${d.count} question${d.count === 1 ? '' : 's'} wait for review.`,
    );
  }

  return (
    <form onSubmit={onSave} noValidate className="space-y-3" aria-label="New-member tier" data-testid="new-member-tier">
      <div className="max-w-xs">
        <Field
          label="Questions held for a new member"
          name="count"
          type="number"
          inputMode="numeric"
          min={0}
          max={NEW_MEMBER_HOLDS_MAX}
          step={1}
          defaultValue={count}
          required
          error={fields.count}
          hint={`Hold a member’s first N questions in the community for review, even in discussions without pre-moderation (0 to ${NEW_MEMBER_HOLDS_MAX}).`}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <Status outcome={outcome} testId="new-member-status" />
    </form>
  );
}
