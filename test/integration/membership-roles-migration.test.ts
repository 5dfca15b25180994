import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { sqliteDatabaseThrough } from "../support/database-before.js";

// A database from before protocol mode, when a person held one role per council: the protocol
// migration keys memberships by role as well. Each person keeps exactly the role they had, can
// then hold a second one, and "Item" keeps its search triggers (the migration only adds columns
// to it: rebuilding the table would have dropped them).

const LAST_BEFORE = "20261206140000_leases_partial_deliveries";

/** Roles as the old schema held them: one per person and council. */
const OLD_ROLES = [
  { councilId: "c1", personId: "eva", role: "secretary" },
  { councilId: "c1", personId: "ordf", role: "chair" },
  { councilId: "c1", personId: "anna", role: "approver" },
  { councilId: "c1", personId: "bo", role: "member" },
  { councilId: "c2", personId: "anna", role: "secretary" },
  { councilId: "c2", personId: "eva", role: "member" },
];

/** Two councils, four people with one role each per council, one item, all before the change. */
function oldDatabase(path: string): void {
  const db = sqliteDatabaseThrough(path, LAST_BEFORE);
  const at = "2026-11-05T12:00:00.000Z";
  const memberships = OLD_ROLES.map(
    ({ councilId, personId, role }, index) =>
      `('${councilId}', '${personId}', '${role}', '2026-11-0${index + 1}T08:00:00.000Z')`,
  ).join(", ");
  db.exec(`
    INSERT INTO "Council" ("id", "name", "nextRef") VALUES ('c1', 'Reglab', 2), ('c2', 'Norr', 1);
    INSERT INTO "ChannelBinding" ("id", "councilId", "platform", "workspaceId", "channelId")
      VALUES ('b1', 'c1', 'local', 'local', 'reglab'), ('b2', 'c2', 'local', 'local', 'norr');
    INSERT INTO "Person" ("id", "platform", "workspaceId", "externalId", "displayName")
      VALUES ('eva', 'local', 'local', 'eva', 'Eva'), ('ordf', 'local', 'local', 'ordf', 'Ordf'),
        ('anna', 'local', 'local', 'anna', 'Anna'), ('bo', 'local', 'local', 'bo', 'Bo');
    INSERT INTO "Membership" ("councilId", "personId", "role", "createdAt") VALUES ${memberships};
    INSERT INTO "Meeting" ("id", "councilId", "startsAt", "hasTime", "minutesStatus", "updatedAt")
      VALUES ('m1', 'c1', '2026-11-05T12:00:00.000Z', 1, 'draft', '${at}');
    INSERT INTO "Item" ("id", "councilId", "meetingId", "ref", "kind", "heading", "text",
        "position", "authorId", "updatedAt")
      VALUES ('i1', 'c1', 'm1', 1, 'info', 'Kompetens', 'Rådet informerades om valideringen.', 1,
        'eva', '${at}');
  `);
  db.close();
}

describe("memberships keyed by role, on a database from before protocol mode", () => {
  let directory: string;
  let database: Database;
  let clock: FixedClock;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "noterat-roles-"));
    const path = join(directory, "noterat.db");
    oldDatabase(path);
    database = await openDatabase(`file:${path}`);
    // Thursday 3 December 2026, 09:00 in Stockholm.
    clock = new FixedClock("2026-12-03T08:00:00Z");
  });
  afterEach(async () => {
    await database.close();
    rmSync(directory, { recursive: true });
  });

  const chatIn = (channel: string) => new ChatSession(createStore(database), clock, channel);
  const rolesOf = (councilId: string, personId: string) =>
    database.prisma.membership
      .findMany({ where: { councilId, personId }, orderBy: { role: "asc" } })
      .then((rows) => rows.map((row) => row.role));

  it("keeps each person's one role, in each council, and the councils in notes mode", async () => {
    const rows = await database.prisma.membership.findMany({
      orderBy: [{ councilId: "asc" }, { createdAt: "asc" }],
    });
    expect(rows.map(({ councilId, personId, role }) => ({ councilId, personId, role }))).toEqual(
      OLD_ROLES,
    );
    expect(rows.map((row) => row.position)).toEqual(OLD_ROLES.map(() => 0));
    expect(rows[0]?.createdAt).toEqual(new Date("2026-11-01T08:00:00.000Z"));
    expect(await database.prisma.council.findMany({ orderBy: { id: "asc" } })).toMatchObject([
      { id: "c1", mode: "notes", noticeEnabled: false },
      { id: "c2", mode: "notes", noticeEnabled: false },
    ]);
    expect((await chatIn("reglab").say("Bo", "medlemmar")).text).toBe(
      [
        "Registret för Reglab",
        "  Ordf – ordförande",
        "  Eva – sekreterare",
        "  Anna – justerare",
        "  Bo – ledamot",
      ].join("\n"),
    );
    // The old roles still grant what they did: Eva writes in Reglab, not in Norr.
    const norr = chatIn("norr");
    expect((await norr.say("Eva", "möte idag kl 13")).text).toMatch(/^Det får bara .*sekreterare/);
    expect((await norr.say("Anna", "möte idag kl 13")).text).toContain("Möte planerat");
  });

  it("gives a person a second role beside the one they had", async () => {
    const reglab = chatIn("reglab");
    await reglab.say("Eva", "läge protokoll");
    expect((await reglab.say("Eva", "ledamot @Ordf @Anna @Bo")).text).toBe(
      "I registret som ledamot: Ordf, Anna och Bo.",
    );
    expect(await rolesOf("c1", "ordf")).toEqual(["chair", "member"]);
    expect(await rolesOf("c1", "anna")).toEqual(["approver", "member"]);
    expect(await rolesOf("c1", "bo")).toEqual(["member"]);
    expect(await rolesOf("c2", "anna")).toEqual(["secretary"]);
    expect((await reglab.say("Bo", "medlemmar")).text).toBe(
      [
        "Registret för Reglab",
        "  Ordf – ordförande och ledamot",
        "  Eva – sekreterare",
        "  Anna – justerare och ledamot",
        "  Bo – ledamot",
      ].join("\n"),
    );
  });

  it("still finds items in search, those from before and those inserted after the migration", async () => {
    const triggers = await database.prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Item' ORDER BY name`,
    );
    expect(triggers.map((trigger) => trigger.name)).toEqual([
      "Item_search_delete",
      "Item_search_insert",
      "Item_search_update",
    ]);
    const reglab = chatIn("reglab");
    await reglab.say("Eva", "möte idag kl 13");
    expect(
      (
        await reglab.say(
          "Eva",
          "noterat Validering: Rådet diskuterade valideringen av yrkeskunnande.",
        )
      ).text,
    ).toContain("#2");
    const found = (await reglab.say("Bo", "sök valideringen")).text;
    expect(found).toContain("Träffar för ”valideringen” (2)");
    expect(found).toContain("#1 5 november · Kompetens: Rådet informerades om valideringen.");
    expect(found).toContain("#2 3 december · Validering: Rådet diskuterade valideringen");
    // Changed after the migration: the index follows.
    await reglab.say("Eva", "ändra 2 Validering: Rådet diskuterade lärlingsplatser.");
    expect((await reglab.say("Bo", "sök lärlingsplatser")).text).toContain(
      "#2 3 december · Validering: Rådet diskuterade lärlingsplatser.",
    );
    expect((await reglab.say("Bo", "sök yrkeskunnande")).text).toBe(
      "Inga träffar för ”yrkeskunnande”.",
    );
  });
});
