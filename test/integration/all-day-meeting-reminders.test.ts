import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReminderTick } from "../../src/scheduler/reminder-tick.js";
import { wireApp } from "../support/app-wiring.js";
import { ChatSession } from "../support/chat-session.js";
import { RecordingNotifier } from "../support/recording-notifier.js";
import { openTempDatabase, type TempDatabase } from "../support/temp-database.js";

// An all-day meeting's reminders through the real outbox on a SQLite file (architecture.md §5, §11):
// the tick reads it although its midnight has passed, the day-before reminder that the hours
// move into its morning goes and says "idag", and a retry after its day is skipped.

/** Sunday 14 June 2026, 10:00 in Stockholm (CEST). */
const SUNDAY = "2026-06-14T08:00:00Z";
/** Monday 15 June 08:00: the council's hours open after Sunday 09:00. */
const MONDAY_OPENING = new Date("2026-06-15T06:00:00Z");
const QUARTER = 15 * 60_000;

let temp: TempDatabase;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

/** Reglab with an all-day meeting on Monday 15 June and an open action for Bo. */
async function council(): Promise<ReturnType<typeof wireApp>> {
  const app = wireApp(temp.store, { now: SUNDAY });
  const chat = new ChatSession(temp.store, app.clock);
  await chat.say("Sara", "råd Reglab");
  expect((await chat.say("Sara", "möte 2026-06-15")).text).toContain("måndag 15 juni");
  await chat.say("Sara", "uppdrag @Bo Boka lokal");
  return app;
}

function tickOf(app: ReturnType<typeof wireApp>, notifier: RecordingNotifier) {
  return createReminderTick({
    deps: app.deps,
    notifier,
    platforms: ["local"],
    logger: app.logger,
    instance: "a",
  });
}

async function meetingRows() {
  const rows = await temp.database.prisma.reminder.findMany({ orderBy: { key: "asc" } });
  return rows
    .filter((row) => row.kind === "meeting" || row.kind === "prep")
    .map((row) => [row.kind, row.dueAt.toISOString(), row.status, row.lastError]);
}

const reminders = (notifier: RecordingNotifier, to: string) =>
  notifier.to(to).filter(({ text }) => text.includes("Påminnelse") || text.includes("Inför mötet"));

describe("an all-day meeting's reminders", () => {
  it("go on the meeting's own morning, once, saying today, and nothing after its day", async () => {
    const app = await council();
    const notifier = new RecordingNotifier();
    const tick = tickOf(app, notifier);
    const sentAt: string[] = [];
    // Every 15 minutes from Sunday 10:00 to the end of Tuesday 16 June.
    for (let at = new Date(SUNDAY).getTime(); at <= Date.parse("2026-06-16T22:00:00Z"); ) {
      const before = notifier.delivered.length;
      await tick(new Date(at));
      for (let index = before; index < notifier.delivered.length; index += 1)
        sentAt.push(`${new Date(at).toISOString()} ${notifier.delivered[index]?.to}`);
      at += QUARTER;
    }
    expect(await meetingRows()).toEqual([
      ["meeting", MONDAY_OPENING.toISOString(), "sent", null],
      ["prep", MONDAY_OPENING.toISOString(), "sent", null],
    ]);
    const [channel, ...again] = reminders(notifier, "channel:konsol");
    expect(again).toEqual([]);
    expect(channel?.text).toContain("Påminnelse: Reglab har möte idag, måndag 15 juni.");
    expect(reminders(notifier, "person:bo")).toHaveLength(1);
    // Monday 08:00: the reminders; 09:00: the weekly digest. Nothing on Sunday or Tuesday.
    expect(sentAt).toEqual([
      `${MONDAY_OPENING.toISOString()} channel:konsol`,
      `${MONDAY_OPENING.toISOString()} person:bo`,
      "2026-06-15T07:00:00.000Z channel:konsol",
    ]);
  });

  it("is sent on a retry later that day, and skipped when the retry comes after it", async () => {
    for (const [retryAt, expected] of [
      // Monday 14:00: still the meeting's day.
      ["2026-06-15T12:00:00Z", ["sent", null]],
      // Tuesday 00:30: its day is over.
      ["2026-06-15T22:30:00Z", ["skipped", "meeting-started"]],
    ] as const) {
      const app = await council();
      let down = true;
      const notifier = new RecordingNotifier(() =>
        down ? { ok: false, reason: "http-503", retryable: true } : null,
      );
      const tick = tickOf(app, notifier);
      await tick(new Date("2026-06-15T05:59:00Z"));
      await tick(MONDAY_OPENING);
      expect((await meetingRows()).map(([, , status]) => status)).toEqual(["pending", "pending"]);
      down = false;
      await tick(new Date(retryAt));
      const rows = await meetingRows();
      expect(rows.map(([, , status, error]) => [status, error])).toEqual([expected, expected]);
      const sent = reminders(notifier, "channel:konsol");
      expect(sent.map(({ text }) => text.split("\n")[0])).toEqual(
        expected[0] === "sent" ? ["Påminnelse: Reglab har möte idag, måndag 15 juni."] : [],
      );
      await temp.cleanup();
      temp = await openTempDatabase();
    }
  });

  it("is read by the tick until its day is over, also a 25-hour day", async () => {
    const app = wireApp(temp.store, { now: "2026-10-20T08:00:00Z" });
    const chat = new ChatSession(temp.store, app.clock);
    await chat.say("Sara", "råd Reglab");
    // Sunday 25 October: the clocks go back, the day lasts from 22:00Z to 23:00Z the next.
    await chat.say("Sara", "möte 2026-10-24 kl 23");
    await chat.say("Sara", "möte 2026-10-25");
    const reach = new Date("2026-11-30T00:00:00Z");
    const read = async (from: string) =>
      (await temp.store.reminders.planningMeetings(new Date(from), reach)).map((meeting) => [
        meeting.startsAt.toISOString(),
        meeting.hasTime,
      ]);
    // Saturday's 23:00 meeting has begun; Sunday's is on until 23:00Z.
    expect(await read("2026-10-25T22:30:00Z")).toEqual([["2026-10-24T22:00:00.000Z", false]]);
    expect(await read("2026-10-25T23:30:00Z")).toEqual([]);
  });
});
