// The audit log's entries, newest first: who did what to whom, with the reason and detail recorded at the time;
// and the filter form above them (a plain GET form: it works before any script runs).
import Link from 'next/link';
import { inputClass } from '@/components/ui/field';
import { type AuditEntryView, type AuditFilterField, type AuditFilterOptions, auditActionName, auditActionWords } from '@/lib/audit/log';

export function AuditLog({ entries, showDiscussion = true }: { entries: AuditEntryView[]; showDiscussion?: boolean }) {
  return (
    <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="audit-log">
      {entries.map((e) => {
        const name = e.target.name ?? e.target.id;
        return (
          <li key={e.id} className="p-4 text-sm" data-action={e.action}>
            <p className="break-words">
              <strong>{e.actorName ?? 'System'}</strong> {auditActionWords(e.action, e.target.type)}{' '}
              {/* A question is named by the start of its text: quoted, so it reads as what was asked. */}
              {e.target.type === 'question' ? <span className="font-medium">“{name}”</span> : <strong>{name}</strong>}
              {/* An article's title is both its name and the detail recorded; say it once unless it changed since. */}
              {e.detail && e.detail !== e.target.name && !e.detail.includes('\n') && <span className="text-stone-700"> ({e.detail})</span>}
            </p>
            {e.detail?.includes('\n') && <p className="mt-1 whitespace-pre-line break-words text-stone-700">{e.detail}</p>}
            {e.reason && <p className="break-words text-stone-700">Reason: {e.reason}</p>}
            <p className="text-stone-600">
              <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
              {showDiscussion && e.discussion && (
                <>
                  {' · in '}
                  <Link href={`/discussions/${e.discussion.id}`} className="text-ember-700 underline">
                    {e.discussion.title ?? 'a deleted discussion'}
                  </Link>
                </>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

type FilterValues = Partial<Record<AuditFilterField, string>>;

/**
 * The log's filters: by discussion (when `options.discussions` has any), person, action and UTC date range.
 * Submits to `action` with GET; empty fields mean "any".
 */
/** `exportHref`: the CSV of the log with the filters in use (the admin log only). */
export function AuditFilters({
  action,
  values,
  options,
  exportHref,
}: {
  action: string;
  values: FilterValues;
  options: AuditFilterOptions;
  exportHref?: string;
}) {
  const select = (field: AuditFilterField, label: string, items: { value: string; label: string }[]) => (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`audit-${field}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select id={`audit-${field}`} name={field} defaultValue={values[field] ?? ''} className={inputClass}>
        <option value="">Any</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (field: 'from' | 'to', label: string) => (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`audit-${field}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input id={`audit-${field}`} type="date" name={field} defaultValue={values[field] ?? ''} className={inputClass} />
    </div>
  );
  const filtered = Object.values(values).some(Boolean);
  return (
    <search>
      <form action={action} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Filter the log">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {options.discussions.length > 0 &&
            select(
              'discussionId',
              'Discussion',
              options.discussions.map((d) => ({ value: d.id, label: d.title })),
            )}
          {select(
            'actorId',
            'Person',
            options.actors.map((a) => ({ value: a.id, label: a.name })),
          )}
          {select(
            'action',
            'Action',
            options.actions.map((a) => ({ value: a, label: auditActionName(a) })),
          )}
          {date('from', 'From (UTC day)')}
          {date('to', 'To (UTC day)')}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="min-h-10 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100">
            Filter
          </button>
          {filtered && (
            <Link href={action} className="inline-flex min-h-10 items-center text-sm text-ember-700 underline">
              Clear filters
            </Link>
          )}
          {exportHref && (
            <a href={exportHref} download className="inline-flex min-h-10 items-center text-sm text-ember-700 underline" data-testid="audit-export-csv">
              Download {filtered ? 'these entries' : 'the log'} as CSV
            </a>
          )}
        </div>
      </form>
    </search>
  );
}
