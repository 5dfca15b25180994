-- AlterTable
ALTER TABLE "Council" ADD COLUMN "reminderSettings" TEXT;

-- CreateTable
CREATE TABLE "ReminderCursor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "plannedThrough" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "dueAt" DATETIME NOT NULL,
    "nextAttemptAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "sentRef" TEXT,
    "lastError" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Reminder" ("attempts", "claimedAt", "claimedBy", "councilId", "createdAt", "dueAt", "id", "key", "kind", "lastError", "nextAttemptAt", "payload", "sentAt", "sentRef", "status") SELECT "attempts", "claimedAt", "claimedBy", "councilId", "createdAt", "dueAt", "id", "key", "kind", "lastError", "nextAttemptAt", "payload", "sentAt", "sentRef", "status" FROM "Reminder";
DROP TABLE "Reminder";
ALTER TABLE "new_Reminder" RENAME TO "Reminder";
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");
CREATE INDEX "Reminder_status_platform_nextAttemptAt_idx" ON "Reminder"("status", "platform", "nextAttemptAt");
CREATE INDEX "Reminder_councilId_status_idx" ON "Reminder"("councilId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

