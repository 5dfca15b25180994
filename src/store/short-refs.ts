import { Prisma } from "../generated/prisma/client.js";
import type { SqlDb } from "./prisma-types.js";

/**
 * Takes the council's next short number (#12), shared by its items and actions. One statement
 * (UPDATE … RETURNING, in SQLite and PostgreSQL alike): every item and action takes one.
 */
export async function takeRef(db: SqlDb, councilId: string): Promise<number> {
  const [council] = await db.$queryRaw<Array<{ nextRef: number | bigint }>>(
    takeRefQuery(councilId),
  );
  if (!council) throw new Error(`takeRef: no council ${councilId}`);
  return Number(council.nextRef) - 1;
}

/** takeRef's statement: its one row's "nextRef" is the number taken plus one. */
export function takeRefQuery(councilId: string): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Council" SET "nextRef" = "nextRef" + 1 WHERE "id" = ${councilId} RETURNING "nextRef"`;
}
