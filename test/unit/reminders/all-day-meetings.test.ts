// A meeting scheduled by date alone is held all day (architecture.md §11): it has not "started" at
// its midnight, so a day-before reminder that the council's hours move into its morning still
// goes, and nothing about it goes after its day. June 2026: Mon 8, Sun 14, Mon 15, Tue 16;
// Stockholm is UTC+2 then, so Monday 15 June begins at 2026-06-14T22:00Z.
import { describe, expect, it } from "vitest";
import { planReminders } from "../../../src/domain/reminders/plan-reminders.js";
import { reminderCutoff } from "../../../src/domain/reminders/reminder-cutoff.js";
import {
  action,
  allDayMeeting,
  brief,
  council,
  expectEachPlannedOnce,
  instant,
  MINUTE,
  meeting,
  ofKind,
  person,
  STOCKHOLM,
  settings,
  sweep,
} from "./planning-fixtures.js";

const MONDAY = allDayMeeting("m1", "2026-06-15");
const STARTS = "2026-06-14T22:00:00.000Z";
/** Monday 15 June 08:00 CEST: when the hours (08–18 on weekdays) open after Sunday 09:00. */
const MONDAY_OPENING = "2026-06-15T06:00:00.000Z";
/** Bo's open action, without a due date: he gets the "your actions before the meeting" one. */
const OPEN = [action("a1", null, [person("bo")])];

function meetingReminders(emitted: ReturnType<typeof sweep>) {
  return [...ofKind(emitted, "meeting"), ...ofKind(emitted, "prep")];
}

describe("an all-day Monday meeting through days of ticks, default settings", () => {
  it("gets its day-before reminders on Monday at 08:00, once, and nothing on Tuesday", () => {
    // Every 15 minutes from Monday 8 June to the end of Tuesday 16 June.
    const emitted = sweep(
      instant("2026-06-07T22:00:00.000Z"),
      instant("2026-06-16T22:00:00.000Z"),
      15 * MINUTE,
      () => ({ councils: [council()], meetings: [MONDAY], actions: OPEN }),
    );
    expectEachPlannedOnce(emitted);
    expect(MONDAY.startsAt.toISOString()).toBe(STARTS);
    expect(brief(meetingReminders(emitted))).toEqual([
      // 7 days before: Monday 8 June 09:00.
      { key: `meeting:m1:${STARTS}:7d:b1`, dueAt: "2026-06-08T07:00:00.000Z", reason: null },
      // 1 day before: Sunday 09:00, moved to Monday's opening, the meeting's own morning.
      { key: `meeting:m1:${STARTS}:1d:b1`, dueAt: MONDAY_OPENING, reason: null },
      { key: `prep:m1:${STARTS}:bo`, dueAt: MONDAY_OPENING, reason: null },
    ]);
    const [, dayBefore] = ofKind(emitted, "meeting");
    expect(dayBefore?.plannedAt).toBe(MONDAY_OPENING);
  });

  it("is let go when the scheduler was down for all of its day", () => {
    const noDigest = council({ settings: settings({ digestDay: null }) });
    const state = { councils: [noDigest], meetings: [MONDAY], actions: OPEN };
    // Down from Sunday 23:00 until Monday 15:00: caught up on the day, still worth sending.
    const sameDay = planReminders(
      instant("2026-06-15T13:00:00.000Z"),
      instant("2026-06-14T21:00:00.000Z"),
      state,
    );
    expect(sameDay.due.map(({ key }) => key)).toEqual([
      `meeting:m1:${STARTS}:1d:b1`,
      `prep:m1:${STARTS}:bo`,
    ]);
    // Down until Tuesday 10:00: the day is over.
    const nextDay = planReminders(
      instant("2026-06-16T08:00:00.000Z"),
      instant("2026-06-14T21:00:00.000Z"),
      state,
    );
    expect(nextDay.due).toEqual([]);
    expect(nextDay.stale.map(({ key, reason }) => [key, reason])).toEqual([
      [`meeting:m1:${STARTS}:1d:b1`, "meeting-started"],
      [`prep:m1:${STARTS}:bo`, "meeting-started"],
    ]);
  });

  it("keeps the rule for a meeting with a time: at 07:30 that Monday, 08:00 is too late", () => {
    const emitted = sweep(
      instant("2026-06-13T22:00:00.000Z"),
      instant("2026-06-16T22:00:00.000Z"),
      15 * MINUTE,
      () => ({
        councils: [council()],
        meetings: [meeting("m1", "2026-06-15T05:30:00.000Z")],
        actions: OPEN,
      }),
    );
    expect(brief(meetingReminders(emitted))).toEqual([
      {
        key: "meeting:m1:2026-06-15T05:30:00.000Z:1d:b1",
        dueAt: MONDAY_OPENING,
        reason: "meeting-started",
      },
      {
        key: "prep:m1:2026-06-15T05:30:00.000Z:bo",
        dueAt: MONDAY_OPENING,
        reason: "meeting-started",
      },
    ]);
  });

  it("sends a minute lead, which has no start to count from, on the morning of its day", () => {
    const emitted = sweep(
      instant("2026-06-13T22:00:00.000Z"),
      instant("2026-06-16T22:00:00.000Z"),
      15 * MINUTE,
      () => ({
        councils: [
          council({
            settings: settings({
              meetingLeads: [{ unit: "minutes", amount: 60 }],
              actionsLead: null,
            }),
          }),
        ],
        meetings: [MONDAY],
        actions: [],
      }),
    );
    // 60 minutes before its midnight is Sunday 23:00: moved to Monday's opening.
    expect(brief(ofKind(emitted, "meeting"))).toEqual([
      { key: `meeting:m1:${STARTS}:60m:b1`, dueAt: MONDAY_OPENING, reason: null },
    ]);
  });
});

describe("reminderCutoff", () => {
  it("is the start of a meeting with a time", () => {
    const timed = { startsAt: instant("2026-06-15T11:00:00.000Z"), hasTime: true };
    expect(reminderCutoff(timed, STOCKHOLM)).toEqual(timed.startsAt);
  });

  it("is the end of an all-day meeting's day in the zone, 23 or 25 hours on DST days", () => {
    const end = (date: string, timeZone = STOCKHOLM) =>
      reminderCutoff(allDayMeeting("m", date, "c1", timeZone), timeZone).toISOString();
    expect(end("2026-06-15")).toBe("2026-06-15T22:00:00.000Z");
    // Sunday 29 March: 23 hours, from 00:00 CET to 00:00 CEST.
    expect(end("2026-03-29")).toBe("2026-03-29T22:00:00.000Z");
    // Sunday 25 October: 25 hours, from 00:00 CEST to 00:00 CET.
    expect(end("2026-10-25")).toBe("2026-10-25T23:00:00.000Z");
    expect(end("2026-06-15", "America/New_York")).toBe("2026-06-16T04:00:00.000Z");
  });
});
