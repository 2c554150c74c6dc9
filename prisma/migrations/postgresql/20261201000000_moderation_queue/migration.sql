-- Moderation queue: question versions, holds, rejections, redactions, merges, "up next" order and claims;
-- per-discussion pseudonyms for anonymous askers; mutes and removals; the community's settings, blocked
-- terms and rejection reasons; audit entries by discussion.
ALTER TYPE "QuestionStatus" ADD VALUE 'MERGED';
CREATE TYPE "SanctionKind" AS ENUM ('MUTE', 'REMOVE');

ALTER TABLE "Question" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Question" ADD COLUMN "heldFor" TEXT;
ALTER TABLE "Question" ADD COLUMN "rejectReason" TEXT;
ALTER TABLE "Question" ADD COLUMN "resubmitted" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Question" ADD COLUMN "redactedAt" TIMESTAMP(3);
ALTER TABLE "Question" ADD COLUMN "redactionNote" TEXT;
ALTER TABLE "Question" ADD COLUMN "mergedIntoId" TEXT;
ALTER TABLE "Question" ADD COLUMN "queuePosition" INTEGER;
ALTER TABLE "Question" ADD COLUMN "claimedById" TEXT;
ALTER TABLE "Question" ADD COLUMN "claimedAt" TIMESTAMP(3);
CREATE INDEX "Question_claimedById_idx" ON "Question"("claimedById");
ALTER TABLE "Question" ADD CONSTRAINT "Question_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "AuditEntry" ADD COLUMN "discussionId" TEXT;
CREATE INDEX "AuditEntry_discussionId_at_idx" ON "AuditEntry"("discussionId", "at");

-- CreateTable
CREATE TABLE "Pseudonym" (
    "discussionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pseudonym_pkey" PRIMARY KEY ("discussionId", "userId")
);
CREATE UNIQUE INDEX "Pseudonym_discussionId_name_key" ON "Pseudonym"("discussionId", "name");
CREATE INDEX "Pseudonym_userId_idx" ON "Pseudonym"("userId");
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Pseudonym" ADD CONSTRAINT "Pseudonym_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SanctionKind" NOT NULL,
    "until" TIMESTAMP(3),
    "reason" TEXT NOT NULL,
    "viaQuestionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Sanction_discussionId_userId_idx" ON "Sanction"("discussionId", "userId");
CREATE INDEX "Sanction_userId_idx" ON "Sanction"("userId");
CREATE INDEX "Sanction_createdById_idx" ON "Sanction"("createdById");
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "CommunitySetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunitySetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "BlockedTerm" (
    "id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockedTerm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BlockedTerm_term_key" ON "BlockedTerm"("term");

-- CreateTable
CREATE TABLE "ReasonTemplate" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReasonTemplate_pkey" PRIMARY KEY ("id")
);
