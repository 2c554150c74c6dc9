// Previous / next links between numbered pages of a server-rendered list (pages pass how to link to a page).
import Link from 'next/link';

const pageLinkClass = 'inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-3 hover:bg-stone-100';

type Props = { page: number; pages: number; href: (page: number) => string; labels?: { previous: string; next: string } };

export function Pager({ page, pages, href, labels = { previous: 'Previous', next: 'Next' } }: Props) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className={pageLinkClass}>
          {labels.previous}
        </Link>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className={pageLinkClass}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
