-- DropIndex
DROP INDEX "Smile_codeLower_key";

-- AlterTable
ALTER TABLE "Smile" ADD COLUMN     "createdById" INTEGER,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sticker" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Smile_scope_codeLower_key" ON "Smile"("scope", "codeLower");
