import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** Either the client or the client of an open transaction: repositories work with both. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * What the store's statements of its own need: Prisma's client, a Prisma transaction, or a
 * transaction on prepared statements (PreparedStatements.transaction) all answer to it.
 */
export interface SqlDb {
  $queryRaw<T = unknown>(query: Prisma.Sql): PromiseLike<T>;
  /** The number of rows changed. */
  $executeRaw(query: Prisma.Sql): PromiseLike<number>;
}
