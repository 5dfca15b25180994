import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatSession } from "../support/chat-session.js";
import { FixedClock } from "../support/console-harness.js";
import { onPostgres, openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// A PostgreSQL connection lost while running (a server restart, a failover, a killed backend):
// the command that meets it may fail — the surfaces answer it politely — and the next one works
// on a new connection, in the same process.

describe.runIf(onPostgres)("a lost PostgreSQL connection", () => {
  let db: TempDatabase;
  let chat: ChatSession;

  beforeEach(async () => {
    db = await openTempDatabase();
    chat = new ChatSession(db.store, new FixedClock("2026-12-03T08:00:00Z"));
    await chat.say("Eva", "råd Rådet");
    await chat.say("Eva", "möte idag kl 13");
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it("fails at most the command that meets it, and the next one works", async () => {
    const admin = new pg.Client({ connectionString: process.env.NOTERAT_TEST_PG_URL });
    await admin.connect();
    try {
      const name = new URL(db.url).pathname.slice(1);
      const { rows } = await admin.query<{ killed: boolean }>(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await chat.say("Eva", "noterat Efter avbrottet: Första försöket.").catch(() => undefined);
    const after = await chat.say("Eva", "beslut Efter avbrottet: Andra försöket.");
    expect(after.text).toMatch(/^Beslut § 1 \(#\d+\): Efter avbrottet/);
    expect(await db.database.prisma.item.count({ where: { kind: "decision" } })).toBe(1);
  });
});
