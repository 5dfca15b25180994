// The statements the store runs as SQL of its own (the hot paths of every command) must give
// what the Prisma queries they replaced gave.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CouncilRecord, Identity, PersonRecord, Place } from "../../src/domain/records.js";
import { isUniqueViolation } from "../../src/store/unique-violation.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

const at = new Date("2026-05-20T10:00:00Z");
const place: Place = { platform: "local", workspaceId: "local", channelId: "reglab" };
const identity = (externalId: string, displayName: string): Identity => ({
  platform: "local",
  workspaceId: "local",
  externalId,
  displayName,
});

describe("store statements of its own", () => {
  let db: TempDatabase;
  let eva: PersonRecord;
  let council: CouncilRecord;

  beforeEach(async () => {
    db = await openTempDatabase();
    eva = await db.store.people.ensure(identity("eva", "Eva"));
    council = await db.store.councils.create({
      name: "Reglab",
      place,
      creatorId: eva.id,
      locale: "en",
      timeZone: "Europe/Stockholm",
      at,
    });
  });

  afterEach(async () => {
    await db.cleanup();
  });

  describe("actingIn", () => {
    it("finds the council, the person and their role in one go", async () => {
      expect(await db.store.people.actingIn(identity("eva", "Eva"), place)).toEqual({
        council,
        person: eva,
        roles: ["secretary"],
        pendingUntil: null,
      });
    });

    it("says until when a question of the person's waits for `ja`", async () => {
      const expiresAt = new Date(at.getTime() + 600_000);
      await db.store.confirmations.ask(
        council.id,
        eva.id,
        { kind: "forget", payload: "{}", expiresAt },
        at,
      );
      const acting = await db.store.people.actingIn(identity("eva", "Eva"), place);
      expect(acting.pendingUntil).toEqual(expiresAt);
      expect(acting.roles).toEqual(["secretary"]);
    });

    it("gives every role of a person who holds several", async () => {
      await db.store.people.register(council.id, [eva.id], "member", eva.id, at);
      const acting = await db.store.people.actingIn(identity("eva", "Eva"), place);
      expect([...acting.roles].sort()).toEqual(["member", "secretary"]);
    });

    it("knows a stored person without a role, and nobody where nothing is stored", async () => {
      const olle = await db.store.people.ensure(identity("olle", "Olle"));
      const elsewhere = { ...place, channelId: "annan" };
      expect(await db.store.people.actingIn(identity("olle", "Olle"), place)).toEqual({
        council,
        person: olle,
        roles: [],
        pendingUntil: null,
      });
      expect(await db.store.people.actingIn(identity("eva", "Eva"), elsewhere)).toEqual({
        council: null,
        person: eva,
        roles: [],
        pendingUntil: null,
      });
      expect(await db.store.people.actingIn(identity("ny", "Ny"), place)).toEqual({
        council,
        person: null,
        roles: [],
        pendingUntil: null,
      });
    });

    it("keeps a changed display name, as find does", async () => {
      const renamed = await db.store.people.actingIn(identity("eva", "Eva Berg"), place);
      expect(renamed.person).toEqual({ ...eva, displayName: "Eva Berg" });
      expect(await db.store.people.find(identity("eva", "Eva Berg"))).toEqual(renamed.person);
    });

    it("never puts back a name read from the store: one stored meanwhile stays", async () => {
      // A Slack command read "Eva" from the store; Slack's newer name was stored before the
      // command got here.
      const read = { ...identity("eva", "Eva"), nameFromStore: true };
      await db.store.people.rename(read, "Eva Berg");
      const acting = await db.store.people.actingIn(read, place);
      expect(acting.person).toEqual({ ...eva, displayName: "Eva Berg" });
      expect(await db.store.people.find(read)).toEqual({ ...eva, displayName: "Eva Berg" });
      expect(await db.store.people.storedName(read)).toBe("Eva Berg");
    });
  });

  it("records items that Prisma reads back as they were returned, with ids shaped like its own", async () => {
    const meeting = await db.store.meetings.create({
      councilId: council.id,
      startsAt: at,
      hasTime: true,
      place: null,
      actorId: eva.id,
      at,
    });
    const record = (kind: "info" | "decision", paragraphYear: number) =>
      db.store.items.record({
        councilId: council.id,
        meetingId: meeting.id,
        kind,
        heading: "Rubrik",
        text: "Text",
        authorId: eva.id,
        paragraphYear,
        sourceUrl: "https://example.slack.com/archives/C1/p1",
        at,
      });
    const recorded = [
      await record("info", 2026),
      await record("decision", 2026),
      await record("decision", 2027),
    ];
    const items = recorded.map((result) => result.item);
    expect(items.map((item) => [item.ref, item.position, item.paragraph])).toEqual([
      [1, 1, null],
      [2, 2, 1],
      [3, 3, 1],
    ]);
    for (const item of items) {
      expect(await db.store.items.byRef(council.id, item.ref)).toEqual(item);
      expect(item.id).toMatch(/^c[0-9a-z]{24}$/);
    }
    const row = await db.database.prisma.item.findUniqueOrThrow({
      where: { id: items[2]?.id ?? "" },
    });
    expect(row).toMatchObject({
      paragraphYear: 2027,
      sourceUrl: "https://example.slack.com/archives/C1/p1",
    });
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it("finds meetings as Prisma reads them: between two instants, the next, the latest with given minutes", async () => {
    const meeting = (iso: string, hasTime: boolean) =>
      db.store.meetings.create({
        councilId: council.id,
        startsAt: new Date(iso),
        hasTime,
        place: hasTime ? "Sundsvall" : null,
        actorId: eva.id,
        at,
      });
    const past = await meeting("2026-05-06T11:00:00Z", true);
    const today = await meeting("2026-05-20T11:00:00Z", false);
    const next = await meeting("2026-06-03T11:00:00Z", true);
    const cancelled = await meeting("2026-05-27T11:00:00Z", true);
    await db.store.meetings.change(
      cancelled,
      { status: "cancelled" },
      { action: "cancelled", actorId: eva.id, at },
    );
    await db.store.meetings.change(
      past,
      { minutesStatus: "published" },
      { action: "published", actorId: eva.id, at },
    );
    const byId = async (id: string) => db.store.meetings.byId(id);

    expect(
      await db.store.meetings.plannedBetween(
        council.id,
        new Date("2026-05-01T00:00:00Z"),
        new Date("2026-07-01T00:00:00Z"),
      ),
    ).toEqual([await byId(past.id), await byId(today.id), await byId(next.id)]);
    expect(await db.store.meetings.next(council.id, at)).toEqual(await byId(today.id));
    expect(await db.store.meetings.next(council.id, new Date("2026-05-21T00:00:00Z"))).toEqual(
      await byId(next.id),
    );
    const unpublished = ["draft", "approved"] as const;
    expect(
      await db.store.meetings.latestBefore(
        council.id,
        new Date("2026-05-21T00:00:00Z"),
        unpublished,
      ),
    ).toEqual(await byId(today.id));
    expect(await db.store.meetings.latestBefore(council.id, at, unpublished)).toBeNull();
    expect(
      await db.store.meetings.latestBefore(council.id, new Date("2026-05-21T00:00:00Z"), [
        "published",
      ]),
    ).toEqual(await byId(past.id));
  });

  it("knows a unique violation from its own SQL as from Prisma's", async () => {
    const doubled = { ...place, channelId: "dubbel" };
    const twice = () =>
      db.database.prisma
        .$executeRaw`INSERT INTO "ChannelBinding" ("id", "councilId", "platform", "workspaceId", "channelId", "createdAt")
        VALUES (${`b-${Math.random()}`}, ${council.id}, ${doubled.platform}, ${doubled.workspaceId}, ${doubled.channelId}, ${at})`;
    await twice();
    const raw = await twice().catch((error: unknown) => error);
    const prisma = await db.store.councils
      .bind(council.id, place, eva.id, at)
      .catch((error: unknown) => error);
    expect([isUniqueViolation(raw), isUniqueViolation(prisma)]).toEqual([true, true]);
  });

  describe("open actions", () => {
    let others: PersonRecord[];

    beforeEach(async () => {
      others = [
        await db.store.people.ensure(identity("orjan", "Örjan")),
        await db.store.people.ensure(identity("anna", "Anna")),
        await db.store.people.ensure(identity("asa", "Åsa")),
      ];
    });

    const make = (text: string, dueAt: Date | null, assigneeIds: string[], itemId?: string) =>
      db.store.actions.create({
        councilId: council.id,
        meetingId: null,
        itemId: itemId ?? null,
        text,
        dueAt,
        assigneeIds,
        createdById: eva.id,
        at,
      });

    it("lists the same records as looking each action up, assignees in Swedish order", async () => {
      const meeting = await db.store.meetings.create({
        councilId: council.id,
        startsAt: at,
        hasTime: true,
        place: null,
        actorId: eva.id,
        at,
      });
      const { item } = await db.store.items.record({
        councilId: council.id,
        meetingId: meeting.id,
        kind: "decision",
        heading: "Beslut",
        text: "Text",
        authorId: eva.id,
        paragraphYear: 2026,
        at,
      });
      await make(
        "alla",
        new Date("2026-06-01T22:00:00Z"),
        [...others, eva].map((p) => p.id),
      );
      await make("ingen", null, []);
      await make("punkt", new Date("2026-05-01T22:00:00Z"), [eva.id], item.id);
      const listed = await db.store.actions.open({ councilIds: [council.id], limit: 10 });
      const lookedUp = await Promise.all(
        listed.map((action) => db.store.actions.byRef(council.id, action.ref)),
      );
      expect(listed).toEqual(lookedUp);
      expect(listed.map((action) => action.text)).toEqual(["punkt", "alla", "ingen"]);
      expect(listed[1]?.assignees.map((person) => person.displayName)).toEqual([
        "Anna",
        "Eva",
        "Åsa",
        "Örjan",
      ]);
      expect(listed[0]?.itemRef).toBe(item.ref);
    });

    it("limits actions, not assignees, and counts every open one", async () => {
      for (let n = 1; n <= 5; n += 1) {
        await make(`uppdrag ${n}`, new Date(Date.UTC(2026, 5, n)), [
          eva.id,
          ...others.map((p) => p.id),
        ]);
      }
      const removed = await make("struket", null, [eva.id]);
      await db.store.actions.remove(removed.action, eva.id, at);
      const listed = await db.store.actions.open({ councilIds: [council.id], limit: 3 });
      expect(listed.map((action) => action.text)).toEqual(["uppdrag 1", "uppdrag 2", "uppdrag 3"]);
      expect(listed.every((action) => action.assignees.length === 4)).toBe(true);
      expect(await db.store.actions.countOpen({ councilIds: [council.id] })).toBe(5);
    });

    it("finds a person's actions in every council, and nothing for no councils", async () => {
      const other = await db.store.councils.create({
        name: "Annat råd",
        place: { ...place, channelId: "annat" },
        creatorId: eva.id,
        locale: "sv",
        timeZone: "Europe/Stockholm",
        at,
      });
      await make("här", null, [eva.id]);
      await db.store.actions.create({
        councilId: other.id,
        meetingId: null,
        itemId: null,
        text: "där",
        dueAt: new Date("2026-06-01T22:00:00Z"),
        assigneeIds: [eva.id],
        createdById: eva.id,
        at,
      });
      await make("inte mitt", null, [others[0]?.id ?? ""]);
      const mine = await db.store.actions.open({ assigneeId: eva.id, limit: 10 });
      expect(mine.map((action) => [action.councilName, action.text])).toEqual([
        ["Annat råd", "där"],
        ["Reglab", "här"],
      ]);
      expect(await db.store.actions.countOpen({ assigneeId: eva.id })).toBe(2);
      expect(await db.store.actions.open({ councilIds: [], limit: 10 })).toEqual([]);
      expect(await db.store.actions.countOpen({ councilIds: [] })).toBe(0);
    });
  });
});
