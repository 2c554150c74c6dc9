-- Care and follow-through: the care lane (question status CARE, care items, the care word list and crisis
-- resources), member reports, private replies, the content-warning setting, the staff backchannel and recaps.
ALTER TYPE "QuestionStatus" ADD VALUE 'CARE';
ALTER TABLE "User" ADD COLUMN "showWarnedContent" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Reply" ADD COLUMN "private" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CareItem" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "outcome" TEXT,
    "originalBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "CareItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CareItem_questionId_key" ON "CareItem"("questionId");
CREATE INDEX "CareItem_discussionId_createdAt_idx" ON "CareItem"("discussionId", "createdAt");

-- CreateTable
CREATE TABLE "CareTerm" (
    "id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareTerm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CareTerm_term_key" ON "CareTerm"("term");

-- CreateTable
CREATE TABLE "CareResource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "outcome" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Report_questionId_reporterId_key" ON "Report"("questionId", "reporterId");
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- CreateTable
CREATE TABLE "StaffMessage" (
    "id" TEXT NOT NULL,
    "discussionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffMessage_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "StaffMessage_discussionId_createdAt_idx" ON "StaffMessage"("discussionId", "createdAt");
CREATE INDEX "StaffMessage_authorId_idx" ON "StaffMessage"("authorId");

-- CreateTable
CREATE TABLE "Recap" (
    "discussionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "note" TEXT NOT NULL DEFAULT '',
    "askedCount" INTEGER NOT NULL DEFAULT 0,
    "approvedCount" INTEGER NOT NULL DEFAULT 0,
    "heldCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "careCount" INTEGER NOT NULL DEFAULT 0,
    "peakAttendance" INTEGER NOT NULL DEFAULT 0,
    "durationMinutes" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recap_pkey" PRIMARY KEY ("discussionId")
);
CREATE INDEX "Recap_publishedById_idx" ON "Recap"("publishedById");

-- CreateTable
CREATE TABLE "RecapItem" (
    "id" TEXT NOT NULL,
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
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "RecapItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RecapItem_discussionId_questionId_key" ON "RecapItem"("discussionId", "questionId");
CREATE INDEX "RecapItem_discussionId_position_idx" ON "RecapItem"("discussionId", "position");
CREATE INDEX "RecapItem_questionId_idx" ON "RecapItem"("questionId");
CREATE INDEX "RecapItem_assignedToId_idx" ON "RecapItem"("assignedToId");

-- AddForeignKey
ALTER TABLE "CareItem" ADD CONSTRAINT "CareItem_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CareItem" ADD CONSTRAINT "CareItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StaffMessage" ADD CONSTRAINT "StaffMessage_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StaffMessage" ADD CONSTRAINT "StaffMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RecapItem" ADD CONSTRAINT "RecapItem_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Recap"("discussionId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RecapItem" ADD CONSTRAINT "RecapItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RecapItem" ADD CONSTRAINT "RecapItem_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
