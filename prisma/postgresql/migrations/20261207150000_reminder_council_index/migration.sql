-- DropIndex
DROP INDEX "Reminder_councilId_status_idx";

-- CreateIndex
CREATE INDEX "Reminder_councilId_dueAt_idx" ON "Reminder"("councilId", "dueAt");
