// Which councils' open actions a tick must read: those with a daily reminder moment (their
// reminder time, or the opening of their hours, where moved reminders land) in the window,
// or a before-meeting actions reminder in it — of the latter every open action, of the others
// those due soon. Wed 17 June 2026, Stockholm UTC+2. (That no other action is needed is a
// property in planning-windows.property.test.ts.)
import { describe, expect, it } from "vitest";
import { actionsNeeded } from "../../../src/domain/reminders/plan-reminders.js";
import { council, DAY, instant, meeting, settings } from "./planning-fixtures.js";

function needed(
  since: string,
  now: string,
  councils = [council()],
  meetings = [meeting("m1", "2026-06-25T12:00:00.000Z")],
) {
  return actionsNeeded(instant(now), instant(since), councils, meetings);
}

function needing(...args: Parameters<typeof needed>) {
  return [...needed(...args).councils].sort();
}

describe("actionsNeeded", () => {
  it("a council whose 09:00 or 08:00 opening is in the window, and no other minute", () => {
    expect(needing("2026-06-17T06:59:00.000Z", "2026-06-17T07:00:00.000Z")).toEqual(["c1"]);
    expect(needing("2026-06-17T05:59:00.000Z", "2026-06-17T06:00:00.000Z")).toEqual(["c1"]);
    expect(needing("2026-06-17T07:00:00.000Z", "2026-06-17T07:01:00.000Z")).toEqual([]);
    expect(needing("2026-06-17T08:00:00.000Z", "2026-06-17T08:01:00.000Z")).toEqual([]);
    // A window of a day or more holds every moment; one across midnight holds yesterday's.
    expect(needing("2026-06-16T10:00:00.000Z", "2026-06-17T05:00:00.000Z")).toEqual([]);
    expect(needing("2026-06-16T06:30:00.000Z", "2026-06-17T05:00:00.000Z")).toEqual(["c1"]);
    expect(needing("2026-06-14T10:00:00.000Z", "2026-06-17T05:00:00.000Z")).toEqual(["c1"]);
  });

  it("without hours only the council's own time counts, in its zone", () => {
    const early = council({ settings: settings({ at: { hour: 7, minute: 0 }, window: null }) });
    const tokyo = council({ id: "tk", timeZone: "Asia/Tokyo" });
    const both = [early, tokyo];
    // 07:00 CEST = 05:00Z; 09:00 JST = 00:00Z, 08:00 JST = 23:00Z the day before.
    expect(needing("2026-06-17T04:59:00.000Z", "2026-06-17T05:00:00.000Z", both)).toEqual(["c1"]);
    expect(needing("2026-06-17T05:59:00.000Z", "2026-06-17T06:00:00.000Z", both)).toEqual([]);
    expect(needing("2026-06-16T23:59:00.000Z", "2026-06-17T00:00:00.000Z", both)).toEqual(["tk"]);
    expect(needing("2026-06-16T22:59:00.000Z", "2026-06-16T23:00:00.000Z", both)).toEqual(["tk"]);
  });

  it("a council with a before-meeting actions reminder in the window, at whatever minute", () => {
    const ninetyMinutes = council({
      settings: settings({ actionsLead: { unit: "minutes", amount: 90 } }),
    });
    // Thu 25 June 14:00 CEST: 12:30 CEST = 10:30Z.
    expect(
      needing("2026-06-25T10:29:00.000Z", "2026-06-25T10:30:00.000Z", [ninetyMinutes]),
    ).toEqual(["c1"]);
    // Every open action: the reminder goes to each assignee, whenever their actions are due.
    expect([
      ...needed("2026-06-25T10:29:00.000Z", "2026-06-25T10:30:00.000Z", [ninetyMinutes])
        .everyAction,
    ]).toEqual(["c1"]);
    expect(
      needing("2026-06-25T10:30:00.000Z", "2026-06-25T10:31:00.000Z", [ninetyMinutes]),
    ).toEqual([]);
    // Another council's meeting does not count.
    expect(
      needing(
        "2026-06-25T10:29:00.000Z",
        "2026-06-25T10:30:00.000Z",
        [ninetyMinutes],
        [meeting("m2", "2026-06-25T12:00:00.000Z", "c2")],
      ),
    ).toEqual([]);
  });

  it("at a daily moment, only the actions due within the longest run of days off and two days", () => {
    const at = needed("2026-06-17T06:59:00.000Z", "2026-06-17T07:00:00.000Z");
    expect([...at.everyAction]).toEqual([]);
    // The longest run of days off (five, at Christmas), a day to the due date's local midnight
    // and one for a DST change.
    expect(at.dueBefore).toEqual(new Date(instant("2026-06-17T07:00:00.000Z").getTime() + 7 * DAY));
  });

  it("never a council that turned reminders off", () => {
    const off = council({ settings: settings({ enabled: false }) });
    expect(needing("2026-06-10T07:00:00.000Z", "2026-06-17T07:00:00.000Z", [off])).toEqual([]);
  });
});
