'use client';
// The admin care settings' forms: the care word list, the crisis resources and the report threshold. Each submits a
// server action (./actions.ts), says what happened, and refreshes the page's data (the same pattern as
// /admin/moderation's forms, with the same submit hook and status line from components/ui/submit-status).
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldMessages, inputClass } from '@/components/ui/field';
import { OrderedList } from '@/components/ui/ordered-list';
import { Status, useSubmit } from '@/components/ui/submit-status';
import type { CareResourceList, CareResourceView } from '@/lib/care/views';
import {
  CARE_TERM_MAX,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
  RESOURCE_CONTACT_MAX,
  RESOURCE_DESCRIPTION_MAX,
  RESOURCE_NAME_MAX,
  RESOURCE_REGION_MAX,
} from '@/lib/community/schema';
import {
  addCareTermAction,
  createCareResourceAction,
  deleteCareResourceAction,
  removeCareTermAction,
  reorderCareResourcesAction,
  setReportHideThresholdAction,
  updateCareResourceAction,
} from './actions';

// ── The care word list ────────────────────────────────────────────────────────────────────────────────

export function CareWordList({ terms, isDefault }: { terms: string[]; isDefault: boolean }) {
  const { pending, outcome, fields, submit } = useSubmit();
  const [term, setTerm] = useState('');

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (
      await submit(
        () => addCareTermAction({ term }),
        (d) => `Added “${d.term}”.`,
      )
    )
      setTerm('');
  }

  return (
    <div className="space-y-4" data-testid="care-word-list">
      {isDefault && (
        <p className="text-sm text-stone-700" data-testid="care-terms-are-defaults">
          These are Fireside’s starting phrases, in English and Swedish. Your first change (adding or removing one) saves them as your community’s own.
        </p>
      )}
      <form onSubmit={onAdd} noValidate className="space-y-1" aria-label="Add to the care word list">
        <label htmlFor="field-care-term" className="block text-sm font-medium text-stone-800">
          Word or phrase
        </label>
        <div className="flex gap-2 sm:max-w-md">
          <input
            id="field-care-term"
            name="term"
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            maxLength={CARE_TERM_MAX}
            required
            autoComplete="off"
            aria-invalid={fields.term ? true : undefined}
            aria-describedby={`field-care-term-hint${fields.term ? ' field-care-term-error' : ''}`}
            className={`${inputClass} min-w-0 flex-1`}
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            Add
          </Button>
        </div>
        <FieldMessages
          fieldId="field-care-term"
          hint={`Up to ${CARE_TERM_MAX} characters. Write each phrase once, plainly: matching ignores case and spacing and catches common misspellings.`}
          error={fields.term}
        />
      </form>
      <Status outcome={outcome} testId="care-terms-status" />
      {terms.length === 0 ? (
        <p className="text-sm text-stone-700">
          The list is empty: no question goes to the care lane by its words (members can still report “someone may be at risk”).
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="The care word list">
          {terms.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white py-1 pr-1 pl-3 text-sm text-stone-900">
              <span>{t}</span>
              <button
                type="button"
                disabled={pending}
                onClick={() =>
                  submit(
                    () => removeCareTermAction({ term: t }),
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

// ── Crisis resources ──────────────────────────────────────────────────────────────────────────────────

function ResourceFields({ prefix, r, fields }: { prefix: string; r?: CareResourceView; fields: Record<string, string> }) {
  const descriptionId = `${prefix}-description`;
  return (
    <>
      <Field id={`${prefix}-name`} label="Name" name="name" defaultValue={r?.name} maxLength={RESOURCE_NAME_MAX} required error={fields.name} />
      <Field
        id={`${prefix}-contact`}
        label="How to reach them"
        name="contact"
        defaultValue={r?.contact}
        maxLength={RESOURCE_CONTACT_MAX}
        required
        error={fields.contact}
        hint="For example “Call or text 988”. A single number there gets Call (and Text) buttons."
      />
      <Field
        id={`${prefix}-region`}
        label="Region (optional)"
        name="region"
        defaultValue={r?.region}
        maxLength={RESOURCE_REGION_MAX}
        error={fields.region}
        hint="Where it helps, e.g. “Sweden” or “Everywhere”."
      />
      <div className="space-y-1">
        <label htmlFor={descriptionId} className="block text-sm font-medium text-stone-800">
          Description (optional)
        </label>
        <textarea
          id={descriptionId}
          name="description"
          rows={2}
          defaultValue={r?.description}
          maxLength={RESOURCE_DESCRIPTION_MAX}
          aria-invalid={fields.description ? true : undefined}
          aria-describedby={`${descriptionId}-hint${fields.description ? ` ${descriptionId}-error` : ''}`}
          className={inputClass}
        />
        <FieldMessages fieldId={descriptionId} hint={`Up to ${RESOURCE_DESCRIPTION_MAX} characters.`} error={fields.description} />
      </div>
    </>
  );
}

const resourceValues = (form: HTMLFormElement) => {
  const data = new FormData(form);
  const value = (k: string) => String(data.get(k) ?? '');
  return { name: value('name'), contact: value('contact'), region: value('region'), description: value('description') };
};

export function CareResources({ list }: { list: CareResourceList }) {
  const { pending, outcome, fields, submit } = useSubmit();

  return (
    <div className="space-y-4" data-testid="care-resources">
      {list.isDefault && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="care-resources-are-defaults">
          <strong>Check these for your community.</strong> These are general resources shipped with Fireside. Make sure the lines fit where your members live;
          your first change (an edit, a new resource, a removal or a new order) saves them as your community’s own.
        </p>
      )}
      <Status outcome={outcome} testId="care-resources-status" />
      <OrderedList
        items={list.resources}
        name={(r) => r.name}
        pending={pending}
        rowTestId="care-resource"
        empty={<p className="text-sm text-stone-700">No resources listed: the support page then only says to contact local emergency services.</p>}
        view={(r) => (
          <div>
            <h3 className="font-medium text-stone-900">
              {r.name}
              {r.region && <span className="font-normal text-stone-600"> · {r.region}</span>}
            </h3>
            <p className="text-sm text-stone-900">{r.contact}</p>
            {r.description && <p className="text-sm text-stone-700">{r.description}</p>}
          </div>
        )}
        fields={(r) => <ResourceFields prefix={`resource-${r?.id ?? 'new'}`} r={r} fields={fields} />}
        submit={submit}
        actions={{
          save: (r, form) => updateCareResourceAction({ id: r.id, ...resourceValues(form) }),
          add: (form) => createCareResourceAction(resourceValues(form)),
          reorder: (ids) => reorderCareResourcesAction({ ids }),
          remove: (r) => deleteCareResourceAction({ id: r.id }),
        }}
        labels={{ remove: 'Remove', removed: 'Removed', add: 'Add a resource', addSubmit: 'Add resource' }}
      />
    </div>
  );
}

// ── The report threshold ──────────────────────────────────────────────────────────────────────────────

export function ReportThreshold({ count }: { count: number }) {
  const { pending, outcome, fields, submit } = useSubmit();

  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('count') ?? '');
    await submit(
      () => setReportHideThresholdAction({ count: value }),
      (d) => `Saved: a question is hidden for review once ${d.count} ${d.count === 1 ? 'person reports' : 'different people report'} it.`,
    );
  }

  return (
    <form onSubmit={onSave} noValidate className="space-y-3" aria-label="Report threshold" data-testid="report-threshold">
      <div className="max-w-xs">
        <Field
          label="Reports that hide a question"
          name="count"
          type="number"
          inputMode="numeric"
          min={REPORT_THRESHOLD_MIN}
          max={REPORT_THRESHOLD_MAX}
          step={1}
          defaultValue={count}
          required
          error={fields.count}
          hint={`When this many different members report a question, it is hidden until a facilitator reviews it (${REPORT_THRESHOLD_MIN} to ${REPORT_THRESHOLD_MAX}). A “someone may be at risk” report goes to the care lane at once.`}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <Status outcome={outcome} testId="report-threshold-status" />
    </form>
  );
}
