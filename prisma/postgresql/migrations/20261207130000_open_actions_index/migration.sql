-- DropIndex
DROP INDEX "Action_councilId_status_dueAt_idx";

-- CreateIndex
CREATE INDEX "Action_councilId_status_removedAt_dueAt_idx" ON "Action"("councilId", "status", "removedAt", "dueAt");

