-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "UploadedFile" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "uploaderId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UploadedFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DmConversation" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "startedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DmConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DmMember" (
    "conversationId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "peerId" INTEGER NOT NULL,
    "lastMessageId" INTEGER NOT NULL DEFAULT 0,
    "lastReadId" INTEGER NOT NULL DEFAULT 0,
    "clearedUpToId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DmMember_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "DmHiddenMessage" (
    "userId" INTEGER NOT NULL,
    "messageId" INTEGER NOT NULL,
    "conversationId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DmHiddenMessage_pkey" PRIMARY KEY ("userId","messageId")
);

-- CreateTable
CREATE TABLE "FriendRequest" (
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FriendRequest_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateTable
CREATE TABLE "Friendship" (
    "userId" INTEGER NOT NULL,
    "friendId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Friendship_pkey" PRIMARY KEY ("userId","friendId")
);

-- CreateIndex
CREATE INDEX "UploadedFile_uploaderId_createdAt_idx" ON "UploadedFile"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "UploadedFile_hash_idx" ON "UploadedFile"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "DmConversation_channel_key" ON "DmConversation"("channel");

-- CreateIndex
CREATE INDEX "DmConversation_startedById_createdAt_idx" ON "DmConversation"("startedById", "createdAt");

-- CreateIndex
CREATE INDEX "DmMember_userId_lastMessageId_idx" ON "DmMember"("userId", "lastMessageId");

-- CreateIndex
CREATE INDEX "DmHiddenMessage_userId_conversationId_idx" ON "DmHiddenMessage"("userId", "conversationId");

-- CreateIndex
CREATE INDEX "FriendRequest_toId_createdAt_idx" ON "FriendRequest"("toId", "createdAt");

-- AddForeignKey
ALTER TABLE "DmMember" ADD CONSTRAINT "DmMember_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "DmConversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing private channels (private/<a>/<b>) become conversations; their messages stay where they are (ChatMessage)
-- and are now the conversations' messages. Each side sees everything up to the newest message, unread (peka2 kept no
-- read state); the first author (or <a> when only the server wrote) is who started it.
INSERT INTO "DmConversation" ("channel", "startedById", "createdAt")
SELECT "channel",
       COALESCE((array_agg("fromId" ORDER BY "id") FILTER (WHERE "fromId" IS NOT NULL))[1],
                split_part("channel", '/', 2)::int),
       min("createdAt")
FROM "ChatMessage"
WHERE "channel" ~ '^private/[1-9][0-9]{0,9}/[1-9][0-9]{0,9}$'
GROUP BY "channel";

INSERT INTO "DmMember" ("conversationId", "userId", "peerId", "lastMessageId")
SELECT c."id", side."userId", side."peerId",
       COALESCE((SELECT max(m."id") FROM "ChatMessage" m WHERE m."channel" = c."channel" AND m."deletedAt" IS NULL), 0)
FROM "DmConversation" c
CROSS JOIN LATERAL (VALUES
  (split_part(c."channel", '/', 2)::int, split_part(c."channel", '/', 3)::int),
  (split_part(c."channel", '/', 3)::int, split_part(c."channel", '/', 2)::int)
) AS side("userId", "peerId")
ON CONFLICT DO NOTHING;
