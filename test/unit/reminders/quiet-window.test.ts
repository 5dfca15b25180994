// intoWindow: a reminder whose time falls outside the council's hours waits for the next
// opening of them. Expected instants are worked out by hand: Stockholm is UTC+1 in winter
// (CET) and UTC+2 in summer (CEST); 2026 changes on Sun 29 March and Sun 25 October.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSwedishHoliday } from "../../../src/domain/dates/swedish-holidays.js";
import { toLocal } from "../../../src/domain/dates/zoned-time.js";
import { intoWindow } from "../../../src/domain/reminders/quiet-window.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type QuietWindow,
} from "../../../src/domain/reminders/reminder-settings.js";
import { instant, MINUTE, STOCKHOLM } from "./planning-fixtures.js";

const OFFICE = DEFAULT_REMINDER_SETTINGS.window as QuietWindow;
const EVERY_DAY: QuietWindow = { ...OFFICE, weekdaysOnly: false };

function moved(iso: string, window: QuietWindow | null = OFFICE, timeZone = STOCKHOLM): string {
  return intoWindow(instant(iso), window, timeZone).toISOString();
}

describe("intoWindow with the default hours (08:00–18:00 on weekdays)", () => {
  it("is 08:00–18:00 on weekdays", () => {
    expect(OFFICE).toEqual({
      from: { hour: 8, minute: 0 },
      to: { hour: 18, minute: 0 },
      weekdaysOnly: true,
    });
  });

  it.each([
    ["Wed 08:00 CEST, the opening", "2026-06-10T06:00:00.000Z"],
    ["Wed 10:00 CEST", "2026-06-10T08:00:00.000Z"],
    ["Wed 17:59 CEST, the last minute", "2026-06-10T15:59:00.000Z"],
    ["Mon 08:30 CET, in winter", "2026-01-12T07:30:00.000Z"],
  ])("keeps a time inside the hours: %s", (_label, iso) => {
    expect(moved(iso)).toBe(iso);
  });

  it.each([
    ["Wed 07:00 → Wed 08:00", "2026-06-10T05:00:00.000Z", "2026-06-10T06:00:00.000Z"],
    ["Wed 07:59 → Wed 08:00", "2026-06-10T05:59:00.000Z", "2026-06-10T06:00:00.000Z"],
    ["Wed 18:00 → Thu 08:00", "2026-06-10T16:00:00.000Z", "2026-06-11T06:00:00.000Z"],
    ["Wed 23:30 → Thu 08:00", "2026-06-10T21:30:00.000Z", "2026-06-11T06:00:00.000Z"],
    // Still Wednesday in UTC, already Thursday in Stockholm.
    ["Thu 00:30 → Thu 08:00", "2026-06-10T22:30:00.000Z", "2026-06-11T06:00:00.000Z"],
    ["Fri 19:00 → Mon 08:00", "2026-06-12T17:00:00.000Z", "2026-06-15T06:00:00.000Z"],
    ["Sat 10:00 → Mon 08:00", "2026-06-13T08:00:00.000Z", "2026-06-15T06:00:00.000Z"],
    ["Sun 07:00 → Mon 08:00", "2026-06-14T05:00:00.000Z", "2026-06-15T06:00:00.000Z"],
    ["Sun 23:59 → Mon 08:00", "2026-06-14T21:59:00.000Z", "2026-06-15T06:00:00.000Z"],
    ["winter Wed 07:00 → 08:00 CET", "2026-01-14T06:00:00.000Z", "2026-01-14T07:00:00.000Z"],
  ])("moves a time outside the hours to the next opening: %s", (_label, iso, expected) => {
    expect(moved(iso)).toBe(expected);
  });

  it.each([
    [
      "Wed 23 Dec 19:00 → Mon 28 Dec 08:00 CET, over julafton and Christmas",
      "2026-12-23T18:00:00.000Z",
      "2026-12-28T07:00:00.000Z",
    ],
    ["julafton 10:00 → Mon 28 Dec", "2026-12-24T09:00:00.000Z", "2026-12-28T07:00:00.000Z"],
    [
      "Thu 18 June 19:00 → Mon 22 June, over midsommar",
      "2026-06-18T17:00:00.000Z",
      "2026-06-22T06:00:00.000Z",
    ],
    [
      "Thu 2 April 19:00 → Tue 7 April, over Easter",
      "2026-04-02T17:00:00.000Z",
      "2026-04-07T06:00:00.000Z",
    ],
    ["annandag påsk 09:00 → Tue 7 April", "2026-04-06T07:00:00.000Z", "2026-04-07T06:00:00.000Z"],
    [
      "Kristi himmelsfärdsdag 07:00 → Fri 15 May",
      "2026-05-14T05:00:00.000Z",
      "2026-05-15T06:00:00.000Z",
    ],
    ["nyårsafton 12:00 → Mon 4 January", "2026-12-31T11:00:00.000Z", "2027-01-04T07:00:00.000Z"],
  ])("skips holidays and aftons like a weekend: %s", (_label, iso, expected) => {
    expect(moved(iso)).toBe(expected);
  });

  it("opens on the Monday after the spring change at 08:00 CEST (06:00Z), not CET", () => {
    // Fri 27 March 19:00 CET and Sat 28 March 12:00 CET; the clocks go forward on Sunday.
    expect(moved("2026-03-27T18:00:00.000Z")).toBe("2026-03-30T06:00:00.000Z");
    expect(moved("2026-03-28T11:00:00.000Z")).toBe("2026-03-30T06:00:00.000Z");
  });

  it("opens on the Monday after the autumn change at 08:00 CET (07:00Z), not CEST", () => {
    // Fri 23 October 19:00 CEST; Sun 25 October 02:30 CEST, in the hour that occurs twice.
    expect(moved("2026-10-23T17:00:00.000Z")).toBe("2026-10-26T07:00:00.000Z");
    expect(moved("2026-10-25T00:30:00.000Z")).toBe("2026-10-26T07:00:00.000Z");
    expect(moved("2026-10-25T01:30:00.000Z")).toBe("2026-10-26T07:00:00.000Z");
  });

  it("reads the hours in the council's zone, whatever the host's", () => {
    // New York: Fri 6 March 19:00 EST (Sat 00:00Z); US clocks go forward on Sun 8 March,
    // so Monday 08:00 is EDT, UTC−4.
    expect(moved("2026-03-07T00:00:00.000Z", OFFICE, "America/New_York")).toBe(
      "2026-03-09T12:00:00.000Z",
    );
    // Tokyo (UTC+9, no DST): Sat 13 June 10:00 JST → Mon 15 June 08:00 JST, a Sunday in UTC.
    expect(moved("2026-06-13T01:00:00.000Z", OFFICE, "Asia/Tokyo")).toBe(
      "2026-06-14T23:00:00.000Z",
    );
    // Mon 08:30 JST is Sunday 23:30Z: inside Tokyo's hours although UTC says Sunday night.
    expect(moved("2026-06-14T23:30:00.000Z", OFFICE, "Asia/Tokyo")).toBe(
      "2026-06-14T23:30:00.000Z",
    );
    // The same instant in Stockholm is Monday 01:30: moved to 08:00.
    expect(moved("2026-06-14T23:30:00.000Z", OFFICE, STOCKHOLM)).toBe("2026-06-15T06:00:00.000Z");
  });
});

describe("intoWindow with a council's own choice", () => {
  it("weekends allowed: Saturday in the hours stays, Saturday night waits for Sunday", () => {
    expect(moved("2026-06-13T08:00:00.000Z", EVERY_DAY)).toBe("2026-06-13T08:00:00.000Z");
    expect(moved("2026-06-13T05:00:00.000Z", EVERY_DAY)).toBe("2026-06-13T06:00:00.000Z");
    expect(moved("2026-06-13T17:00:00.000Z", EVERY_DAY)).toBe("2026-06-14T06:00:00.000Z");
  });

  it("weekends allowed: holidays too, julafton in the hours stays", () => {
    expect(moved("2026-12-24T09:00:00.000Z", EVERY_DAY)).toBe("2026-12-24T09:00:00.000Z");
    expect(moved("2026-12-23T18:00:00.000Z", EVERY_DAY)).toBe("2026-12-24T07:00:00.000Z");
  });

  it("no window: any hour of any day, 23:00 on a Sunday included", () => {
    expect(moved("2026-06-14T21:00:00.000Z", null)).toBe("2026-06-14T21:00:00.000Z");
    expect(moved("2026-06-13T01:00:00.000Z", null)).toBe("2026-06-13T01:00:00.000Z");
  });

  it("other hours: 07:30–16:15", () => {
    const window: QuietWindow = {
      from: { hour: 7, minute: 30 },
      to: { hour: 16, minute: 15 },
      weekdaysOnly: true,
    };
    expect(moved("2026-06-10T05:15:00.000Z", window)).toBe("2026-06-10T05:30:00.000Z");
    expect(moved("2026-06-10T14:14:00.000Z", window)).toBe("2026-06-10T14:14:00.000Z");
    expect(moved("2026-06-10T14:15:00.000Z", window)).toBe("2026-06-11T05:30:00.000Z");
  });
});

describe("intoWindow against a minute-by-minute search", () => {
  const ZONES = [STOCKHOLM, "America/New_York", "Asia/Tokyo", "Australia/Sydney"];

  function inside(at: Date, window: QuietWindow, timeZone: string): boolean {
    const local = toLocal(at, timeZone);
    const minute = local.hour * 60 + local.minute;
    const workday = local.weekday >= 1 && local.weekday <= 5 && !isSwedishHoliday(local);
    const day = !window.weekdaysOnly || workday;
    const from = window.from.hour * 60 + window.from.minute;
    const to = window.to.hour * 60 + window.to.minute;
    return day && minute >= from && minute < to;
  }

  it("returns the first minute at or after the time that is inside the hours", () => {
    const windows = fc
      .record({
        // Openings after 04:00: no zone here skips or repeats a wall-clock time then.
        from: fc.integer({ min: 4 * 60, max: 12 * 60 }),
        length: fc.integer({ min: 30, max: 10 * 60 }),
        weekdaysOnly: fc.boolean(),
      })
      .map(
        ({ from, length, weekdaysOnly }): QuietWindow => ({
          from: { hour: Math.floor(from / 60), minute: from % 60 },
          to: { hour: Math.floor((from + length) / 60), minute: (from + length) % 60 },
          weekdaysOnly,
        }),
      );
    // Whole minutes through 2026, DST changes of both hemispheres and Swedish holidays included.
    const minutes = fc.integer({
      min: Date.UTC(2026, 0, 1) / MINUTE,
      max: Date.UTC(2027, 0, 1) / MINUTE,
    });
    fc.assert(
      fc.property(windows, minutes, fc.constantFrom(...ZONES), (window, minute, timeZone) => {
        let expected = minute * MINUTE;
        while (!inside(new Date(expected), window, timeZone)) expected += MINUTE;
        const result = intoWindow(new Date(minute * MINUTE), window, timeZone);
        expect(result.toISOString()).toBe(new Date(expected).toISOString());
      }),
      { seed: 20260329, numRuns: 300 },
    );
  });
});
