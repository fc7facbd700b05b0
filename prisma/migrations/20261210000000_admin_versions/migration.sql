-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "DirectoryEntry" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SiteSetting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

