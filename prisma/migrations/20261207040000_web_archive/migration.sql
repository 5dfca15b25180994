-- The web archive (DESIGN.md §13). Council and Meeting only gain columns, added in place rather
-- than by rebuilding the tables.
ALTER TABLE "Council" ADD COLUMN "webEnabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Council" ADD COLUMN "slug" TEXT;
CREATE UNIQUE INDEX "Council_slug_key" ON "Council"("slug");
ALTER TABLE "Meeting" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Meeting" ADD COLUMN "scheduledAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "publishedDocument" TEXT;

-- CreateTable
CREATE TABLE "CouncilSlug" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilSlug_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CouncilSlug_councilId_idx" ON "CouncilSlug"("councilId");
