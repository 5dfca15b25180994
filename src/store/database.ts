import type { PrismaClient } from "../generated/prisma/client.js";
import { type Dialect, dialectOf } from "./database-url.js";
import type { PreparedStatements } from "./prepared-statements.js";

export interface Database {
  /**
   * The client of the database's own generated schema. The PostgreSQL client is generated from
   * the same models (prisma/postgresql/schema.prisma), so both answer to this one type.
   */
  readonly prisma: PrismaClient;
  readonly dialect: Dialect;
  /** The hot paths' statements, prepared once (reads on a connection of the store's own). */
  readonly prepared: PreparedStatements;
  close(): Promise<void>;
}

/**
 * Opens the database at `url` — a SQLite file (`file:…`, the embedded default) or a PostgreSQL
 * server (`postgresql://…`) — after applying its pending migrations. Each driver is loaded
 * only when it is used.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (dialectOf(url) === "postgresql") {
    const { openPostgresDatabase } = await import("./postgres-database.js");
    return openPostgresDatabase(url);
  }
  const { openSqliteDatabase } = await import("./sqlite-database.js");
  return openSqliteDatabase(url);
}
