-- AlterTable
ALTER TABLE "Council" ADD COLUMN     "slug" TEXT,
ADD COLUMN     "webEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "publishedDocument" TEXT,
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CouncilSlug" (
    "slug" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "CouncilSlug_councilId_idx" ON "CouncilSlug"("councilId");

-- CreateIndex
CREATE UNIQUE INDEX "Council_slug_key" ON "Council"("slug");

-- AddForeignKey
ALTER TABLE "CouncilSlug" ADD CONSTRAINT "CouncilSlug_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

