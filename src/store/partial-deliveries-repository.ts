import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * What a multi-message reminder posted before a later part failed, by the notice's key (its
 * recipient and exact content): stored, so that whichever instance retries it continues
 * from the failed part.
 */
export class PartialDeliveriesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The posted parts' refs, if recorded since `since`. */
  async postedSince(key: string, since: Date): Promise<string[]> {
    const row = await this.prisma.partialDelivery.findUnique({ where: { key } });
    if (!row || row.updatedAt < since) return [];
    return JSON.parse(row.refs) as string[];
  }

  /** Records what has been posted so far, and forgets records older than `expiredBefore`. */
  async remember(key: string, refs: string[], at: Date, expiredBefore: Date): Promise<void> {
    const data = { refs: JSON.stringify(refs), updatedAt: at };
    await this.prisma.partialDelivery.upsert({
      where: { key },
      create: { key, ...data },
      update: data,
    });
    await this.prisma.partialDelivery.deleteMany({ where: { updatedAt: { lt: expiredBefore } } });
  }

  async forget(key: string): Promise<void> {
    await this.prisma.partialDelivery.deleteMany({ where: { key } });
  }
}
