import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Discussions' };

export default function DiscussionsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Discussions</h1>
      <p className="max-w-2xl text-stone-700">No discussions are scheduled yet. Elders will post upcoming fireside discussions here.</p>
    </div>
  );
}
