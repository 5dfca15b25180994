import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { type CopyReport, copyDatabase } from "../../src/store/copy-database.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { createTempDatabaseUrl, onPostgres, tableCounts } from "../support/temp-database.js";

// Moving a SQLite installation to PostgreSQL (`npm run db:copy`, issue 12 point 8): a council
// with real content copied, every table counted on both sides, the record byte for byte, and
// the copy working on as the original would (numbers, §, search). The target is PostgreSQL, so
// this runs only in the PostgreSQL suite (NOTERAT_TEST_DATABASE=postgresql, `npm run test:pg`).

/** Monday 2 March 2026, 09:00 in Stockholm. */
const MONDAY = "2026-03-02T08:00:00Z";

let directory: string;
let sourceUrl: string;
let targets: Array<{ remove(): Promise<void> }>;
let source: Database;
let target: Database;
let report: CopyReport;

/** Reglab on SQLite: a meeting approved and published, decisions, actions, reminders. */
async function buildSource(url: string): Promise<void> {
  const database = await openDatabase(url);
  try {
    const store = createStore(database);
    const app = wireApp(store, { now: MONDAY });
    const chat = new ChatSession(store, app.clock, "reglab");
    const say = async (user: string, text: string) => (await chat.say(user, text)).text;
    await say("Eva", "råd Reglab");
    await say("Eva", "roll @Ordf ordförande");
    await say("Eva", "möte idag kl 10 Sundsvall");
    await say("Eva", "noterat Validering: Rådet informerades om valideringen av modellen.");
    expect(await say("Eva", "beslut Budget: Rådet fastställde budgeten.")).toContain("§ 1");
    expect(await say("Eva", "beslut Remiss: Rådet svarar på remissen.")).toContain("§ 2");
    await say("Eva", "uppdrag @Anna @Bo Skriv remissvaret senast 20 mars");
    await say("Eva", "handlingar rvn.se/handlingar");
    await say("Ordf", "justera");
    expect(await say("Eva", "publicera")).toContain("publicerad");
    await say("Eva", "möte 2026-03-09 kl 10");
    await say("Eva", "punkt Uppföljning av remissen");
    // Ticks around 09:00 plan the week-ahead meeting reminder and the Monday digest (and move
    // the cursor), and send them.
    const tick = createReminderTick({
      deps: app.deps,
      notifier: new RecordingNotifier(),
      platforms: ["local"],
      logger: app.logger,
      instance: "a",
    });
    await tick(new Date("2026-03-02T07:55:00Z"));
    await tick(new Date("2026-03-02T08:05:00Z"));
  } finally {
    await database.close();
  }
}

describe.skipIf(!onPostgres)("db:copy from SQLite to PostgreSQL (PostgreSQL suite only)", () => {
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "noterat-copy-"));
    sourceUrl = `file:${join(directory, "noterat.db")}`;
    await buildSource(sourceUrl);
    const created = await createTempDatabaseUrl();
    targets = [created];
    report = await copyDatabase(sourceUrl, created.url);
    source = await openDatabase(sourceUrl);
    target = await openDatabase(created.url);
  }, 60_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
    for (const created of targets ?? []) await created.remove();
    rmSync(directory, { recursive: true, force: true });
  });

  it("copies every table, the search index included, and counts them alike", async () => {
    expect(report.complete).toBe(true);
    const counts = Object.fromEntries(report.counts.map((count) => [count.table, count]));
    for (const count of report.counts) expect(count.target, count.table).toBe(count.source);
    for (const table of ["Council", "Item", "Action", "ActionAssignee", "AuditEntry"]) {
      expect(counts[table]?.source, table).toBeGreaterThan(0);
    }
    expect(counts.MinutesSnapshot?.source).toBe(1);
    expect(counts.MinutesApproval?.source).toBe(1);
    expect(counts.Reminder?.source).toBeGreaterThan(0);
    expect(counts.ReminderCursor?.source).toBe(2); // planning and retention
    expect(counts.ItemSearch?.target).toBe(counts.Item?.source);
    // Every table of the PostgreSQL database is in the report, with the counts it reports.
    const { _prisma_migrations: migrations, ...onTarget } = await tableCounts(target);
    expect(migrations).toBeGreaterThan(0);
    expect(onTarget).toEqual(
      Object.fromEntries(report.counts.map((count) => [count.table, count.target])),
    );
  });

  it("keeps every row as it was: the snapshot, the §, the assignees, the reminders", async () => {
    const rowsOf = async (database: Database) => {
      const { prisma } = database;
      return {
        councils: await prisma.council.findMany({ orderBy: { id: "asc" } }),
        meetings: await prisma.meeting.findMany({ orderBy: { id: "asc" } }),
        items: await prisma.item.findMany({ orderBy: { id: "asc" } }),
        actions: await prisma.action.findMany({
          orderBy: { id: "asc" },
          include: { assignees: { orderBy: { personId: "asc" } } },
        }),
        snapshots: await prisma.minutesSnapshot.findMany({ orderBy: { id: "asc" } }),
        approvals: await prisma.minutesApproval.findMany({ orderBy: { id: "asc" } }),
        reminders: await prisma.reminder.findMany({ orderBy: { id: "asc" } }),
        cursor: await prisma.reminderCursor.findMany(),
        audit: await prisma.auditEntry.findMany({ orderBy: { id: "asc" } }),
      };
    };
    const before = await rowsOf(source);
    const after = await rowsOf(target);
    expect(after).toEqual(before);
    const [snapshot] = after.snapshots;
    expect(snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(after.items.map((item) => item.paragraph).sort()).toEqual([1, 2, null, null]);
    expect(after.actions[0]?.assignees).toHaveLength(2);
    expect(after.reminders.filter((reminder) => reminder.status === "sent")).not.toHaveLength(0);
    expect(after.meetings.find((meeting) => meeting.minutesStatus === "published")).toBeDefined();
  });

  it("goes on numbering and searching on PostgreSQL where SQLite left off", async () => {
    const store = createStore(target);
    const chat = new ChatSession(store, wireApp(store, { now: MONDAY }).clock, "reglab");
    const council = await target.prisma.council.findFirstOrThrow();
    // The publication above reopens nothing; a later decision on the day's meeting gets § 3.
    const decided = (await chat.say("Eva", "beslut Lokaler: Rådet hyr lokalen.")).text;
    expect(decided).toContain(`#${council.nextRef}`);
    expect(decided).toContain("§ 3");
    const found = (await chat.say("Anna", "sök validering")).text;
    expect(found).toContain("Validering");
    expect(found).not.toContain("Budget");
  });

  it("runs as `npm run db:copy`, masks the password and refuses a database that holds data", async () => {
    const created = await createTempDatabaseUrl();
    targets.push(created);
    const withPassword = new URL(created.url);
    withPassword.password = "hemligt-lösen";
    const first = await runCli(["--from", sourceUrl, "--to", withPassword.toString()]);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain("Every table's count matches");
    expect(first.output).toMatch(/^ItemSearch\s+\d+\s+\d+$/m);
    expect(first.output).toContain(":***@");
    const again = await runCli(["--from", sourceUrl, "--to", withPassword.toString()]);
    expect(again.code).toBe(1);
    expect(again.output).toContain("already holds data (Council 1,");
    for (const run of [first, again]) {
      expect(run.output).not.toContain("hemligt");
      expect(run.output).not.toContain(encodeURIComponent("hemligt-lösen"));
    }
  }, 60_000);
});

/** `npm run db:copy -- ARGS` as a process (tsx as the script runs it); stdout and stderr. */
function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/db-copy.ts", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}
