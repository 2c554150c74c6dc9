// A labelled group of checkboxes for picking several ids (modalities, articles, hosts), with its hint and error
// wired for screen readers; renders nothing when there is nothing to pick.
type Props = {
  legend: string;
  name: string;
  items: { id: string; label: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  hint?: string;
};

export function CheckboxGroup({ legend, name, items, selected, onChange, error, hint }: Props) {
  if (!items.length) return null;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      {hint && <p className="text-sm text-stone-600">{hint}</p>}
      <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 bg-white p-2 sm:grid-cols-2">
        {items.map((it) => (
          <label key={it.id} className="flex min-h-10 cursor-pointer items-center gap-2 rounded px-2 text-sm text-stone-800 hover:bg-stone-50">
            <input
              type="checkbox"
              name={name}
              value={it.id}
              checked={selected.includes(it.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, it.id] : selected.filter((x) => x !== it.id))}
              className="h-4 w-4 accent-ember-700"
            />
            {it.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
