-- CreateEnum
CREATE TYPE "StoreCurrency" AS ENUM ('PEKOINS', 'POINTS');

-- CreateEnum
CREATE TYPE "StoreAccountKind" AS ENUM ('USER', 'REVENUE', 'PAYOUT', 'TOPUP', 'ADJUSTMENT', 'FREE_COINS');

-- CreateEnum
CREATE TYPE "StoreEntryKind" AS ENUM ('BONUS_PURCHASE', 'SUBSCRIPTION_PURCHASE', 'GIFT', 'TOPUP', 'LEGACY_TOPUP', 'FREE_COINS', 'POINTS_SET', 'ADJUSTMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "StoreBonusType" AS ENUM ('CITIZEN_MIN_LEVEL', 'NICK_COLOR', 'SMILES', 'SMILES_PER_MESSAGE');

-- CreateEnum
CREATE TYPE "StoreNetwork" AS ENUM ('MAILRU', 'VK', 'FACEBOOK', 'TWITTER');

-- CreateTable
CREATE TABLE "StoreTransaction" (
    "id" SERIAL NOT NULL,
    "kind" "StoreEntryKind" NOT NULL,
    "userId" INTEGER,
    "staffId" INTEGER,
    "reason" TEXT,
    "idemScope" TEXT,
    "idemKey" TEXT,
    "requestHash" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorePosting" (
    "id" SERIAL NOT NULL,
    "transactionId" INTEGER NOT NULL,
    "accountKind" "StoreAccountKind" NOT NULL,
    "accountOwner" INTEGER NOT NULL,
    "currency" "StoreCurrency" NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "StorePosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreBalance" (
    "accountKind" "StoreAccountKind" NOT NULL,
    "accountOwner" INTEGER NOT NULL,
    "currency" "StoreCurrency" NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreBalance_pkey" PRIMARY KEY ("accountKind","accountOwner","currency")
);

-- CreateTable
CREATE TABLE "StoreBonus" (
    "id" SERIAL NOT NULL,
    "type" "StoreBonusType" NOT NULL,
    "config" JSONB NOT NULL,
    "duration" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "canBePurchased" BOOLEAN NOT NULL DEFAULT true,
    "pricePekoins" INTEGER NOT NULL DEFAULT 0,
    "pricePoints" INTEGER NOT NULL DEFAULT 0,
    "category" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "linked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreBonus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorePurchase" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "bonusId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "removedAt" TIMESTAMP(3),
    "expiryNotified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorePurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreSubscription" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "streamerId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "removedAt" TIMESTAMP(3),
    "expiryNotified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreStreamerPrice" (
    "streamerId" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreStreamerPrice_pkey" PRIMARY KEY ("streamerId")
);

-- CreateTable
CREATE TABLE "StoreGift" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreGift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreSentGift" (
    "id" SERIAL NOT NULL,
    "giftId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "transactionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreSentGift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreFreeCoinClaim" (
    "userId" INTEGER NOT NULL,
    "network" "StoreNetwork" NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreFreeCoinClaim_pkey" PRIMARY KEY ("userId","network")
);

-- CreateTable
CREATE TABLE "StoreAudit" (
    "id" SERIAL NOT NULL,
    "staffId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "userId" INTEGER,
    "purchaseId" INTEGER,
    "subscriptionId" INTEGER,
    "transactionId" INTEGER,
    "reason" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoreTransaction_userId_id_idx" ON "StoreTransaction"("userId", "id");

-- CreateIndex
CREATE INDEX "StoreTransaction_staffId_id_idx" ON "StoreTransaction"("staffId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "StoreTransaction_idemScope_idemKey_key" ON "StoreTransaction"("idemScope", "idemKey");

-- CreateIndex
CREATE INDEX "StorePosting_transactionId_idx" ON "StorePosting"("transactionId");

-- CreateIndex
CREATE INDEX "StorePosting_accountKind_accountOwner_currency_id_idx" ON "StorePosting"("accountKind", "accountOwner", "currency", "id");

-- CreateIndex
CREATE INDEX "StoreBonus_category_position_idx" ON "StoreBonus"("category", "position");

-- CreateIndex
CREATE INDEX "StorePurchase_userId_bonusId_idx" ON "StorePurchase"("userId", "bonusId");

-- CreateIndex
CREATE INDEX "StorePurchase_expiresAt_idx" ON "StorePurchase"("expiresAt");

-- CreateIndex
CREATE INDEX "StoreSubscription_userId_streamerId_idx" ON "StoreSubscription"("userId", "streamerId");

-- CreateIndex
CREATE INDEX "StoreSubscription_streamerId_idx" ON "StoreSubscription"("streamerId");

-- CreateIndex
CREATE INDEX "StoreSubscription_expiresAt_idx" ON "StoreSubscription"("expiresAt");

-- CreateIndex
CREATE INDEX "StoreSentGift_toId_id_idx" ON "StoreSentGift"("toId", "id");

-- CreateIndex
CREATE INDEX "StoreAudit_userId_id_idx" ON "StoreAudit"("userId", "id");

-- CreateIndex
CREATE INDEX "StoreAudit_staffId_id_idx" ON "StoreAudit"("staffId", "id");

-- AddForeignKey
ALTER TABLE "StorePosting" ADD CONSTRAINT "StorePosting_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "StoreTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorePurchase" ADD CONSTRAINT "StorePurchase_bonusId_fkey" FOREIGN KEY ("bonusId") REFERENCES "StoreBonus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: the ledger's rules held by the database itself, whatever the code does.

-- Wallets, the store's revenue and streamer payouts never go below zero; only the accounts money enters through from
-- outside (payments, staff grants, free coins) may. A wallet holds at most 1,000,000,000 of a currency.
ALTER TABLE "StoreBalance" ADD CONSTRAINT "StoreBalance_not_negative"
  CHECK ("balance" >= 0 OR "accountKind" IN ('TOPUP', 'ADJUSTMENT', 'FREE_COINS'));
ALTER TABLE "StoreBalance" ADD CONSTRAINT "StoreBalance_wallet_cap"
  CHECK ("accountKind" <> 'USER' OR "balance" <= 1000000000);
ALTER TABLE "StorePosting" ADD CONSTRAINT "StorePosting_amount_not_zero" CHECK ("amount" <> 0);

-- Entries and postings are append-only: a correction is a new entry.
CREATE FUNCTION "store_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the store ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER "StoreTransaction_append_only" BEFORE UPDATE OR DELETE ON "StoreTransaction"
  FOR EACH ROW EXECUTE FUNCTION "store_append_only"();
CREATE TRIGGER "StoreTransaction_no_truncate" BEFORE TRUNCATE ON "StoreTransaction"
  FOR EACH STATEMENT EXECUTE FUNCTION "store_append_only"();
CREATE TRIGGER "StorePosting_append_only" BEFORE UPDATE OR DELETE ON "StorePosting"
  FOR EACH ROW EXECUTE FUNCTION "store_append_only"();
CREATE TRIGGER "StorePosting_no_truncate" BEFORE TRUNCATE ON "StorePosting"
  FOR EACH STATEMENT EXECUTE FUNCTION "store_append_only"();

-- Every entry has two or more postings that sum to zero per currency, checked when its database transaction commits.
CREATE FUNCTION "store_entry_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry INTEGER;
  off RECORD;
BEGIN
  -- one function for both tables: each branch reads a column only its own table has
  IF TG_TABLE_NAME = 'StoreTransaction' THEN
    entry := NEW."id";
  ELSE
    entry := NEW."transactionId";
  END IF;
  IF (SELECT COUNT(*) FROM "StorePosting" WHERE "transactionId" = entry) < 2 THEN
    RAISE EXCEPTION 'store entry % has fewer than two postings', entry;
  END IF;
  SELECT "currency", SUM("amount") AS total INTO off FROM "StorePosting"
    WHERE "transactionId" = entry GROUP BY "currency" HAVING SUM("amount") <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'store entry % does not balance in %: the postings sum to %', entry, off."currency", off.total;
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "StoreTransaction_balanced" AFTER INSERT ON "StoreTransaction"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "store_entry_balanced"();
CREATE CONSTRAINT TRIGGER "StorePosting_balanced" AFTER INSERT ON "StorePosting"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "store_entry_balanced"();
