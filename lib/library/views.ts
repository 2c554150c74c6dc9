// What the library's queries hand to pages and client components (the editor): plain data, no Prisma types.
import type { Reference } from './schema';

/** The editor's copy of an article (server/library/queries.ts getArticleForEdit). */
/** The text of an article, section by section: what the editor edits, pages show and the seed writes. */
export type ArticleText = {
  title: string;
  summary: string;
  body: string;
  benefits: string;
  risks: string;
  contraindications: string;
  legalStatus: string;
  references: Reference[];
};

export type ArticleDraft = ArticleText & { id: string; slug: string; modalityId: string; updatedAt: string };
