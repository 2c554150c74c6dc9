-- Full-text search over library articles and discussions (server/search/queries.ts), SQLite FTS5.
--
-- External-content FTS5 tables: the text lives only in "Article" / "Discussion"; the index reads it through a
-- view. FTS5 needs a stable integer rowid per document, and the implicit rowid of a table with a TEXT primary
-- key may change on VACUUM, so each document gets an INTEGER PRIMARY KEY in a small key table instead.
-- Triggers keep key table and index in step with every insert, update of an indexed column, and delete.
-- Tables and views of the search index are named search_* (the drift test leaves them out).

CREATE TABLE "search_article_key" (
    "docId" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "search_article_key_articleId_key" ON "search_article_key"("articleId");

CREATE VIEW "search_article_source" AS
SELECT k."docId" AS "docId",
       a."title" AS "title",
       a."summary" AS "summary",
       a."body" AS "body",
       a."benefits" || char(10) || a."risks" || char(10) || a."contraindications" || char(10) || a."legalStatus" AS "sections"
FROM "search_article_key" k JOIN "Article" a ON a."id" = k."articleId";

CREATE VIRTUAL TABLE "search_article" USING fts5(
    "title", "summary", "body", "sections",
    content='search_article_source', content_rowid='docId',
    tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "search_article_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "search_article_key"("articleId") VALUES (new."id");
    INSERT INTO "search_article"(rowid, "title", "summary", "body", "sections")
    SELECT k."docId", new."title", new."summary", new."body",
           new."benefits" || char(10) || new."risks" || char(10) || new."contraindications" || char(10) || new."legalStatus"
    FROM "search_article_key" k WHERE k."articleId" = new."id";
END;

CREATE TRIGGER "search_article_au" AFTER UPDATE OF "title", "summary", "body", "benefits", "risks", "contraindications", "legalStatus" ON "Article" BEGIN
    INSERT INTO "search_article"("search_article", rowid, "title", "summary", "body", "sections")
    SELECT 'delete', k."docId", old."title", old."summary", old."body",
           old."benefits" || char(10) || old."risks" || char(10) || old."contraindications" || char(10) || old."legalStatus"
    FROM "search_article_key" k WHERE k."articleId" = old."id";
    INSERT INTO "search_article"(rowid, "title", "summary", "body", "sections")
    SELECT k."docId", new."title", new."summary", new."body",
           new."benefits" || char(10) || new."risks" || char(10) || new."contraindications" || char(10) || new."legalStatus"
    FROM "search_article_key" k WHERE k."articleId" = new."id";
END;

CREATE TRIGGER "search_article_ad" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "search_article"("search_article", rowid, "title", "summary", "body", "sections")
    SELECT 'delete', k."docId", old."title", old."summary", old."body",
           old."benefits" || char(10) || old."risks" || char(10) || old."contraindications" || char(10) || old."legalStatus"
    FROM "search_article_key" k WHERE k."articleId" = old."id";
    DELETE FROM "search_article_key" WHERE "articleId" = old."id";
END;

CREATE TABLE "search_discussion_key" (
    "docId" INTEGER NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "search_discussion_key_discussionId_key" ON "search_discussion_key"("discussionId");

CREATE VIEW "search_discussion_source" AS
SELECT k."docId" AS "docId", d."title" AS "title", d."description" AS "description"
FROM "search_discussion_key" k JOIN "Discussion" d ON d."id" = k."discussionId";

CREATE VIRTUAL TABLE "search_discussion" USING fts5(
    "title", "description",
    content='search_discussion_source', content_rowid='docId',
    tokenize='porter unicode61 remove_diacritics 2'
);

-- Only title and description are indexed, so the frequent status/attendance updates of a live discussion
-- do not touch the index. Status and visibility are filtered when searching.
CREATE TRIGGER "search_discussion_ai" AFTER INSERT ON "Discussion" BEGIN
    INSERT INTO "search_discussion_key"("discussionId") VALUES (new."id");
    INSERT INTO "search_discussion"(rowid, "title", "description")
    SELECT k."docId", new."title", new."description" FROM "search_discussion_key" k WHERE k."discussionId" = new."id";
END;

CREATE TRIGGER "search_discussion_au" AFTER UPDATE OF "title", "description" ON "Discussion" BEGIN
    INSERT INTO "search_discussion"("search_discussion", rowid, "title", "description")
    SELECT 'delete', k."docId", old."title", old."description" FROM "search_discussion_key" k WHERE k."discussionId" = old."id";
    INSERT INTO "search_discussion"(rowid, "title", "description")
    SELECT k."docId", new."title", new."description" FROM "search_discussion_key" k WHERE k."discussionId" = new."id";
END;

CREATE TRIGGER "search_discussion_ad" AFTER DELETE ON "Discussion" BEGIN
    INSERT INTO "search_discussion"("search_discussion", rowid, "title", "description")
    SELECT 'delete', k."docId", old."title", old."description" FROM "search_discussion_key" k WHERE k."discussionId" = old."id";
    DELETE FROM "search_discussion_key" WHERE "discussionId" = old."id";
END;

-- Rows that existed before this migration.
INSERT INTO "search_article_key"("articleId") SELECT "id" FROM "Article" ORDER BY "createdAt", "id";
INSERT INTO "search_article"("search_article") VALUES ('rebuild');
INSERT INTO "search_discussion_key"("discussionId") SELECT "id" FROM "Discussion" ORDER BY "createdAt", "id";
INSERT INTO "search_discussion"("search_discussion") VALUES ('rebuild');
