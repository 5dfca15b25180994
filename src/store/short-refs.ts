import type { Db } from "./prisma-types.js";

/** Takes the council's next short number (#12), shared by its items and actions. */
export async function takeRef(db: Db, councilId: string): Promise<number> {
  const council = await db.council.update({
    where: { id: councilId },
    data: { nextRef: { increment: 1 } },
    select: { nextRef: true },
  });
  return council.nextRef - 1;
}
