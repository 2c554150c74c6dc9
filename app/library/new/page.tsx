import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/library/article-editor';
import { EditorsOnly } from '@/components/library/forbidden';
import { MedicalNotice } from '@/components/library/medical-notice';
import { requirePageActor } from '@/server/auth/next-session';
import { canEditArticles } from '@/server/library/policy';
import { listModalities } from '@/server/library/queries';

export const metadata: Metadata = { title: 'Write an article' };

export default async function NewArticlePage() {
  const actor = await requirePageActor('/library/new');
  if (!canEditArticles(actor)) return <EditorsOnly />;
  const modalities = await listModalities();
  return (
    <div className="space-y-6">
      <div className="max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold text-stone-900">Write an article</h1>
        <p className="text-stone-700">
          Keep it balanced and careful: benefits and risks side by side, contraindications spelled out, legal status phrased generally, and published studies
          cited. Every article shows a &ldquo;not medical advice&rdquo; notice.
        </p>
      </div>
      <MedicalNotice />
      <ArticleEditor modalities={modalities} />
    </div>
  );
}
