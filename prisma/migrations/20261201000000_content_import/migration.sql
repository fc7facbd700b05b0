-- Content import: the hash of the file each imported row was last written from, so that a
-- re-import of an unchanged folder writes nothing and leaves edits made on the site alone, and
-- the organisation an author wrote a post for (Hugging Face front matter `org:`).

-- AlterTable
ALTER TABLE "PostAuthor" ADD COLUMN "organization" TEXT;

-- AlterTable
ALTER TABLE "PostLocalization" ADD COLUMN "importHash" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "importHash" TEXT;

-- AlterTable
ALTER TABLE "DirectoryEntry" ADD COLUMN "importHash" TEXT;
