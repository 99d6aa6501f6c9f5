-- CreateTable
CREATE TABLE "BanReason" (
    "id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "minRole" TEXT NOT NULL DEFAULT 'citizen',

    CONSTRAINT "BanReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ban" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "reasonId" INTEGER NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,
    "data" JSONB NOT NULL DEFAULT '[]',
    "sourceBanId" INTEGER,

    CONSTRAINT "Ban_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BanVote" (
    "id" SERIAL NOT NULL,
    "voterId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "reasonId" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL,
    "messageId" INTEGER,
    "channel" TEXT,
    "banId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BanVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelSanction" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "actorId" INTEGER,
    "refMessageId" INTEGER,
    "text" TEXT,
    "liftedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelSanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelModerator" (
    "channel" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "appointedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelModerator_pkey" PRIMARY KEY ("channel","userId")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "messageId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "accusedId" INTEGER,
    "text" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedById" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportCategory" (
    "id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "SupportCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportTicket" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAudit" (
    "id" SERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" INTEGER,
    "targetUserId" INTEGER,
    "reasonId" INTEGER,
    "channel" TEXT,
    "banId" INTEGER,
    "complaintId" INTEGER,
    "ticketId" INTEGER,
    "messageId" INTEGER,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BanReason_code_key" ON "BanReason"("code");

-- CreateIndex
CREATE INDEX "BanReason_content_idx" ON "BanReason"("content");

-- CreateIndex
CREATE INDEX "Ban_userId_endAt_idx" ON "Ban"("userId", "endAt");

-- CreateIndex
CREATE INDEX "Ban_startAt_idx" ON "Ban"("startAt");

-- CreateIndex
CREATE INDEX "BanVote_userId_reasonId_banId_idx" ON "BanVote"("userId", "reasonId", "banId");

-- CreateIndex
CREATE INDEX "BanVote_voterId_createdAt_idx" ON "BanVote"("voterId", "createdAt");

-- CreateIndex
CREATE INDEX "ChannelSanction_channel_userId_liftedAt_idx" ON "ChannelSanction"("channel", "userId", "liftedAt");

-- CreateIndex
CREATE INDEX "ChannelModerator_userId_idx" ON "ChannelModerator"("userId");

-- CreateIndex
CREATE INDEX "Complaint_status_id_idx" ON "Complaint"("status", "id");

-- CreateIndex
CREATE INDEX "Complaint_channel_id_idx" ON "Complaint"("channel", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_authorId_messageId_key" ON "Complaint"("authorId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "SupportCategory_slug_key" ON "SupportCategory"("slug");

-- CreateIndex
CREATE INDEX "SupportTicket_userId_id_idx" ON "SupportTicket"("userId", "id");

-- CreateIndex
CREATE INDEX "SupportTicket_createdAt_idx" ON "SupportTicket"("createdAt");

-- CreateIndex
CREATE INDEX "ModerationAudit_action_id_idx" ON "ModerationAudit"("action", "id");

-- CreateIndex
CREATE INDEX "ModerationAudit_actorId_id_idx" ON "ModerationAudit"("actorId", "id");

-- CreateIndex
CREATE INDEX "ModerationAudit_targetUserId_id_idx" ON "ModerationAudit"("targetUserId", "id");

-- CreateIndex
CREATE INDEX "ModerationAudit_createdAt_idx" ON "ModerationAudit"("createdAt");

-- AddForeignKey
ALTER TABLE "Ban" ADD CONSTRAINT "Ban_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ban" ADD CONSTRAINT "Ban_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "BanReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BanVote" ADD CONSTRAINT "BanVote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BanVote" ADD CONSTRAINT "BanVote_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "BanReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BanVote" ADD CONSTRAINT "BanVote_banId_fkey" FOREIGN KEY ("banId") REFERENCES "Ban"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelSanction" ADD CONSTRAINT "ChannelSanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelModerator" ADD CONSTRAINT "ChannelModerator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "SupportCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Seed: ban reasons and support categories with fixed ids (REST clients keep these ids).
-- minRole: "citizen" (any citizen may accuse), "moderator", or "system" (only the server gives it: undo's unfair ban).
INSERT INTO "BanReason" ("id", "code", "content", "name", "durationSeconds", "minRole") VALUES
    (1, 'spam', 'chat', 'Спам, реклама', 3600, 'citizen'),
    (2, 'flood', 'chat', 'Флуд', 1800, 'citizen'),
    (3, 'insult', 'chat', 'Оскорбления', 7200, 'citizen'),
    (4, 'obscene', 'chat', 'Мат', 3600, 'citizen'),
    (5, 'provocation', 'chat', 'Провокации, разжигание розни', 14400, 'citizen'),
    (6, 'serious', 'chat', 'Грубое нарушение правил', 86400, 'moderator'),
    (7, 'unfair', 'moderation', 'Несправедливо обвинил другого', 3600, 'system');

INSERT INTO "SupportCategory" ("id", "slug", "name") VALUES
    (1, 'tech', 'Технические вопросы'),
    (2, 'payments', 'Оплата и магазин'),
    (3, 'moderation', 'Баны и модерация'),
    (4, 'other', 'Другое');
