import type { PrismaClient } from "../generated/prisma/client.js";

/** What waits for its author's `ja`; the payload as the handler that asked wrote it. */
export interface PendingConfirmationRecord {
  /** The council it was asked in (set when read back). */
  councilId?: string;
  kind: string;
  payload: string;
  expiresAt: Date;
}

/**
 * Commands that wait for their author's confirmation (`glöm @P` … `ja`). Kept in the database,
 * not in a process, so that the `ja` may reach any instance.
 */
export class ConfirmationsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Asks (again): a newer question replaces an older one of the same person in the council. */
  async ask(
    councilId: string,
    personId: string,
    question: PendingConfirmationRecord,
    at: Date,
  ): Promise<void> {
    // Questions nobody answered hold a name: gone once they can no longer be answered.
    await this.prisma.pendingConfirmation.deleteMany({ where: { expiresAt: { lte: at } } });
    await this.prisma.pendingConfirmation.upsert({
      where: { councilId_personId: { councilId, personId } },
      create: { councilId, personId, ...question, createdAt: at },
      update: { ...question, createdAt: at },
    });
  }

  /**
   * Takes the person's open question away, answered or cancelled: whoever deletes it has it, so
   * two `ja` at once act once. Null when there is none (or it had expired).
   */
  async take(
    councilId: string,
    personId: string,
    at: Date,
  ): Promise<PendingConfirmationRecord | null> {
    const row = await this.prisma.pendingConfirmation.findUnique({
      where: { councilId_personId: { councilId, personId } },
    });
    if (!row) return null;
    const { count } = await this.prisma.pendingConfirmation.deleteMany({
      where: { councilId, personId, createdAt: row.createdAt },
    });
    if (count === 0 || row.expiresAt <= at) return null;
    return { councilId, kind: row.kind, payload: row.payload, expiresAt: row.expiresAt };
  }

  /**
   * The person's latest open question in any council: the `ja` typed where no council is (Teams
   * asks in the personal chat, since a channel shows nothing to one member alone).
   */
  async takeLatest(personId: string, at: Date): Promise<PendingConfirmationRecord | null> {
    const latest = await this.prisma.pendingConfirmation.findFirst({
      where: { personId, expiresAt: { gt: at } },
      orderBy: { createdAt: "desc" },
      select: { councilId: true },
    });
    return latest ? this.take(latest.councilId, personId, at) : null;
  }
}
