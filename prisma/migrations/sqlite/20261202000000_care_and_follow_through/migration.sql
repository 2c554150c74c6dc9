-- Care and follow-through: the care lane (question status CARE, care items, the care word list and crisis
-- resources), member reports, private replies, the content-warning setting, the staff backchannel and recaps.
ALTER TABLE "User" ADD COLUMN "showWarnedContent" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Reply" ADD COLUMN "private" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CareItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "outcome" TEXT,
    "originalBody" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "CareItem_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CareItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "CareItem_questionId_key" ON "CareItem"("questionId");
CREATE INDEX "CareItem_discussionId_createdAt_idx" ON "CareItem"("discussionId", "createdAt");

-- CreateTable
CREATE TABLE "CareTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "term" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "CareTerm_term_key" ON "CareTerm"("term");

-- CreateTable
CREATE TABLE "CareResource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "outcome" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Report_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Report_questionId_reporterId_key" ON "Report"("questionId", "reporterId");
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- CreateTable
CREATE TABLE "StaffMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffMessage_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StaffMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "StaffMessage_discussionId_createdAt_idx" ON "StaffMessage"("discussionId", "createdAt");
CREATE INDEX "StaffMessage_authorId_idx" ON "StaffMessage"("authorId");

-- CreateTable
CREATE TABLE "Recap" (
    "discussionId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "note" TEXT NOT NULL DEFAULT '',
    "askedCount" INTEGER NOT NULL DEFAULT 0,
    "approvedCount" INTEGER NOT NULL DEFAULT 0,
    "heldCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "careCount" INTEGER NOT NULL DEFAULT 0,
    "peakAttendance" INTEGER NOT NULL DEFAULT 0,
    "durationMinutes" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recap_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recap_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Recap_publishedById_idx" ON "Recap"("publishedById");

-- CreateTable
CREATE TABLE "RecapItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "questionId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "askedBy" TEXT,
    "replies" TEXT NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "assignedToId" TEXT,
    "followUpAnswer" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "RecapItem_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Recap" ("discussionId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecapItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RecapItem_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "RecapItem_discussionId_questionId_key" ON "RecapItem"("discussionId", "questionId");
CREATE INDEX "RecapItem_discussionId_position_idx" ON "RecapItem"("discussionId", "position");
CREATE INDEX "RecapItem_questionId_idx" ON "RecapItem"("questionId");
CREATE INDEX "RecapItem_assignedToId_idx" ON "RecapItem"("assignedToId");
