import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderRetention } from "../../src/scheduler/reminder-retention.js";
import { createReminderTick, type TickReport } from "../../src/scheduler/reminder-tick.js";
import { openDatabase } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// architecture.md §15: sent and skipped reminder rows are deleted some time after they were due, once
// a day across instances, in bounded batches — and a deleted reminder is never sent again.

const DAY = 86_400_000;
/** Wednesday 2 September 2026, 12:00 in Stockholm: no reminder moment in a tick's first window. */
const NOW = new Date("2026-09-02T10:00:00Z");

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);

/** A council to hang rows on (the reminders' council is a foreign key). */
async function councilId(): Promise<string> {
  const app = wireApp(temp.store, { now: NOW.toISOString() });
  await new ChatSession(temp.store, app.clock).say("Sara", "råd Reglab");
  const council = await temp.database.prisma.council.findFirstOrThrow();
  return council.id;
}

/** Outbox rows as the tick leaves them, `key` naming each. */
async function seed(
  council: string,
  rows: Array<{ key: string; status: string; dueAt: Date; platform?: string; claimedAt?: Date }>,
): Promise<void> {
  for (const { key, status, dueAt, platform = "local", claimedAt } of rows) {
    await temp.database.prisma.reminder.create({
      data: {
        key,
        councilId: council,
        kind: "due",
        recipient: "person:p1",
        platform,
        subjectId: "a1",
        status,
        dueAt,
        nextAttemptAt: dueAt,
        payload: "{}",
        ...(claimedAt ? { claimedBy: "another-instance", claimedAt } : {}),
      },
    });
  }
}

async function keys(): Promise<string[]> {
  const rows = await temp.database.prisma.reminder.findMany({ orderBy: { key: "asc" } });
  return rows.map((row) => row.key);
}

async function statuses(): Promise<Record<string, string>> {
  const rows = await temp.database.prisma.reminder.findMany();
  return Object.fromEntries(rows.map((row) => [row.key, row.status]));
}

function old(status: string, count: number, fromDaysAgo: number) {
  return Array.from({ length: count }, (_, index) => ({
    key: `${status}-${String(index).padStart(2, "0")}`,
    status,
    // Oldest first by index.
    dueAt: daysBefore(fromDaysAgo - index / 24),
  }));
}

describe("reminder retention", () => {
  it("deletes sent, skipped and failed rows due more than the set days ago, and keeps every other row", async () => {
    const council = await councilId();
    await seed(council, [
      { key: "sent-old", status: "sent", dueAt: daysBefore(100) },
      { key: "skipped-old", status: "skipped", dueAt: daysBefore(90.01) },
      { key: "sent-recent", status: "sent", dueAt: daysBefore(89.99) },
      { key: "skipped-recent", status: "skipped", dueAt: daysBefore(1) },
      // For a surface this instance does not run, so that its tick leaves them as they are (a
      // pending row more than a week old would be given up as not delivered in time).
      { key: "pending-waiting", status: "pending", dueAt: daysBefore(3), platform: "teams" },
      // Claimed a minute ago by an instance still sending it, however long ago it was due.
      {
        key: "claimed-old",
        status: "pending",
        dueAt: daysBefore(200),
        platform: "teams",
        claimedAt: new Date(NOW.getTime() - 60_000),
      },
      { key: "failed-old", status: "failed", dueAt: daysBefore(200) },
      { key: "failed-recent", status: "failed", dueAt: daysBefore(30) },
    ]);
    // Through the tick, as main.ts wires it: its report counts what went.
    const app = wireApp(temp.store, { now: NOW.toISOString() });
    const tick = createReminderTick({
      deps: app.deps,
      notifier: new RecordingNotifier(),
      platforms: ["local"],
      logger: app.logger,
      retention: { days: 90 },
    });
    const report: TickReport = await tick(NOW);
    expect(report).toMatchObject({ planned: 0, sent: 0, deleted: 3 });
    expect(await statuses()).toEqual({
      "claimed-old": "pending",
      "failed-recent": "failed",
      "pending-waiting": "pending",
      "sent-recent": "sent",
      "skipped-recent": "skipped",
    });
  });

  it("deletes in bounded batches, oldest first, and goes on at the next tick until done", async () => {
    const council = await councilId();
    await seed(council, [...old("sent", 10, 120), ...old("skipped", 4, 120)]);
    const retain = createReminderRetention(temp.store.reminders, {
      days: 90,
      batchSize: 3,
      maxBatches: 2,
    });
    expect(await retain(NOW)).toBe(6);
    // The six oldest sent rows went first.
    expect((await keys()).filter((key) => key.startsWith("sent"))).toEqual([
      "sent-06",
      "sent-07",
      "sent-08",
      "sent-09",
    ]);
    // A full batch may have more behind it; a short one ends its status.
    expect(await retain(new Date(NOW.getTime() + 60_000))).toBe(4);
    expect(await retain(new Date(NOW.getTime() + 120_000))).toBe(4);
    expect(await keys()).toEqual([]);
    // Done for the day: new old rows wait for tomorrow's run.
    await seed(council, old("sent", 2, 120));
    expect(await retain(new Date(NOW.getTime() + 240_000))).toBe(0);
    expect(await keys()).toHaveLength(2);
  });

  it("runs once a day, also with two instances, and on the next day again", async () => {
    const council = await councilId();
    await seed(council, old("sent", 5, 120));
    const other = await openDatabase(temp.url);
    try {
      const here = createReminderRetention(temp.store.reminders, { days: 90 });
      const there = createReminderRetention(createStore(other).reminders, { days: 90 });
      // Two instances tick at the same moment: one of them deletes.
      const together = await Promise.all([here(NOW), there(NOW)]);
      expect(together.sort()).toEqual([0, 5]);
      const cursor = await temp.database.prisma.reminderCursor.findUniqueOrThrow({
        where: { id: "retention" },
      });
      expect(cursor.plannedThrough).toEqual(NOW);

      await seed(council, old("skipped", 3, 120));
      // Later the same day, on either instance (or after a restart): nothing.
      expect(await there(new Date(NOW.getTime() + 60_000))).toBe(0);
      expect(await here(new Date(NOW.getTime() + DAY - 60_000))).toBe(0);
      expect(await keys()).toHaveLength(3);
      // A day after the last run began: the next one.
      expect(await there(new Date(NOW.getTime() + DAY))).toBe(3);
      expect(await here(new Date(NOW.getTime() + DAY + 60_000))).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("keeps rows two weeks whatever the setting", async () => {
    const council = await councilId();
    await seed(council, [
      { key: "sent-13d", status: "sent", dueAt: daysBefore(13.9) },
      { key: "sent-15d", status: "sent", dueAt: daysBefore(14.1) },
    ]);
    const retain = createReminderRetention(temp.store.reminders, { days: 1 });
    expect(await retain(NOW)).toBe(1);
    expect(await keys()).toEqual(["sent-13d"]);
  });

  it("never sends a reminder again after its row was deleted, also when the council's new hours bring its occasion back", async () => {
    // Five people with actions due Thursday 14 May 2026 (overdue reminders every Friday from
    // the 15th), and the weekly digest on Saturdays at 08:00, weekends included. Ticks at
    // 08:30, 09:00 and 20:30 every day for seven weeks, deleting after a day (the shortest
    // setting): each day's run is at 08:30.
    const app = wireApp(temp.store, { now: "2026-05-13T06:00:00Z" });
    const chat = new ChatSession(temp.store, app.clock);
    await chat.say("Sara", "råd Reglab");
    expect(
      (await chat.say("Sara", "påminnelser kl 8 sammanfattning lördag helger")).text,
    ).toContain("ändrade");
    for (let person = 1; person <= 5; person += 1) {
      await chat.say("Sara", `uppdrag @person${person} Läs förslag ${person} senast 2026-05-14`);
    }
    const notifier = new RecordingNotifier();
    const tick = createReminderTick({
      deps: app.deps,
      notifier,
      platforms: ["local"],
      logger: app.logger,
      instance: "a",
      retention: { days: 1 },
    });
    const sentKeys = new Set<string>();
    let sent = 0;
    let deleted = 0;
    for (let day = 0; day < 49; day += 1) {
      const midnight = Date.parse("2026-05-13T00:00:00Z") + day * DAY;
      // Sunday 17 May, 10:30 (after Saturday's digest went, and a day later was due for
      // deleting): no reminders at weekends any more. Saturday's 08:00 falls on Monday 08:00
      // — in a later window, under the key of the digest that was sent.
      if (day === 4) {
        app.clock.set("2026-05-17T08:30:00Z");
        expect((await chat.say("Sara", "påminnelser vardagar")).text).toContain("ändrade");
      }
      for (const hour of [6.5, 7, 18.5]) {
        const report = await tick(new Date(midnight + hour * 3_600_000));
        sent += report.sent;
        deleted += report.deleted;
        const rows = await temp.database.prisma.reminder.findMany({ where: { status: "sent" } });
        for (const row of rows) sentKeys.add(row.key);
      }
    }
    expect(deleted).toBeGreaterThan(0);
    expect(sentKeys.size).toBeGreaterThan(20);
    // Every reminder marked sent was a key sent for the first time.
    expect(sent).toBe(sentKeys.size);
    expect(notifier.delivered.length).toBeLessThanOrEqual(sent);
    // What is left is two weeks old at most (the last run began on the morning of day 48).
    const oldest = await temp.database.prisma.reminder.findFirst({
      where: { status: { in: ["sent", "skipped"] } },
      orderBy: { dueAt: "asc" },
    });
    const lastRun = Date.parse("2026-05-13T06:30:00Z") + 48 * DAY;
    expect(oldest?.dueAt.getTime()).toBeGreaterThanOrEqual(lastRun - 14 * DAY);
  });
});
