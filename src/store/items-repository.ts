import type { ItemRecord } from "../domain/records.js";
import type { ItemKind, Procedure } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { type ReopenCause, reopenMinutes } from "./minutes-record-repository.js";
import { newId } from "./new-id.js";
import type { Db } from "./prisma-types.js";
import { fromRawItem, type RawItemRow, toItem } from "./row-mappers.js";
import { takeRef } from "./short-refs.js";
import { isUniqueViolation } from "./unique-violation.js";

export interface NewItem {
  councilId: string;
  meetingId: string;
  kind: ItemKind;
  heading: string;
  text: string;
  authorId: string;
  /** The year whose § series a decision joins (the meeting's year in the council's zone). */
  paragraphYear: number;
  /**
   * False in protocol mode: every § is numbered when the protocol is justerat, in the order
   * of the meeting, not as decisions are logged.
   */
  numbered?: boolean;
  /** Protocol mode: the procedural § a planned item is. */
  procedure?: Procedure;
  /** Whether it joins its meeting's minutes (reopening them); by default all but agenda points. */
  minuted?: boolean;
  /** The platform's delivery id: a retry of the same delivery returns the item it made. */
  dedupKey?: string;
  sourceUrl?: string;
  at: Date;
}

export interface ItemChange {
  heading?: string;
  text?: string;
}

export class ItemsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Logs an item with the council's next number, the meeting's next position and, for a
   * decision, the next § of the year. Its own SQL, three statements and the audit entry: every
   * `noterat` runs this, and Prisma's queries for it (lookups, aggregates, create) cost ~2 ms more.
   */
  async record(input: NewItem): Promise<{ item: ItemRecord; created: boolean }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (input.dedupKey !== undefined) {
          const existing = await findByDedupKey(tx, input.dedupKey);
          if (existing) return { item: existing, created: false };
        }
        const ref = await takeRef(tx, input.councilId);
        const item = await insertItem(tx, input, ref);
        if (input.minuted ?? input.kind !== "agenda") {
          await reopenMinutes(
            tx,
            { id: input.meetingId, councilId: input.councilId },
            input.authorId,
            input.at,
            { entityType: "item", entityId: item.id, ref, change: "created" },
          );
        }
        await writeAudit(tx, {
          councilId: input.councilId,
          actorId: input.authorId,
          action: "created",
          entityType: "item",
          entityId: item.id,
          after: {
            ref,
            kind: input.kind,
            heading: input.heading,
            text: input.text,
            paragraph: item.paragraph,
          },
          at: input.at,
        });
        return { item, created: true };
      });
    } catch (error) {
      // Two deliveries of the same retry raced past the lookup: the loser returns the winner's item.
      if (isUniqueViolation(error) && input.dedupKey !== undefined) {
        const existing = await findByDedupKey(this.prisma, input.dedupKey);
        if (existing) return { item: existing, created: false };
      }
      throw error;
    }
  }

  async byRef(councilId: string, ref: number): Promise<ItemRecord | null> {
    const row = await this.prisma.item.findUnique({ where: { councilId_ref: { councilId, ref } } });
    return row ? toItem(row) : null;
  }

  /** The meeting's items in order, without removed ones. */
  async ofMeeting(meetingId: string): Promise<ItemRecord[]> {
    const rows = await this.prisma.item.findMany({
      where: { meetingId, removedAt: null },
      orderBy: { position: "asc" },
    });
    return rows.map(toItem);
  }

  /**
   * `minuted`: whether the item is part of its meeting's minutes, so that changing it reopens
   * them (an agenda point is, in protocol mode).
   */
  async change(
    item: ItemRecord,
    change: ItemChange,
    actorId: string,
    at: Date,
    minuted = item.kind !== "agenda",
  ): Promise<ItemRecord> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.item.update({ where: { id: item.id }, data: change });
      if (minuted) {
        await reopenMinutes(tx, meetingOf(item), actorId, at, causeOf(item, "changed"));
      }
      await writeAudit(tx, {
        councilId: item.councilId,
        actorId,
        action: "changed",
        entityType: "item",
        entityId: item.id,
        before: { heading: item.heading, text: item.text },
        after: change,
        at,
      });
      return toItem(row);
    });
  }

  /** Withdraws the item: gone from lists and minutes, kept with its text in the audit trail. */
  async remove(
    item: ItemRecord,
    actorId: string,
    at: Date,
    minuted = item.kind !== "agenda",
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.item.update({ where: { id: item.id }, data: { removedAt: at } });
      if (minuted) {
        await reopenMinutes(tx, meetingOf(item), actorId, at, causeOf(item, "removed"));
      }
      await writeAudit(tx, {
        councilId: item.councilId,
        actorId,
        action: "removed",
        entityType: "item",
        entityId: item.id,
        before: { heading: item.heading, text: item.text },
        at,
      });
    });
  }
}

async function findByDedupKey(db: Db, dedupKey: string): Promise<ItemRecord | null> {
  const [row] = await db.$queryRaw<RawItemRow[]>`
    SELECT * FROM "Item" WHERE "dedupKey" = ${dedupKey}`;
  return row ? toItem(fromRawItem(row)) : null;
}

/** The item at the end of its meeting; a decision takes the next § of its year in the council. */
async function insertItem(db: Db, input: NewItem, ref: number): Promise<ItemRecord> {
  const decision = input.kind === "decision" && input.numbered !== false;
  const paragraph = decision
    ? Prisma.sql`(SELECT COALESCE(MAX("paragraph"), 0) + 1 FROM "Item"
        WHERE "councilId" = ${input.councilId} AND "paragraphYear" = ${input.paragraphYear})`
    : Prisma.sql`NULL`;
  // As Prisma's @default(now()) and @updatedAt would stamp it.
  const stamp = new Date();
  const [row] = await db.$queryRaw<RawItemRow[]>`
    INSERT INTO "Item" ("id", "councilId", "meetingId", "ref", "kind", "heading", "text",
      "position", "paragraph", "paragraphYear", "authorId", "dedupKey", "sourceUrl",
      "procedure", "createdAt", "updatedAt")
    VALUES (${newId()}, ${input.councilId}, ${input.meetingId}, ${ref}, ${input.kind},
      ${input.heading}, ${input.text},
      (SELECT COALESCE(MAX("position"), 0) + 1 FROM "Item" WHERE "meetingId" = ${input.meetingId}),
      ${paragraph}, ${decision ? input.paragraphYear : null}, ${input.authorId},
      ${input.dedupKey ?? null}, ${input.sourceUrl ?? null}, ${input.procedure ?? null},
      ${stamp}, ${stamp})
    RETURNING *`;
  if (!row) throw new Error("items: the insert returned no row");
  return toItem(fromRawItem(row));
}

function meetingOf(item: ItemRecord): { id: string; councilId: string } {
  return { id: item.meetingId, councilId: item.councilId };
}

function causeOf(item: ItemRecord, change: string): ReopenCause {
  return { entityType: "item", entityId: item.id, ref: item.ref, change };
}
