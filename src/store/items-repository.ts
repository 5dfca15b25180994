import type { ItemRecord } from "../domain/records.js";
import type { ItemKind } from "../domain/types.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { reopenMinutes } from "./meetings-repository.js";
import { toItem } from "./row-mappers.js";
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

  async record(input: NewItem): Promise<{ item: ItemRecord; created: boolean }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (input.dedupKey !== undefined) {
          const existing = await tx.item.findUnique({ where: { dedupKey: input.dedupKey } });
          if (existing) return { item: toItem(existing), created: false };
        }
        const ref = await takeRef(tx, input.councilId);
        const last = await tx.item.aggregate({
          where: { meetingId: input.meetingId },
          _max: { position: true },
        });
        const paragraph =
          input.kind === "decision"
            ? ((
                await tx.item.aggregate({
                  where: { councilId: input.councilId, paragraphYear: input.paragraphYear },
                  _max: { paragraph: true },
                })
              )._max.paragraph ?? 0) + 1
            : null;
        const item = await tx.item.create({
          data: {
            councilId: input.councilId,
            meetingId: input.meetingId,
            ref,
            kind: input.kind,
            heading: input.heading,
            text: input.text,
            position: (last._max.position ?? 0) + 1,
            paragraph,
            paragraphYear: paragraph === null ? null : input.paragraphYear,
            authorId: input.authorId,
            dedupKey: input.dedupKey ?? null,
            sourceUrl: input.sourceUrl ?? null,
          },
        });
        if (input.kind !== "agenda") {
          await reopenMinutes(
            tx,
            { id: input.meetingId, councilId: input.councilId },
            input.authorId,
            input.at,
          );
        }
        await writeAudit(tx, {
          councilId: input.councilId,
          actorId: input.authorId,
          action: "created",
          entityType: "item",
          entityId: item.id,
          after: { ref, kind: input.kind, heading: input.heading, text: input.text, paragraph },
          at: input.at,
        });
        return { item: toItem(item), created: true };
      });
    } catch (error) {
      // Two deliveries of the same retry raced past the lookup: the loser returns the winner's item.
      if (isUniqueViolation(error) && input.dedupKey !== undefined) {
        const existing = await this.prisma.item.findUnique({ where: { dedupKey: input.dedupKey } });
        if (existing) return { item: toItem(existing), created: false };
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

  async change(
    item: ItemRecord,
    change: ItemChange,
    actorId: string,
    at: Date,
  ): Promise<ItemRecord> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.item.update({ where: { id: item.id }, data: change });
      if (item.kind !== "agenda") await reopenMinutes(tx, meetingOf(item), actorId, at);
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
  async remove(item: ItemRecord, actorId: string, at: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.item.update({ where: { id: item.id }, data: { removedAt: at } });
      if (item.kind !== "agenda") await reopenMinutes(tx, meetingOf(item), actorId, at);
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

function meetingOf(item: ItemRecord): { id: string; councilId: string } {
  return { id: item.meetingId, councilId: item.councilId };
}
