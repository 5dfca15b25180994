-- DropIndex
DROP INDEX "PublishedMessage_meetingId_platform_workspaceId_channelId_p_key";

-- AlterTable
ALTER TABLE "Council" ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'notes',
ADD COLUMN     "noticeEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_pkey",
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD CONSTRAINT "Membership_pkey" PRIMARY KEY ("councilId", "personId", "role");

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "compiledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "immediate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "procedure" TEXT,
ADD COLUMN     "voteAbstain" INTEGER,
ADD COLUMN     "voteNo" INTEGER,
ADD COLUMN     "voteYes" INTEGER;

-- AlterTable
ALTER TABLE "MinutesSnapshot" ADD COLUMN     "itemId" TEXT;

-- AlterTable
ALTER TABLE "MinutesApproval" ADD COLUMN     "itemId" TEXT;

-- AlterTable
ALTER TABLE "PublishedMessage" ADD COLUMN     "extractRef" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Attendance" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "substituteForId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("meetingId","personId")
);

-- CreateTable
CREATE TABLE "MeetingApprover" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "MeetingApprover_pkey" PRIMARY KEY ("meetingId","personId")
);

-- CreateTable
CREATE TABLE "ItemNote" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ItemNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemNote_itemId_idx" ON "ItemNote"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedMessage_meetingId_extractRef_platform_workspaceId__key" ON "PublishedMessage"("meetingId", "extractRef", "platform", "workspaceId", "channelId", "part");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApprover" ADD CONSTRAINT "MeetingApprover_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApprover" ADD CONSTRAINT "MeetingApprover_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemNote" ADD CONSTRAINT "ItemNote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemNote" ADD CONSTRAINT "ItemNote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

