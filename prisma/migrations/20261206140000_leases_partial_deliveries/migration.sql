-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PartialDelivery" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "refs" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PartialDelivery_updatedAt_idx" ON "PartialDelivery"("updatedAt");

