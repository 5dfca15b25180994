import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** Either the client or the client of an open transaction: repositories work with both. */
export type Db = PrismaClient | Prisma.TransactionClient;
