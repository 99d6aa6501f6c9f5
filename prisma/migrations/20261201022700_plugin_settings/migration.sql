-- CreateTable
CREATE TABLE "PluginSetting" (
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedBy" TEXT NOT NULL,

    CONSTRAINT "PluginSetting_pkey" PRIMARY KEY ("name")
);
