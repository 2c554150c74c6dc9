import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/library/article-editor';
import { EditorsOnly } from '@/components/library/forbidden';
import { requirePageActor } from '@/server/auth/next-session';
import { canEditArticles } from '@/server/library/policy';
import { getArticleForEdit, listModalities } from '@/server/library/queries';

export const metadata: Metadata = { title: 'Edit article' };

export default async function EditArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePageActor(`/library/${encodeURIComponent(slug)}/edit`);
  if (!canEditArticles(actor)) return <EditorsOnly />;
  const [draft, modalities] = await Promise.all([getArticleForEdit(actor, slug), listModalities()]);
  if (!draft) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-stone-900">
        Edit <span className="sr-only">article </span>&ldquo;{draft.title}&rdquo;
      </h1>
      <ArticleEditor modalities={modalities} initial={draft} />
    </div>
  );
}
