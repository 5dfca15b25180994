-- Protocol mode (DESIGN.md §12). Council and Item only gain columns, added in place: rebuilding
-- "Item" would drop the search index's triggers. Membership's key gains the role (a person may
-- hold several roles; each existing single role becomes that person's one row).
ALTER TABLE "Council" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'notes';
ALTER TABLE "Council" ADD COLUMN "noticeEnabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Item" ADD COLUMN "procedure" TEXT;
ALTER TABLE "Item" ADD COLUMN "voteYes" INTEGER;
ALTER TABLE "Item" ADD COLUMN "voteNo" INTEGER;
ALTER TABLE "Item" ADD COLUMN "voteAbstain" INTEGER;
ALTER TABLE "Item" ADD COLUMN "immediate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "compiledAt" DATETIME;

-- AlterTable
ALTER TABLE "MinutesSnapshot" ADD COLUMN "itemId" TEXT;

-- AlterTable
ALTER TABLE "MinutesApproval" ADD COLUMN "itemId" TEXT;

-- CreateTable
CREATE TABLE "Attendance" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "substituteForId" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "personId"),
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingApprover" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("meetingId", "personId"),
    CONSTRAINT "MeetingApprover_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingApprover_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ItemNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "ItemNote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ItemNote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Membership" (
    "councilId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("councilId", "personId", "role"),
    CONSTRAINT "Membership_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("councilId", "createdAt", "personId", "role") SELECT "councilId", "createdAt", "personId", "role" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");
CREATE TABLE "new_PublishedMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "extractRef" INTEGER NOT NULL DEFAULT 0,
    "messageRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PublishedMessage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PublishedMessage" ("channelId", "createdAt", "id", "meetingId", "messageRef", "part", "platform", "updatedAt", "workspaceId") SELECT "channelId", "createdAt", "id", "meetingId", "messageRef", "part", "platform", "updatedAt", "workspaceId" FROM "PublishedMessage";
DROP TABLE "PublishedMessage";
ALTER TABLE "new_PublishedMessage" RENAME TO "PublishedMessage";
CREATE UNIQUE INDEX "PublishedMessage_meetingId_extractRef_platform_workspaceId_channelId_part_key" ON "PublishedMessage"("meetingId", "extractRef", "platform", "workspaceId", "channelId", "part");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ItemNote_itemId_idx" ON "ItemNote"("itemId");

