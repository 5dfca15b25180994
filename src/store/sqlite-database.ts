import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Database } from "./database.js";
import { applyMigrations, readMigrations } from "./migrate.js";
import { ensureParentDirectory, sqliteFilePath } from "./sqlite-file.js";
import { sqlitePreparedReads } from "./sqlite-prepared-reads.js";

const MIGRATIONS_DIRECTORY = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
/** How long a write waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the SQLite database at `url`, creating the file and applying pending migrations first,
 * with WAL journaling, a busy timeout and foreign keys on.
 */
export async function openSqliteDatabase(url: string): Promise<Database> {
  const path = sqliteFilePath(url);
  ensureParentDirectory(path);
  const setup = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    setup.pragma("journal_mode = WAL");
    applyMigrations(setup, readMigrations(MIGRATIONS_DIRECTORY));
  } finally {
    setup.close();
  }
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: path, timeout: BUSY_TIMEOUT_MS }),
  });
  // Per-connection settings; the adapter holds a single connection, so setting them once holds.
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  const reads = sqlitePreparedReads(path);
  return {
    prisma,
    dialect: "sqlite",
    reads,
    close: async () => {
      await reads.close();
      await prisma.$disconnect();
    },
  };
}
