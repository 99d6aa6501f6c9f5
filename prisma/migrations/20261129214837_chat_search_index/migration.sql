-- Full-text search over chat messages without a scan: a stored generated tsvector (the 'simple' configuration, as the
-- search query uses) and a GIN index on it. Adding a stored generated column computes it for every existing row, so
-- old messages are searchable at once (the backfill is the ALTER itself).
-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "text")) STORED;

-- CreateIndex
CREATE INDEX "ChatMessage_searchVector_idx" ON "ChatMessage" USING GIN ("searchVector") WITH (fastupdate = off);
