// Read-only looks into a benchmark database after the servers have stopped.
import BetterSqlite3 from "better-sqlite3";

/** Items written through a chat surface (they carry a delivery dedup key; seeded ones do not). */
export function countWrittenItems(path: string): { items: number; searchable: number } {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const count = (sql: string): number => {
      const row: unknown = db.prepare(sql).get();
      return typeof row === "object" && row !== null && "n" in row && typeof row.n === "number"
        ? row.n
        : 0;
    };
    return {
      items: count(`SELECT count(*) AS n FROM "Item" WHERE "dedupKey" IS NOT NULL`),
      searchable: count(
        `SELECT count(*) AS n FROM "ItemSearch" WHERE "itemId" IN (SELECT "id" FROM "Item" WHERE "dedupKey" IS NOT NULL)`,
      ),
    };
  } finally {
    db.close();
  }
}
