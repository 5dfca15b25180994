import { execFile } from "node:child_process";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CouncilRecord, MeetingRecord, PersonRecord } from "../../src/domain/records.js";
import { applyMigrations, readMigrations } from "../../src/store/migrate.js";
import { onPostgres, openTempDatabase, type TempDatabase } from "../support/temp-database.js";

const run = promisify(execFile);
const at = new Date("2026-05-20T10:00:00Z");

// On the database under test (SQLite, or PostgreSQL with `npm run test:pg`); what only one of
// them has (PRAGMAs, the migrator's files) is checked on that one, PostgreSQL's in
// postgres-store.test.ts.
describe("store on a real database", () => {
  let db: TempDatabase;
  let secretary: PersonRecord;
  let council: CouncilRecord;
  let meeting: MeetingRecord;

  beforeEach(async () => {
    db = await openTempDatabase();
    const { store } = db;
    secretary = await store.people.ensure({
      platform: "local",
      workspaceId: "local",
      externalId: "eva",
      displayName: "Eva",
    });
    council = await store.councils.create({
      name: "Reglab",
      place: { platform: "local", workspaceId: "local", channelId: "reglab" },
      creatorId: secretary.id,
      locale: "sv",
      timeZone: "Europe/Stockholm",
      at,
    });
    meeting = await store.meetings.create({
      councilId: council.id,
      startsAt: new Date("2026-05-20T11:00:00Z"),
      hasTime: true,
      place: null,
      actorId: secretary.id,
      at,
    });
  });

  afterEach(async () => {
    await db.cleanup();
  });

  const item = (overrides: Partial<Parameters<TempDatabase["store"]["items"]["record"]>[0]> = {}) =>
    db.store.items.record({
      councilId: council.id,
      meetingId: meeting.id,
      kind: "info",
      heading: "Rubrik",
      text: "Text",
      authorId: secretary.id,
      paragraphYear: 2026,
      at,
      ...overrides,
    });

  it.skipIf(onPostgres)("opens in WAL mode with foreign keys on and a busy timeout", async () => {
    const { prisma } = db.database;
    expect(await prisma.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await prisma.$queryRawUnsafe("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1n }]);
    expect(await prisma.$queryRawUnsafe("PRAGMA busy_timeout")).toEqual([{ timeout: 5000n }]);
  });

  it("enforces foreign keys", async () => {
    await expect(
      db.database.prisma.channelBinding.create({
        data: { councilId: "no-such-council", platform: "local", workspaceId: "x", channelId: "y" },
      }),
    ).rejects.toThrow();
  });

  it.skipIf(onPostgres)(
    "records migrations the way Prisma does, so its CLI sees an up-to-date database",
    async () => {
      const { stdout } = await run("npx", ["prisma", "migrate", "status"], {
        env: { ...process.env, DATABASE_URL: db.url },
      });
      expect(stdout).toContain("Database schema is up to date!");
    },
  );

  it.skipIf(onPostgres)(
    "applies nothing twice and refuses a migration changed after it was applied",
    () => {
      const raw = new BetterSqlite3(db.path);
      try {
        const rows = raw.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all();
        const name = (rows[0] as { migration_name: string }).migration_name;
        expect(applyMigrations(raw, readMigrations("prisma/migrations"))).toEqual([]);
        expect(() => applyMigrations(raw, [{ name, sql: "SELECT 1;" }])).toThrow(/was changed/);
      } finally {
        raw.close();
      }
    },
  );

  it("numbers items and actions in one series per council", async () => {
    const first = await item();
    const action = await db.store.actions.create({
      councilId: council.id,
      meetingId: meeting.id,
      itemId: first.item.id,
      text: "Gör något",
      dueAt: null,
      assigneeIds: [secretary.id],
      createdById: secretary.id,
      at,
    });
    const second = await item();
    expect([first.item.ref, action.action.ref, second.item.ref]).toEqual([1, 2, 3]);
    expect(second.item.position).toBe(2);
  });

  it("gives decisions § numbers running per council and year", async () => {
    const numbers = [];
    numbers.push((await item({ kind: "decision" })).item.paragraph);
    numbers.push((await item({ kind: "info" })).item.paragraph);
    numbers.push((await item({ kind: "decision" })).item.paragraph);
    numbers.push((await item({ kind: "decision", paragraphYear: 2027 })).item.paragraph);
    expect(numbers).toEqual([1, null, 2, 1]);
  });

  it("makes one item of a retried delivery, also when the retries race, and no gap in the numbers", async () => {
    const once = await item({ dedupKey: "slack:T1:retry-1" });
    const again = await item({ dedupKey: "slack:T1:retry-1" });
    expect(once.created).toBe(true);
    expect(again).toEqual({ item: once.item, created: false });
    const raced = await Promise.all([1, 2, 3, 4].map(() => item({ dedupKey: "slack:T1:race" })));
    expect(raced.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(raced.map((result) => result.item.id)).size).toBe(1);
    // The retries took no number: the next item's follows the race's winner's.
    const next = await item({});
    expect([once.item.ref, raced[0]?.item.ref, next.item.ref]).toEqual([1, 2, 3]);
    expect(await db.database.prisma.item.count()).toBe(3);
  });

  it("finds items by words and prefixes, best match first, within one council", async () => {
    await item({ heading: "Budget", text: "Kollektivtrafikmyndigheten fick information." });
    const best = await item({ heading: "Översyn av kollektivtrafiken", text: "Tidplan." });
    const removed = await item({ heading: "Kollektivtrafik, struken" });
    await db.store.items.remove(removed.item, secretary.id, at);
    await item({ kind: "agenda", heading: "Kollektivtrafik på dagordningen", text: "" });

    const hits = await db.store.search.search(council.id, ["kollektiv"], 10);
    expect(hits.map((hit) => hit.item.heading)).toEqual(["Översyn av kollektivtrafiken", "Budget"]);
    expect(hits[0]?.meetingStartsAt).toEqual(meeting.startsAt);
    expect(await db.store.search.search("another-council", ["kollektiv"], 10)).toEqual([]);

    await db.store.items.change(best.item, { text: "Nu om cyklar." }, secretary.id, at);
    expect(
      (await db.store.search.search(council.id, ["cyklar"], 10)).map((h) => h.item.ref),
    ).toEqual([best.item.ref]);
    // FTS5 syntax in user words is quoted, never interpreted.
    expect(await db.store.search.search(council.id, ['"OR*', "NEAR("], 10)).toEqual([]);
  });

  it("lists open actions soonest due first, undated last, filtered by person and due date", async () => {
    const anna = await db.store.people.ensure({
      platform: "local",
      workspaceId: "local",
      externalId: "anna",
      displayName: "Anna",
    });
    const make = (text: string, dueAt: Date | null, assigneeIds: string[]) =>
      db.store.actions.create({
        councilId: council.id,
        meetingId: null,
        itemId: null,
        text,
        dueAt,
        assigneeIds,
        createdById: secretary.id,
        at,
      });
    await make("odaterat", null, [anna.id]);
    await make("sent", new Date("2026-06-01T22:00:00Z"), [anna.id, secretary.id]);
    const early = await make("tidigt", new Date("2026-05-01T22:00:00Z"), [secretary.id]);
    await db.store.actions.complete(early.action, secretary.id, at);
    await make("snart", new Date("2026-05-10T22:00:00Z"), [secretary.id]);

    const open = await db.store.actions.open({ councilIds: [council.id], limit: 10 });
    expect(open.map((a) => a.text)).toEqual(["snart", "sent", "odaterat"]);
    const annas = await db.store.actions.open({
      councilIds: [council.id],
      assigneeId: anna.id,
      limit: 10,
    });
    expect(annas.map((a) => a.text)).toEqual(["sent", "odaterat"]);
    const overdue = await db.store.actions.open({
      councilIds: [council.id],
      dueBefore: at,
      limit: 10,
    });
    expect(overdue.map((a) => a.text)).toEqual(["snart"]);
    expect(await db.store.actions.countOpen({ councilIds: [council.id] })).toBe(3);
  });

  it("sends approved minutes back to draft when their content changes", async () => {
    const logged = await item();
    await db.store.meetings.change(
      meeting,
      { minutesStatus: "approved", approvedAt: at, approvedById: secretary.id },
      { action: "approved", actorId: secretary.id, at },
    );
    await db.store.items.change(logged.item, { text: "Rättad" }, secretary.id, at);
    expect((await db.store.meetings.byId(meeting.id))?.minutesStatus).toBe("draft");
  });

  it("keeps an audit trail of who created, changed and removed what", async () => {
    const logged = await item({ heading: "Före" });
    await db.store.items.change(logged.item, { heading: "Efter" }, secretary.id, at);
    await db.store.items.remove(logged.item, secretary.id, at);
    const trail = await db.database.prisma.auditEntry.findMany({
      where: { entityId: logged.item.id },
      orderBy: { id: "asc" },
    });
    expect(trail.map((entry) => entry.action).sort()).toEqual(["changed", "created", "removed"]);
    const changed = trail.find((entry) => entry.action === "changed");
    expect(JSON.parse(changed?.before ?? "{}")).toMatchObject({ heading: "Före" });
    expect(trail.every((entry) => entry.actorId === secretary.id)).toBe(true);
  });
});
