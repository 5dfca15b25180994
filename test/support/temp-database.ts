import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore, type Store } from "../../src/store/store.js";

export interface TempDatabase {
  url: string;
  path: string;
  database: Database;
  store: Store;
  cleanup(): Promise<void>;
}

/** A real SQLite file in a fresh temporary folder, migrated as at start-up. */
export async function openTempDatabase(): Promise<TempDatabase> {
  const directory = mkdtempSync(join(tmpdir(), "noterat-test-"));
  const path = join(directory, "noterat.db");
  const url = `file:${path}`;
  const database = await openDatabase(url);
  return {
    url,
    path,
    database,
    store: createStore(database),
    async cleanup() {
      await database.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Rows in every table of the database (Prisma's, the search index's, all of them). */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await database.prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(
      `SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`,
    );
    counts[name] = Number(rows[0]?.n ?? -1);
  }
  return counts;
}
