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
