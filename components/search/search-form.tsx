// A plain GET search form (works without JavaScript): the header's box and the search page's field.
import { inputClass } from '@/components/ui/field';
import { SEARCH_QUERY_MAX_CHARS } from '@/lib/search/schema';

type Props = { defaultValue?: string; variant?: 'header' | 'page'; id?: string; className?: string };

export function SearchForm({ defaultValue = '', variant = 'page', id = variant === 'header' ? 'site-search' : 'search-q', className = '' }: Props) {
  const header = variant === 'header';
  return (
    <search aria-label={header ? 'Site search' : 'Search the library and discussions'} className={className}>
      <form action="/search" method="get" className={header ? 'flex gap-1' : 'flex flex-wrap gap-2'}>
        <label htmlFor={id} className="sr-only">
          Search articles and discussions
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_QUERY_MAX_CHARS}
          placeholder={header ? 'Search…' : 'Search articles and discussions'}
          autoComplete="off"
          className={header ? `${inputClass} min-h-10 min-w-0 flex-1 py-1.5 text-sm sm:w-44` : `${inputClass} min-h-10 max-w-xl flex-1`}
        />
        <button
          type="submit"
          className={
            header
              ? 'min-h-10 rounded-md border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800 hover:bg-stone-100'
              : 'min-h-10 rounded-md bg-ember-700 px-4 text-sm font-medium text-white hover:bg-ember-800'
          }
        >
          Search
        </button>
      </form>
    </search>
  );
}
