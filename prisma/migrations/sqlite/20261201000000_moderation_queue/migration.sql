-- Moderation queue: question versions, holds, rejections, redactions, merges, "up next" order and claims;
-- per-discussion pseudonyms for anonymous askers; mutes and removals; the community's settings, blocked
-- terms and rejection reasons; audit entries by discussion.
ALTER TABLE "Question" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Question" ADD COLUMN "heldFor" TEXT;
ALTER TABLE "Question" ADD COLUMN "rejectReason" TEXT;
ALTER TABLE "Question" ADD COLUMN "resubmitted" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Question" ADD COLUMN "redactedAt" DATETIME;
ALTER TABLE "Question" ADD COLUMN "redactionNote" TEXT;
ALTER TABLE "Question" ADD COLUMN "mergedIntoId" TEXT;
ALTER TABLE "Question" ADD COLUMN "queuePosition" INTEGER;
ALTER TABLE "Question" ADD COLUMN "claimedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Question" ADD COLUMN "claimedAt" DATETIME;
CREATE INDEX "Question_claimedById_idx" ON "Question"("claimedById");

ALTER TABLE "AuditEntry" ADD COLUMN "discussionId" TEXT;
CREATE INDEX "AuditEntry_discussionId_at_idx" ON "AuditEntry"("discussionId", "at");

-- CreateTable
CREATE TABLE "Pseudonym" (
    "discussionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("discussionId", "userId"),
    CONSTRAINT "Pseudonym_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Pseudonym_discussionId_name_key" ON "Pseudonym"("discussionId", "name");
CREATE INDEX "Pseudonym_userId_idx" ON "Pseudonym"("userId");

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "until" DATETIME,
    "reason" TEXT NOT NULL,
    "viaQuestionId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" DATETIME,
    CONSTRAINT "Sanction_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sanction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Sanction_discussionId_userId_idx" ON "Sanction"("discussionId", "userId");
CREATE INDEX "Sanction_userId_idx" ON "Sanction"("userId");
CREATE INDEX "Sanction_createdById_idx" ON "Sanction"("createdById");

-- CreateTable
CREATE TABLE "CommunitySetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BlockedTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "term" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "BlockedTerm_term_key" ON "BlockedTerm"("term");

-- CreateTable
CREATE TABLE "ReasonTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
