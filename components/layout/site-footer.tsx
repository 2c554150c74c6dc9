import Link from 'next/link';

// On every page, last in the tab order: where to find support now, whatever page someone is on.
export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Fireside is a peer community, not medical care. In a crisis, contact local emergency services.</p>
        <Link
          href="/support"
          data-testid="footer-support"
          className="inline-flex min-h-11 shrink-0 items-center self-start rounded-md border border-ember-200 bg-ember-50 px-3 font-medium text-ember-800 no-underline hover:bg-ember-100 sm:self-auto"
        >
          Need support now?
        </Link>
      </div>
    </footer>
  );
}
