import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Healing Library' };

export default function LibraryPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Healing Library</h1>
      <p className="max-w-2xl text-stone-700">
        Articles on each modality (summary, benefits, risks, contraindications, legal status and references) are being written by
        our elders. Check back soon.
      </p>
    </div>
  );
}
