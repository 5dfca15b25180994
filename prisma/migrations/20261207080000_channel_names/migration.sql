-- AlterTable
ALTER TABLE "ChannelBinding" ADD COLUMN "name" TEXT;
