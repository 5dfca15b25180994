import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { sqliteInstant } from "../../src/store/sqlite-prepared-statements.js";
import { createStore } from "../../src/store/store.js";
import { sqliteDatabaseThrough } from "../support/database-before.js";

// A database from when a claim was a status of its own ("claimed"): the migration makes each
// claim a lease on a pending row. A row being sent stays claimed by its instance until its
// lease runs out; a pending row's leftover claim (from before a retry) no longer holds it back.

const LAST_BEFORE = "20261207150000_reminder_council_index";
const CLAIMED_AT = new Date("2026-11-05T08:00:00.000Z");
const LEASE_MS = 5 * 60_000;

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "noterat-leases-"));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function oldDatabase(path: string): void {
  const db = sqliteDatabaseThrough(path, LAST_BEFORE);
  // Instants as Prisma wrote them on SQLite.
  const claimedAt = sqliteInstant(CLAIMED_AT);
  const row = (key: string, status: string, claim: string) =>
    `('${key}', '${key}', 'c1', 'due', 'person:p1', 'local', 'a1', '${status}',
      '${claimedAt}', '${claimedAt}', 1, ${claim}, '{}')`;
  db.exec(`
    INSERT INTO "Council" ("id", "name", "nextRef") VALUES ('c1', 'Reglab', 1);
    INSERT INTO "Reminder" ("id", "key", "councilId", "kind", "recipient", "platform",
        "subjectId", "status", "dueAt", "nextAttemptAt", "attempts", "claimedBy", "claimedAt",
        "payload")
      VALUES ${row("being-sent", "claimed", `'a', '${claimedAt}'`)},
        ${row("to-retry", "pending", `NULL, '${claimedAt}'`)},
        ${row("sent", "sent", `'a', '${claimedAt}'`)};
  `);
  db.close();
}

it("turns claimed rows into pending rows under the same lease, and clears pending rows' old claims", async () => {
  const path = join(directory, "noterat.db");
  oldDatabase(path);
  const database = await openDatabase(`file:${path}`);
  try {
    const rows = await database.prisma.reminder.findMany({ orderBy: { key: "asc" } });
    expect(
      rows.map(({ key, status, claimedBy, claimedAt }) => ({ key, status, claimedBy, claimedAt })),
    ).toEqual([
      { key: "being-sent", status: "pending", claimedBy: "a", claimedAt: CLAIMED_AT },
      { key: "sent", status: "sent", claimedBy: "a", claimedAt: CLAIMED_AT },
      { key: "to-retry", status: "pending", claimedBy: null, claimedAt: null },
    ]);
    // Within the lease only the row to retry is due; after it, the row being sent as well.
    const reminders = createStore(database).reminders;
    const claiming = { platforms: ["local" as const], leaseMs: LEASE_MS };
    const idOf = (key: string) => rows.find((row) => row.key === key)?.id;
    const inLease = new Date(CLAIMED_AT.getTime() + 60_000);
    expect(await reminders.dueByRecipient(inLease, claiming)).toEqual([[idOf("to-retry")]]);
    const after = new Date(CLAIMED_AT.getTime() + LEASE_MS);
    expect((await reminders.dueByRecipient(after, claiming)).flat().sort()).toEqual(
      [idOf("being-sent"), idOf("to-retry")].sort(),
    );
  } finally {
    await database.close();
  }
});
