-- Translation workflow: drafts from claim to approval, per-block review comments, glossary,
-- and the aligned blocks of translations made in the editor.

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'RELEASED');

-- AlterTable
ALTER TABLE "PostLocalization" ADD COLUMN     "blocks" JSONB;

-- The content-import migration adds these too: IF NOT EXISTS keeps either order working.
ALTER TABLE "Event" ADD COLUMN IF NOT EXISTS "importHash" TEXT;
ALTER TABLE "DirectoryEntry" ADD COLUMN IF NOT EXISTS "importHash" TEXT;

-- CreateTable
CREATE TABLE "TranslationDraft" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "translatorId" TEXT NOT NULL,
    "status" "DraftStatus" NOT NULL DEFAULT 'CLAIMED',
    "title" TEXT NOT NULL DEFAULT '',
    "blocks" JSONB NOT NULL DEFAULT '[]',
    "sourceRevisionId" TEXT NOT NULL,
    "baseRevisionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "claimExpiresAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TranslationDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "blockIndex" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "translation" TEXT NOT NULL,
    "note" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TranslationDraft_translatorId_status_idx" ON "TranslationDraft"("translatorId", "status");

-- CreateIndex
CREATE INDEX "TranslationDraft_status_locale_idx" ON "TranslationDraft"("status", "locale");

-- CreateIndex
CREATE INDEX "TranslationDraft_postId_locale_idx" ON "TranslationDraft"("postId", "locale");

-- CreateIndex
CREATE INDEX "ReviewComment_draftId_blockIndex_idx" ON "ReviewComment"("draftId", "blockIndex");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_term_locale_key" ON "GlossaryTerm"("term", "locale");

-- AddForeignKey
ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_translatorId_fkey" FOREIGN KEY ("translatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslationDraft" ADD CONSTRAINT "TranslationDraft_sourceRevisionId_fkey" FOREIGN KEY ("sourceRevisionId") REFERENCES "SourceRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "TranslationDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one open draft per post and language (claimed, in progress, submitted or sent back).
CREATE UNIQUE INDEX "TranslationDraft_open_key" ON "TranslationDraft"("postId", "locale") WHERE "status" IN ('CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'CHANGES_REQUESTED');
