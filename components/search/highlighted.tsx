// Snippet segments as React text nodes: matches inside <mark>, everything else plain text. Never HTML.
import type { Segment } from '@/lib/search/schema';

export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => {
        const Tag = s.hit ? 'mark' : 'span';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a snippet is rendered once and never reordered; a segment's place is its identity
          <Tag key={i} className={s.hit ? 'rounded-sm bg-amber-200 px-0.5 text-stone-950' : undefined}>
            {s.text}
          </Tag>
        );
      })}
    </>
  );
}
