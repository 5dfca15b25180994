-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "approvedSnapshotId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "correctedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "publishedSnapshotId" TEXT;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN "decidedDueAt" DATETIME;

-- CreateTable
CREATE TABLE "MinutesSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "MinutesSnapshot_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "snapshotId" TEXT,
    "sha256" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "voidedAt" DATETIME,
    CONSTRAINT "MinutesApproval_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MinutesApproval_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MinutesApproval_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "MinutesSnapshot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MinutesSnapshot_meetingId_idx" ON "MinutesSnapshot"("meetingId");

-- CreateIndex
CREATE INDEX "MinutesApproval_meetingId_idx" ON "MinutesApproval"("meetingId");

-- CreateIndex
CREATE INDEX "MinutesApproval_personId_idx" ON "MinutesApproval"("personId");


-- Existing actions: the due date they have now is the best record of the one given.
UPDATE "Action" SET "decidedDueAt" = "dueAt";
