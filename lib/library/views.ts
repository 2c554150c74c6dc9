// What the library's queries hand to pages and client components (the editor): plain data, no Prisma types.
import type { Reference } from './schema';

/** The editor's copy of an article (server/library/queries.ts getArticleForEdit). */
export type ArticleDraft = {
  id: string;
  slug: string;
  title: string;
  modalityId: string;
  summary: string;
  body: string;
  benefits: string;
  risks: string;
  contraindications: string;
  legalStatus: string;
  references: Reference[];
  updatedAt: string;
};
