-- CreateTable
CREATE TABLE "Smile" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "codeLower" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "icon" BOOLEAN NOT NULL DEFAULT false,
    "tab" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "level" INTEGER NOT NULL DEFAULT 0,
    "userId" INTEGER,
    "approved" BOOLEAN NOT NULL DEFAULT true,
    "draftTab" INTEGER,
    "draftPosition" INTEGER,
    "draftLevel" INTEGER,
    "draftRemove" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Smile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmileSubmission" (
    "userId" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmileSubmission_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Smile_codeLower_key" ON "Smile"("codeLower");

-- CreateIndex
CREATE INDEX "Smile_approved_tab_position_idx" ON "Smile"("approved", "tab", "position");

-- CreateIndex
CREATE INDEX "Smile_userId_idx" ON "Smile"("userId");

-- CreateIndex
CREATE INDEX "Smile_hash_idx" ON "Smile"("hash");

-- AddForeignKey
ALTER TABLE "Smile" ADD CONSTRAINT "Smile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmileSubmission" ADD CONSTRAINT "SmileSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
