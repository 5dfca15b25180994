-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PartialDelivery" (
    "key" TEXT NOT NULL,
    "refs" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartialDelivery_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PartialDelivery_updatedAt_idx" ON "PartialDelivery"("updatedAt");

