// Looks into a benchmark database (SQLite or PostgreSQL) after the servers have stopped.
import { openDatabase } from "../src/store/database.js";

/** Items written through a chat surface (they carry a delivery dedup key; seeded ones do not). */
export async function countWrittenItems(
  url: string,
): Promise<{ items: number; searchable: number }> {
  const database = await openDatabase(url);
  try {
    const count = async (sql: string): Promise<number> => {
      const [row] = await database.prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(sql);
      return Number(row?.n ?? 0);
    };
    return {
      items: await count(`SELECT count(*) AS n FROM "Item" WHERE "dedupKey" IS NOT NULL`),
      searchable: await count(
        `SELECT count(*) AS n FROM "ItemSearch" WHERE "itemId" IN (SELECT "id" FROM "Item" WHERE "dedupKey" IS NOT NULL)`,
      ),
    };
  } finally {
    await database.close();
  }
}
