import BetterSqlite3 from "better-sqlite3";
import type { PreparedReads } from "./prepared-reads.js";
import { StatementCache } from "./prepared-reads.js";

/**
 * Prepared reads on a second, read-only SQLite connection. In WAL mode a reader never waits
 * for the writer (Prisma's connection) nor holds it up, and sees every committed write.
 */
export function sqlitePreparedReads(path: string): PreparedReads {
  const connection = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  const statements = new StatementCache((text) => connection.prepare(text));
  return {
    async rows<T>(query: { sql: string; values: unknown[] }): Promise<T[]> {
      return statements.get(query.sql).all(...query.values.map(sqliteValue)) as T[];
    },
    async close() {
      statements.clear();
      connection.close();
    },
  };
}

/** A value bound as Prisma's SQLite adapter binds it: instants as ISO text with "+00:00". */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
