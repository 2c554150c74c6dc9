-- Full-text search over library articles and discussions (server/search/queries.ts), PostgreSQL.
--
-- Weighted expression indexes: PostgreSQL keeps them in step with every write itself, so no trigger or extra
-- column is needed. server/search/queries.ts repeats these expressions exactly (the planner only uses an
-- expression index for an identical expression; a test checks that it does).
-- Weights: title A, summary B, body C, the structured sections D (discussions: title A, description C).

CREATE INDEX "search_article_idx" ON "Article" USING GIN ((
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "summary"), 'B') ||
    setweight(to_tsvector('english'::regconfig, "body"), 'C') ||
    setweight(to_tsvector('english'::regconfig, "benefits" || ' ' || "risks" || ' ' || "contraindications" || ' ' || "legalStatus"), 'D')
));

CREATE INDEX "search_discussion_idx" ON "Discussion" USING GIN ((
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "description"), 'C')
));
