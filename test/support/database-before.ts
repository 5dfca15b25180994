import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { applyMigrations, readMigrations } from "../../src/store/migrate.js";

const MIGRATIONS = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * A new SQLite database at `path` as a Noterat from before a change left it: the migrations up
 * to and including `last` applied. The caller fills it with that schema's rows and closes it.
 */
export function sqliteDatabaseThrough(path: string, last: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(path);
  const applied = applyMigrations(
    db,
    readMigrations(MIGRATIONS).filter((migration) => migration.name <= last),
  );
  if (applied.at(-1) !== last) throw new Error(`no migration named ${last}`);
  return db;
}
