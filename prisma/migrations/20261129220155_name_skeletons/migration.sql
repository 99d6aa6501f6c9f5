-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nameSkeleton" TEXT,
ADD COLUMN     "nameSkeletonFolded" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_nameSkeleton_key" ON "User"("nameSkeleton");

-- CreateIndex
CREATE UNIQUE INDEX "User_nameSkeletonFolded_key" ON "User"("nameSkeletonFolded");
