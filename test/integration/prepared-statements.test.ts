// The hot paths run on statements prepared once (src/store/prepared-statements.ts): reads must
// see what Prisma's connection has just committed and read instants exactly whatever the
// process's time zone; writes must be transactions of their own beside Prisma's; both must
// keep working past the statements they keep prepared.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CouncilRecord, PersonRecord, Place } from "../../src/domain/records.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { PREPARED_STATEMENTS_KEPT } from "../../src/store/prepared-statements.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

const at = new Date("2026-05-20T10:00:00Z");
const place: Place = { platform: "local", workspaceId: "local", channelId: "reglab" };

describe("prepared statements", () => {
  let db: TempDatabase;
  let eva: PersonRecord;
  let council: CouncilRecord;

  beforeEach(async () => {
    db = await openTempDatabase();
    eva = await db.store.people.ensure({ ...place, externalId: "eva", displayName: "Eva" });
    council = await db.store.councils.create({
      name: "Reglab",
      place,
      creatorId: eva.id,
      locale: "sv",
      timeZone: "Europe/Stockholm",
      at,
    });
  });

  afterEach(async () => {
    await db.cleanup();
  });

  /** A timed meeting of the council, planned by Eva. */
  function meetingAt(startsAt: Date) {
    return db.store.meetings.create({
      councilId: council.id,
      startsAt,
      hasTime: true,
      place: null,
      actorId: eva.id,
      at,
    });
  }

  it("see a meeting as soon as Prisma's connection has written it, and its cancellation", async () => {
    const startsAt = new Date("2026-06-02T07:30:00Z");
    expect(await db.store.meetings.next(council.id, at)).toBeNull();
    const meeting = await meetingAt(startsAt);
    expect(await db.store.meetings.next(council.id, at)).toEqual(meeting);
    await db.store.meetings.change(
      meeting,
      { status: "cancelled" },
      { action: "cancelled", actorId: eva.id, at },
    );
    expect(await db.store.meetings.next(council.id, at)).toBeNull();
  });

  it("read instants exactly in a process whose time zone is not UTC", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Sao_Paulo";
    try {
      const startsAt = new Date("2026-06-02T07:30:15.123Z");
      const dueAt = new Date("2026-06-30T21:59:59.999Z");
      const meeting = await meetingAt(startsAt);
      await db.store.actions.create({
        councilId: council.id,
        meetingId: meeting.id,
        itemId: null,
        text: "Skicka remissvaret",
        dueAt,
        assigneeIds: [eva.id],
        createdById: eva.id,
        at,
      });
      const [planned] = await db.store.meetings.plannedBetween(
        council.id,
        new Date("2026-06-02T07:30:15.123Z"),
        new Date("2026-06-02T07:30:15.124Z"),
      );
      expect(planned?.startsAt.toISOString()).toBe(startsAt.toISOString());
      const [open] = await db.store.actions.open({ councilIds: [council.id], limit: 50 });
      expect(open?.dueAt?.toISOString()).toBe(dueAt.toISOString());
      expect(open?.origin).toEqual({ kind: "meeting", meetingStartsAt: startsAt });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("write in a transaction of their own while one of Prisma's is open, and outlive its rollback", async () => {
    const meeting = await meetingAt(new Date("2026-05-20T08:00:00Z"));
    let written: () => void = () => {};
    const open = new Promise<void>((resolve) => {
      written = resolve;
    });
    const failing = db.database.prisma.$transaction(async (tx) => {
      await tx.council.update({ where: { id: council.id }, data: { name: "Omdöpt" } });
      written();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("rolled back");
    });
    // Logged while Prisma's transaction is open and has written.
    await open;
    const recorded = db.store.items.record({
      councilId: council.id,
      meetingId: meeting.id,
      kind: "decision",
      heading: "Budget",
      text: "Rådet beslutade att anta budgeten.",
      authorId: eva.id,
      paragraphYear: 2026,
      at,
    });
    await expect(failing).rejects.toThrow("rolled back");
    const { item } = await recorded;
    expect(await db.store.items.byRef(council.id, item.ref)).toEqual(item);
    expect(item.paragraph).toBe(1);
    expect((await db.store.councils.byId(council.id))?.name).toBe("Reglab");
  });

  it("keep a Prisma transaction begun while theirs is open waiting until it commits", async () => {
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const ours = db.database.prepared.transaction(async (tx) => {
      await tx.$executeRaw(
        Prisma.sql`UPDATE "Council" SET "name" = ${"Först"} WHERE "id" = ${council.id}`,
      );
      entered();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return tx.$executeRaw(
        Prisma.sql`UPDATE "Council" SET "nextRef" = "nextRef" + 10 WHERE "id" = ${council.id}`,
      );
    });
    await inside;
    const prismas = db.database.prisma.$transaction((tx) =>
      tx.council.update({ where: { id: council.id }, data: { name: "Sedan" } }),
    );
    expect(await Promise.all([ours, prismas.then((row) => row.name)])).toEqual([1, "Sedan"]);
    const stored = await db.database.prisma.council.findUniqueOrThrow({
      where: { id: council.id },
    });
    expect([stored.name, stored.nextRef]).toEqual(["Sedan", 11]);
  });

  it("leave nothing behind of a transaction whose work fails", async () => {
    const renamed = db.database.prepared.transaction(async (tx) => {
      await tx.$executeRaw(
        Prisma.sql`UPDATE "Council" SET "name" = ${"Omdöpt"} WHERE "id" = ${council.id}`,
      );
      throw new Error("failed half-way");
    });
    await expect(renamed).rejects.toThrow("failed half-way");
    expect((await db.store.councils.byId(council.id))?.name).toBe("Reglab");
  });

  it("keep answering right after more distinct statements than they keep prepared", async () => {
    const { prepared } = db.database;
    const numbered = (n: number) =>
      prepared.rows<{ n: number | bigint }>(
        Prisma.sql`SELECT ${Prisma.raw(String(n))} + ${1} AS "n"`,
      );
    for (let n = 0; n < PREPARED_STATEMENTS_KEPT + 10; n += 1) {
      const [row] = await numbered(n);
      expect(Number(row?.n)).toBe(n + 1);
    }
    // The first texts again, after the cache forgot them: prepared anew under new names.
    for (let n = 0; n < 10; n += 1) {
      const [row] = await numbered(n);
      expect(Number(row?.n)).toBe(n + 1);
    }
  });
});
