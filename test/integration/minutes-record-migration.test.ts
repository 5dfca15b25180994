import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freezeMinutes, sha256Hex, thawMinutes } from "../../src/domain/minutes/snapshot.js";
import { backfillMinutesSnapshots } from "../../src/handlers/backfill-snapshots.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { sqliteDatabaseThrough } from "../support/database-before.js";

// A database from before approvals froze a snapshot: the migration adds the record's tables,
// and the first start gives minutes already approved or published their snapshot, once.

/** The last migration before the record's. */
const LAST_BEFORE = "20261123160000_item_search_by_council";

/** The schema and rows a Noterat from before this change left: one published, one approved meeting. */
function oldDatabase(path: string): void {
  const db = sqliteDatabaseThrough(path, LAST_BEFORE);
  const at = "2026-11-05T12:00:00.000Z";
  db.exec(`
    INSERT INTO "Council" ("id", "name", "nextRef") VALUES ('c1', 'Reglab', 5);
    INSERT INTO "ChannelBinding" ("id", "councilId", "platform", "workspaceId", "channelId")
      VALUES ('b1', 'c1', 'local', 'local', 'reglab');
    INSERT INTO "Person" ("id", "platform", "workspaceId", "externalId", "displayName")
      VALUES ('eva', 'local', 'local', 'eva', 'Eva'), ('ordf', 'local', 'local', 'ordf', 'Ordf'),
        ('anna', 'local', 'local', 'anna', 'Anna');
    INSERT INTO "Membership" ("councilId", "personId", "role")
      VALUES ('c1', 'eva', 'secretary'), ('c1', 'ordf', 'chair');
    INSERT INTO "Meeting" ("id", "councilId", "startsAt", "hasTime", "minutesStatus",
        "approvedAt", "approvedById", "publishedAt", "publishedById", "updatedAt")
      VALUES ('m1', 'c1', '2026-11-05T12:00:00.000Z', 1, 'published',
        '2026-11-05T15:00:00.000Z', 'ordf', '2026-11-06T08:00:00.000Z', 'eva', '${at}'),
      ('m2', 'c1', '2026-11-19T12:00:00.000Z', 1, 'approved',
        '2026-11-19T15:00:00.000Z', 'ordf', NULL, NULL, '${at}');
    INSERT INTO "Item" ("id", "councilId", "meetingId", "ref", "kind", "heading", "text",
        "position", "paragraph", "paragraphYear", "authorId", "updatedAt")
      VALUES ('i1', 'c1', 'm1', 1, 'decision', 'Lokal', 'Rådet hyr Stadshuset.', 1, 1, 2026,
        'eva', '${at}'),
      ('i2', 'c1', 'm2', 3, 'info', 'Budget', 'Rådet informerades.', 1, NULL, NULL, 'eva', '${at}');
    INSERT INTO "Action" ("id", "councilId", "meetingId", "itemId", "ref", "text", "dueAt",
        "status", "createdById", "updatedAt")
      VALUES ('a1', 'c1', 'm1', 'i1', 2, 'Skicka avtalet', '2026-11-19T23:00:00.000Z', 'done',
        'eva', '${at}');
    INSERT INTO "ActionAssignee" ("actionId", "personId") VALUES ('a1', 'anna');
  `);
  db.close();
}

describe("the minutes record on a database from before it", () => {
  const directories: string[] = [];
  const databases: Database[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.close();
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true });
  });

  it("migrates, gives approved and published minutes their snapshot once, and publishes that", async () => {
    const directory = mkdtempSync(join(tmpdir(), "noterat-old-"));
    directories.push(directory);
    const path = join(directory, "noterat.db");
    oldDatabase(path);
    const database = await openDatabase(`file:${path}`);
    databases.push(database);
    const { prisma } = database;
    const store = createStore(database);
    expect(await prisma.action.findUniqueOrThrow({ where: { id: "a1" } })).toMatchObject({
      decidedDueAt: new Date("2026-11-19T23:00:00.000Z"),
    });

    expect(await backfillMinutesSnapshots(store)).toBe(2);
    expect(await backfillMinutesSnapshots(store)).toBe(0);

    const published = await prisma.meeting.findUniqueOrThrow({ where: { id: "m1" } });
    expect(published.publishedSnapshotId).toBe(published.approvedSnapshotId);
    const snapshot = await prisma.minutesSnapshot.findUniqueOrThrow({
      where: { id: published.approvedSnapshotId ?? "" },
    });
    expect(await sha256Hex(snapshot.document)).toBe(snapshot.sha256);
    const document = thawMinutes(snapshot.document);
    expect(document.title).toBe("Noterat från Reglab 5 november");
    expect(document.sections[0]?.actions).toEqual([
      { ref: 2, line: "Anna: Skicka avtalet (senast 20 november)" },
    ]);
    expect(await prisma.minutesApproval.findMany({ where: { meetingId: "m1" } })).toMatchObject([
      { personId: "ordf", sha256: snapshot.sha256, at: new Date("2026-11-05T15:00:00.000Z") },
    ]);
    const approved = await prisma.meeting.findUniqueOrThrow({ where: { id: "m2" } });
    expect(approved).toMatchObject({ minutesStatus: "approved", publishedSnapshotId: null });
    expect(approved.approvedSnapshotId).not.toBeNull();

    // Publishing again posts the snapshot with its first stamp: nothing already out changes.
    const chat = new ChatSession(store, new FixedClock("2026-12-01T09:00:00Z"), "reglab");
    await chat.say("Eva", "publicera 5 november");
    const [publication] = chat.publications;
    expect(publication?.document).toEqual({
      ...document,
      stamp: "2026-11-06 09:00",
      stampIso: "2026-11-06T08:00:00.000Z",
      checksum: { label: "Kontrollsumma (SHA-256)", sha256: snapshot.sha256 },
    });
    expect((await freezeMinutes(publication?.document ?? document)).sha256).toBe(snapshot.sha256);
    expect(await chat.say("Anna", "verifiera 5 november")).toMatchObject({
      text: expect.stringContaining("stämmer med det som justerades"),
    });
  });

  it("makes a meeting's snapshot at once when a command needs it before the start-up sweep", async () => {
    const directory = mkdtempSync(join(tmpdir(), "noterat-old-"));
    directories.push(directory);
    const path = join(directory, "noterat.db");
    oldDatabase(path);
    const database = await openDatabase(`file:${path}`);
    databases.push(database);
    const store = createStore(database);
    const chat = new ChatSession(store, new FixedClock("2026-12-01T09:00:00Z"), "reglab");
    expect((await chat.say("Anna", "verifiera 5 november")).text).toContain(
      "stämmer med det som justerades",
    );
    expect((await chat.say("Eva", "protokoll 19 november")).text).toContain(
      "Så här justerades anteckningarna",
    );
    expect(await database.prisma.minutesSnapshot.count()).toBe(2);
    // The sweep finds nothing left, and nothing was recorded twice.
    expect(await backfillMinutesSnapshots(store)).toBe(0);
    expect(await database.prisma.minutesApproval.count()).toBe(2);
  });
});
