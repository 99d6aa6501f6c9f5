-- AlterEnum
ALTER TYPE "StoreEntryKind" ADD VALUE 'SPEND';

-- CreateTable
CREATE TABLE "Poll" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "messageId" INTEGER,
    "question" TEXT NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "donate" BOOLEAN NOT NULL DEFAULT false,
    "startedById" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedById" INTEGER,
    "endAnnounced" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PollOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollVote" (
    "pollId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "optionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollVote_pkey" PRIMARY KEY ("pollId","userId","slot")
);

-- CreateTable
CREATE TABLE "PollPaidVote" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "optionId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "entryId" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PollPaidVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollTally" (
    "pollId" INTEGER NOT NULL,
    "optionId" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL DEFAULT 0,
    "donateVotes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PollTally_pkey" PRIMARY KEY ("pollId","optionId","shard")
);

-- CreateIndex
CREATE UNIQUE INDEX "Poll_messageId_key" ON "Poll"("messageId");

-- CreateIndex
CREATE INDEX "Poll_channel_messageId_id_idx" ON "Poll"("channel", "messageId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PollOption_pollId_position_key" ON "PollOption"("pollId", "position");

-- CreateIndex
CREATE INDEX "PollVote_pollId_optionId_idx" ON "PollVote"("pollId", "optionId");

-- CreateIndex
CREATE UNIQUE INDEX "PollPaidVote_entryId_key" ON "PollPaidVote"("entryId");

-- CreateIndex
CREATE INDEX "PollPaidVote_pollId_userId_idx" ON "PollPaidVote"("pollId", "userId");

-- AddForeignKey
ALTER TABLE "PollOption" ADD CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
