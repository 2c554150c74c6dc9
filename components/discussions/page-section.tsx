// One titled box on the discussion page: the section is labelled by its own heading.
import type { ReactNode } from 'react';

const sectionBox = 'rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5';

export function PageSection({ id, title, testId, children }: { id: string; title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={sectionBox} data-testid={testId}>
      <h2 id={id} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
