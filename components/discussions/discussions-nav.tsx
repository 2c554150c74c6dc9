// The discussions section's views (upcoming, past, calendar) and its filters (modality, host).
import Link from 'next/link';
import { inputClass } from '@/components/ui/field';

export type View = 'upcoming' | 'past' | 'calendar';
type Filters = { modality?: string; host?: string };

function qs(params: Record<string, string | undefined>): string {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => !!v) as [string, string][]).toString();
  return s ? `?${s}` : '';
}

export function DiscussionsNav({ view, filters }: { view: View; filters: Filters }) {
  const tabs: [View, string, string][] = [
    ['upcoming', 'Upcoming', `/discussions${qs({ ...filters })}`],
    ['past', 'Past', `/discussions${qs({ when: 'past', ...filters })}`],
    ['calendar', 'Calendar', `/discussions/calendar${qs({ ...filters })}`],
  ];
  return (
    <nav aria-label="Discussion views">
      <ul className="flex flex-wrap gap-1 border-b border-stone-200">
        {tabs.map(([key, label, href]) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={view === key ? 'page' : undefined}
              className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 py-2 text-sm font-medium no-underline ${
                view === key ? 'border-ember-700 text-ember-800' : 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900'
              }`}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type FilterProps = {
  action: string;
  filters: Filters;
  options: { modalities: { slug: string; name: string }[]; hosts: { id: string; displayName: string }[] };
  /** Extra query values to keep (the list's when, the calendar's view and date). */
  keep?: Record<string, string | undefined>;
};

/** A plain GET form: works without JavaScript, and the filtered view has its own URL. */
export function DiscussionFilters({ action, filters, options, keep = {} }: FilterProps) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:flex-row sm:items-end"
      aria-label="Filter discussions"
    >
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex-1 space-y-1">
        <label htmlFor="filter-modality" className="block text-sm font-medium text-stone-800">
          Modality
        </label>
        <select id="filter-modality" name="modality" defaultValue={filters.modality ?? ''} className={inputClass}>
          <option value="">All modalities</option>
          {options.modalities.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex-1 space-y-1">
        <label htmlFor="filter-host" className="block text-sm font-medium text-stone-800">
          Host
        </label>
        <select id="filter-host" name="host" defaultValue={filters.host ?? ''} className={inputClass}>
          <option value="">All hosts</option>
          {options.hosts.map((h) => (
            <option key={h.id} value={h.id}>
              {h.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          className="inline-flex min-h-10 items-center justify-center rounded-md bg-ember-700 px-4 py-2 text-sm font-medium text-white hover:bg-ember-800"
        >
          Filter
        </button>
        {(filters.modality || filters.host) && (
          <Link
            href={`${action}${qs(keep)}`}
            className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 no-underline hover:bg-stone-100"
          >
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
