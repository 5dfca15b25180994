// The hot read paths run on a connection of the store's own (src/store/prepared-reads.ts): they
// must see what Prisma's connection has just committed, read instants exactly whatever the
// process's time zone, and keep working past the statements they keep prepared.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CouncilRecord, PersonRecord, Place } from "../../src/domain/records.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { PREPARED_STATEMENTS_KEPT } from "../../src/store/prepared-reads.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

const at = new Date("2026-05-20T10:00:00Z");
const place: Place = { platform: "local", workspaceId: "local", channelId: "reglab" };

describe("prepared reads", () => {
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

  it("see a meeting as soon as Prisma's connection has written it, and its cancellation", async () => {
    const startsAt = new Date("2026-06-02T07:30:00Z");
    expect(await db.store.meetings.next(council.id, at)).toBeNull();
    const meeting = await db.store.meetings.create({
      councilId: council.id,
      startsAt,
      hasTime: true,
      place: null,
      actorId: eva.id,
      at,
    });
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
      const meeting = await db.store.meetings.create({
        councilId: council.id,
        startsAt,
        hasTime: true,
        place: null,
        actorId: eva.id,
        at,
      });
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

  it("keep answering right after more distinct statements than they keep prepared", async () => {
    const { reads } = db.database;
    const numbered = (n: number) =>
      reads.rows<{ n: number | bigint }>(Prisma.sql`SELECT ${Prisma.raw(String(n))} + ${1} AS "n"`);
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
