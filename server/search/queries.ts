// Search across library articles and discussions: one function, ranked, with highlighted snippets. SQLite
// (embedded default) uses the FTS5 index of migration 20261122020000_search; PostgreSQL (scale mode) uses
// weighted tsvector expression indexes with ts_rank_cd and ts_headline. Both read the same sanitised terms.
import type { DiscussionStatus } from '@/lib/discussions/schema';
import { type Segment, searchInputSchema } from '@/lib/search/schema';
import type { Actor } from '../auth/actor';
import { getConfig } from '../config';
import { db } from '../db/client';
import { Prisma } from '../db/generated/sqlite/client';
import { HIT_END, HIT_START, parseSearchQuery, type SearchTerm, segmentsText, toFts5Query, toSegments, toTsQuery } from './syntax';

const SEARCH_RESULT_LIMIT = 30;
const SNIPPET_FALLBACK_CHARS = 220;

type ArticleHit = {
  kind: 'article';
  id: string;
  href: string;
  title: Segment[];
  snippet: Segment[];
  modalityName: string;
  score: number;
};

type DiscussionHit = {
  kind: 'discussion';
  id: string;
  href: string;
  title: Segment[];
  snippet: Segment[];
  startsAt: Date;
  timeZone: string;
  status: Exclude<DiscussionStatus, 'CANCELLED'>;
  visibility: 'PUBLIC' | 'MEMBERS';
  score: number;
};

export type SearchHit = ArticleHit | DiscussionHit;
export type SearchResponse = { q: string; hits: SearchHit[] };

const SEARCHABLE_STATUSES = ['SCHEDULED', 'LIVE', 'ENDED'] as const;

type RawHit = { id: string; titleHl: string; snippet: string; score: number };

// ── SQLite FTS5 ────────────────────────────────────────────────────────────────────────────────────────────

async function sqliteArticles(match: string): Promise<RawHit[]> {
  // bm25() is lower-is-better; weights per column: title, summary, body, sections.
  return db().$queryRaw<RawHit[]>`
    SELECT k."articleId" AS "id",
           highlight("search_article", 0, ${HIT_START}, ${HIT_END}) AS "titleHl",
           snippet("search_article", -1, ${HIT_START}, ${HIT_END}, ' … ', 28) AS "snippet",
           -bm25("search_article", 10.0, 4.0, 2.0, 1.0) AS "score"
    FROM "search_article"
    JOIN "search_article_key" k ON k."docId" = "search_article".rowid
    WHERE "search_article" MATCH ${match}
    ORDER BY "score" DESC, k."articleId"
    LIMIT ${SEARCH_RESULT_LIMIT}`;
}

async function sqliteDiscussions(match: string, signedIn: boolean): Promise<RawHit[]> {
  return db().$queryRaw<RawHit[]>`
    SELECT k."discussionId" AS "id",
           highlight("search_discussion", 0, ${HIT_START}, ${HIT_END}) AS "titleHl",
           snippet("search_discussion", 1, ${HIT_START}, ${HIT_END}, ' … ', 28) AS "snippet",
           -bm25("search_discussion", 10.0, 2.0) AS "score"
    FROM "search_discussion"
    JOIN "search_discussion_key" k ON k."docId" = "search_discussion".rowid
    JOIN "Discussion" d ON d."id" = k."discussionId"
    WHERE "search_discussion" MATCH ${match}
      AND d."status" IN ('SCHEDULED', 'LIVE', 'ENDED')
      AND (d."visibility" = 'PUBLIC' OR ${signedIn ? 1 : 0} = 1)
    ORDER BY "score" DESC, k."discussionId"
    LIMIT ${SEARCH_RESULT_LIMIT}`;
}

// ── PostgreSQL ─────────────────────────────────────────────────────────────────────────────────────────────
// The vectors must stay identical to the index expressions in the PostgreSQL migration, or the planner cannot
// use the indexes (server/search/search.test.ts checks the plan).

/** The weighted document vector of an article aliased `a`; identical to the index "search_article_idx". */
export const ARTICLE_VECTOR_SQL = `(setweight(to_tsvector('english'::regconfig, a."title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, a."summary"), 'B') ||
    setweight(to_tsvector('english'::regconfig, a."body"), 'C') ||
    setweight(to_tsvector('english'::regconfig, a."benefits" || ' ' || a."risks" || ' ' || a."contraindications" || ' ' || a."legalStatus"), 'D'))`;

/** The weighted document vector of a discussion aliased `d`; identical to the index "search_discussion_idx". */
export const DISCUSSION_VECTOR_SQL = `(setweight(to_tsvector('english'::regconfig, d."title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, d."description"), 'C'))`;

const ARTICLE_VECTOR = Prisma.raw(ARTICLE_VECTOR_SQL);
const DISCUSSION_VECTOR = Prisma.raw(DISCUSSION_VECTOR_SQL);

const HEADLINE_TITLE = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;
const HEADLINE_BODY = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

async function postgresArticles(tsquery: string): Promise<RawHit[]> {
  const rows = await db().$queryRaw<RawHit[]>`
    WITH q AS (SELECT to_tsquery('english'::regconfig, ${tsquery}) AS query),
    ranked AS (
      SELECT a."id", ts_rank_cd(${ARTICLE_VECTOR}, q.query) AS "score"
      FROM "Article" a, q
      WHERE ${ARTICLE_VECTOR} @@ q.query
      ORDER BY "score" DESC, a."id"
      LIMIT ${SEARCH_RESULT_LIMIT}
    )
    SELECT r."id", r."score"::float8 AS "score",
           ts_headline('english'::regconfig, a."title", q.query, ${HEADLINE_TITLE}) AS "titleHl",
           ts_headline('english'::regconfig,
                       a."summary" || E'\n' || a."body" || E'\n' || a."benefits" || E'\n' || a."risks" || E'\n' || a."contraindications" || E'\n' || a."legalStatus",
                       q.query, ${HEADLINE_BODY}) AS "snippet"
    FROM ranked r JOIN "Article" a ON a."id" = r."id", q
    ORDER BY r."score" DESC, r."id"`;
  return rows;
}

async function postgresDiscussions(tsquery: string, signedIn: boolean): Promise<RawHit[]> {
  return db().$queryRaw<RawHit[]>`
    WITH q AS (SELECT to_tsquery('english'::regconfig, ${tsquery}) AS query),
    ranked AS (
      SELECT d."id", ts_rank_cd(${DISCUSSION_VECTOR}, q.query) AS "score"
      FROM "Discussion" d, q
      WHERE ${DISCUSSION_VECTOR} @@ q.query
        AND d."status"::text IN ('SCHEDULED', 'LIVE', 'ENDED')
        AND (d."visibility"::text = 'PUBLIC' OR ${signedIn})
      ORDER BY "score" DESC, d."id"
      LIMIT ${SEARCH_RESULT_LIMIT}
    )
    SELECT r."id", r."score"::float8 AS "score",
           ts_headline('english'::regconfig, d."title", q.query, ${HEADLINE_TITLE}) AS "titleHl",
           ts_headline('english'::regconfig, d."description", q.query, ${HEADLINE_BODY}) AS "snippet"
    FROM ranked r JOIN "Discussion" d ON d."id" = r."id", q
    ORDER BY r."score" DESC, r."id"`;
}

// ── The one query function ─────────────────────────────────────────────────────────────────────────────────

function fallbackSnippet(text: string): Segment[] {
  const segs = toSegments(text);
  const plainText = segmentsText(segs);
  return plainText.length > SNIPPET_FALLBACK_CHARS ? [{ text: `${plainText.slice(0, SNIPPET_FALLBACK_CHARS).replace(/\s+\S*$/, '')} …`, hit: false }] : segs;
}

async function rawHits(terms: SearchTerm[], signedIn: boolean) {
  if (getConfig().dialect === 'postgresql') {
    const tsquery = toTsQuery(terms);
    return Promise.all([postgresArticles(tsquery), postgresDiscussions(tsquery, signedIn)]);
  }
  const match = toFts5Query(terms);
  return Promise.all([sqliteArticles(match), sqliteDiscussions(match, signedIn)]);
}

/**
 * Articles and discussions matching `q`, best first. Discussions are those scheduled, live or ended (not
 * cancelled); members-only ones only for signed-in people. Empty or unsearchable input gives no results.
 */
export async function search(actor: Actor | null, raw: unknown): Promise<SearchResponse> {
  const { q } = searchInputSchema.parse(raw);
  const terms = parseSearchQuery(q);
  if (!terms) return { q, hits: [] };
  const signedIn = !!actor;
  const [articleRows, discussionRows] = await rawHits(terms, signedIn);

  // Details through the typed client; the status and visibility rules are applied again here, so a
  // discussion changed between the two reads is still never shown to someone who may not see it.
  const [articles, discussions] = await Promise.all([
    articleRows.length
      ? db().article.findMany({
          where: { id: { in: articleRows.map((r) => r.id) } },
          select: { id: true, slug: true, title: true, summary: true, modality: { select: { name: true } } },
        })
      : [],
    discussionRows.length
      ? db().discussion.findMany({
          where: {
            id: { in: discussionRows.map((r) => r.id) },
            status: { in: [...SEARCHABLE_STATUSES] },
            ...(signedIn ? {} : { visibility: 'PUBLIC' }),
          },
          select: { id: true, title: true, description: true, startsAt: true, timeZone: true, status: true, visibility: true },
        })
      : [],
  ]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const discussionById = new Map(discussions.map((d) => [d.id, d]));

  const hits: SearchHit[] = [];
  for (const r of articleRows) {
    const a = articleById.get(r.id);
    if (!a) continue;
    const title = toSegments(r.titleHl || a.title);
    let snippet = toSegments(r.snippet ?? '');
    // FTS5 may pick the title as the best snippet column: show the summary instead of repeating it.
    if (!snippet.length || segmentsText(snippet) === segmentsText(title)) snippet = fallbackSnippet(a.summary);
    hits.push({ kind: 'article', id: a.id, href: `/library/${a.slug}`, title, snippet, modalityName: a.modality.name, score: Number(r.score) });
  }
  for (const r of discussionRows) {
    const d = discussionById.get(r.id);
    if (!d) continue;
    const snippet = toSegments(r.snippet ?? '');
    hits.push({
      kind: 'discussion',
      id: d.id,
      href: `/discussions/${d.id}`,
      title: toSegments(r.titleHl || d.title),
      snippet: snippet.length ? snippet : fallbackSnippet(d.description),
      startsAt: d.startsAt,
      timeZone: d.timeZone,
      status: d.status as DiscussionHit['status'],
      visibility: d.visibility as DiscussionHit['visibility'],
      score: Number(r.score),
    });
  }
  hits.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  return { q, hits: hits.slice(0, SEARCH_RESULT_LIMIT) };
}
