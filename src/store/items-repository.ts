import type { ItemRecord } from "../domain/records.js";
import type { ItemKind, MinutedItemKind, MinutesStatus, Procedure } from "../domain/types.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { writeAudit } from "./audit-trail.js";
import { type ReopenCause, reopenMinutes } from "./minutes-record-repository.js";
import { newId } from "./new-id.js";
import type { PreparedStatements } from "./prepared-statements.js";
import type { Db, SqlDb } from "./prisma-types.js";
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

/** `ändra ID beslut|diskussion|noterat [TEXT]`. */
export interface KindChange {
  kind: MinutedItemKind;
  heading?: string;
  text?: string;
  /**
   * The year whose § series a decision joins (its meeting's year in the council's zone). Absent
   * in protocol mode, where every § is numbered when the protocol is justerat.
   */
  paragraphYear?: number;
}

export interface KindChanged {
  item: ItemRecord;
  /** A decision that became something else kept its §: see changeKind. */
  keptParagraph: boolean;
  /** How many later decisions moved down one § to close the gap it left. */
  renumbered: number;
}

export class ItemsRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly prepared: PreparedStatements,
  ) {}

  /**
   * Logs an item with the council's next number, the meeting's next position and, for a
   * decision, the next § of the year. Its own SQL, three statements and the audit entry: every
   * `noterat` runs this, and Prisma's queries for it (lookups, aggregates, create) cost ~2 ms more;
   * on prepared statements, since even Prisma's raw statements cost more than the work.
   */
  async record(input: NewItem): Promise<{ item: ItemRecord; created: boolean }> {
    try {
      return await this.prepared.transaction(async (tx) => {
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
      // A retry of a delivery that made an item: its insert failed on the delivery id, and
      // rolled back with the number it took. Rare, so not looked up before every insert.
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

  /**
   * An item's kind, reopening its minutes. § numbers stay without gaps, and a number that was
   * ever on record (minutes approved or published) never changes or goes to another decision:
   * - becoming a decision, the item takes the year's next § (or the one it kept before);
   * - a decision that becomes something else gives up its § only when neither its own minutes
   *   nor those of any later § of the year were approved or published; the later ones then move
   *   down one each, as a protocol numbers its §§ in order. Otherwise it keeps the number, which
   *   its minutes no longer show: a gap there, but no number on record changes meaning.
   */
  async changeKind(
    item: ItemRecord,
    change: KindChange,
    actorId: string,
    at: Date,
  ): Promise<KindChanged> {
    return this.prisma.$transaction(async (tx) => {
      // One numbering at a time in the council: `beslut` takes its § under this row's lock too.
      await tx.$executeRaw`UPDATE "Council" SET "nextRef" = "nextRef" WHERE "id" = ${item.councilId}`;
      const current = await tx.item.findUniqueOrThrow({ where: { id: item.id } });
      const numbering =
        change.paragraphYear === undefined
          ? unchanged(current)
          : await renumbered(tx, current, change.kind, change.paragraphYear, actorId, at);
      const { kind, heading, text } = change;
      const data = {
        kind,
        ...(heading === undefined ? {} : { heading }),
        ...(text === undefined ? {} : { text }),
        paragraph: numbering.paragraph,
        paragraphYear: numbering.paragraphYear,
      };
      const row = await tx.item.update({ where: { id: item.id }, data });
      await reopenMinutes(tx, meetingOf(item), actorId, at, causeOf(item, "kind"));
      await writeAudit(tx, {
        councilId: item.councilId,
        actorId,
        action: "changed",
        entityType: "item",
        entityId: item.id,
        before: {
          kind: item.kind,
          heading: item.heading,
          text: item.text,
          paragraph: current.paragraph,
        },
        after: data,
        at,
      });
      return {
        item: toItem(row),
        keptParagraph: numbering.kept,
        renumbered: numbering.renumbered,
      };
    });
  }

  /**
   * `flytta ID före ID2`: the item just before `target` in their meeting; false when it already
   * was. `minuted`: whether the move changes the minutes (reopening them).
   */
  async moveBefore(
    item: ItemRecord,
    target: ItemRecord,
    actorId: string,
    at: Date,
    minuted: boolean,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.item.findMany({
        where: { meetingId: item.meetingId, removedAt: null },
        orderBy: [{ position: "asc" }, { ref: "asc" }],
        select: { id: true, position: true },
      });
      const others = rows.filter((row) => row.id !== item.id);
      const slot = others.findIndex((row) => row.id === target.id);
      const order = [...others.slice(0, slot), { id: item.id }, ...others.slice(slot)];
      if (order.every((row, index) => row.id === rows[index]?.id)) return false;
      for (const [index, row] of order.entries()) {
        const position = index + 1;
        if (rows.find((each) => each.id === row.id)?.position !== position) {
          await tx.item.update({ where: { id: row.id }, data: { position } });
        }
      }
      if (minuted) await reopenMinutes(tx, meetingOf(item), actorId, at, causeOf(item, "moved"));
      await writeAudit(tx, {
        councilId: item.councilId,
        actorId,
        action: "moved",
        entityType: "item",
        entityId: item.id,
        before: { position: item.position },
        after: { position: slot + 1, before: target.ref },
        at,
      });
      return true;
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

async function findByDedupKey(db: SqlDb, dedupKey: string): Promise<ItemRecord | null> {
  const [row] = await db.$queryRaw<RawItemRow[]>(itemByDedupKeyQuery(dedupKey));
  return row ? toItem(fromRawItem(row)) : null;
}

/** The item a delivery made, if it made one. */
function itemByDedupKeyQuery(dedupKey: string): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM "Item" WHERE "dedupKey" = ${dedupKey}`;
}

async function insertItem(db: SqlDb, input: NewItem, ref: number): Promise<ItemRecord> {
  const [row] = await db.$queryRaw<RawItemRow[]>(insertItemQuery(input, ref));
  if (!row) throw new Error("items: the insert returned no row");
  return toItem(fromRawItem(row));
}

/**
 * The item at the end of its meeting, with a new id; a decision takes the next § of its year in
 * the council. Returns the row. Exported so that the benchmark's floor runs the same statement.
 */
export function insertItemQuery(input: NewItem, ref: number): Prisma.Sql {
  const decision = input.kind === "decision" && input.numbered !== false;
  const paragraph = decision
    ? Prisma.sql`(SELECT COALESCE(MAX("paragraph"), 0) + 1 FROM "Item"
        WHERE "councilId" = ${input.councilId} AND "paragraphYear" = ${input.paragraphYear})`
    : Prisma.sql`NULL`;
  // As Prisma's @default(now()) and @updatedAt would stamp it.
  const stamp = new Date();
  return Prisma.sql`
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
}

function meetingOf(item: ItemRecord): { id: string; councilId: string } {
  return { id: item.meetingId, councilId: item.councilId };
}

function causeOf(item: ItemRecord, change: string): ReopenCause {
  return { entityType: "item", entityId: item.id, ref: item.ref, change };
}

type ItemRow = Awaited<ReturnType<Db["item"]["findUniqueOrThrow"]>>;

interface Numbering {
  paragraph: number | null;
  paragraphYear: number | null;
  /** A decision that became something else kept its § (it was on record). */
  kept: boolean;
  renumbered: number;
}

function unchanged(item: ItemRow): Numbering {
  return {
    paragraph: item.paragraph,
    paragraphYear: item.paragraphYear,
    kept: false,
    renumbered: 0,
  };
}

/** The § an item has as `kind`, and the later §§ moved down to close a gap (see changeKind). */
async function renumbered(
  tx: Db,
  item: ItemRow,
  kind: MinutedItemKind,
  year: number,
  actorId: string,
  at: Date,
): Promise<Numbering> {
  if (kind === "decision") {
    if (item.paragraph !== null) return unchanged(item);
    const [next] = await tx.$queryRaw<Array<{ paragraph: number | bigint }>>`
      SELECT COALESCE(MAX("paragraph"), 0) + 1 AS "paragraph" FROM "Item"
      WHERE "councilId" = ${item.councilId} AND "paragraphYear" = ${year}`;
    const paragraph = Number(next?.paragraph ?? 1);
    return { paragraph, paragraphYear: year, kept: false, renumbered: 0 };
  }
  if (item.kind !== "decision" || item.paragraph === null) return unchanged(item);
  const own = await tx.meeting.findUniqueOrThrow({ where: { id: item.meetingId } });
  const later = await tx.item.findMany({
    where: {
      councilId: item.councilId,
      paragraphYear: item.paragraphYear,
      paragraph: { gt: item.paragraph },
    },
    orderBy: { paragraph: "asc" },
    select: { id: true, paragraph: true, meeting: true },
  });
  if ([own, ...later.map((each) => each.meeting)].some(onRecord)) {
    return { ...unchanged(item), kept: true };
  }
  // Freed first, then each later § down into the number just freed: never two at once.
  await tx.item.update({
    where: { id: item.id },
    data: { paragraph: null, paragraphYear: null },
  });
  for (const each of later) {
    const paragraph = (each.paragraph ?? 0) - 1;
    await tx.item.update({ where: { id: each.id }, data: { paragraph } });
    await writeAudit(tx, {
      councilId: item.councilId,
      actorId,
      action: "renumbered",
      entityType: "item",
      entityId: each.id,
      before: { paragraph: each.paragraph },
      after: { paragraph },
      at,
    });
  }
  return { paragraph: null, paragraphYear: null, kept: false, renumbered: later.length };
}

/** Minutes once approved or published: their § numbers are on record. */
function onRecord(meeting: { minutesStatus: string; publishedAt: Date | null }): boolean {
  return (
    meeting.minutesStatus !== ("draft" satisfies MinutesStatus) || meeting.publishedAt !== null
  );
}
