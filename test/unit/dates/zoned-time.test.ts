import { describe, expect, it } from "vitest";
import {
  isValidTimeZone,
  localDateOf,
  toInstant,
  toLocal,
} from "../../../src/domain/dates/zoned-time.js";

const STOCKHOLM = "Europe/Stockholm";
const NEW_YORK = "America/New_York";

function at(date: string, time: string, timeZone: string): string {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  return toInstant({ year, month, day }, { hour, minute }, timeZone).toISOString();
}

describe("toInstant", () => {
  it.each([
    // [zone, date, wall time, instant]
    [STOCKHOLM, "2026-01-15", "09:00", "2026-01-15T08:00:00.000Z"],
    [STOCKHOLM, "2026-07-15", "09:00", "2026-07-15T07:00:00.000Z"],
    [STOCKHOLM, "2026-05-30", "00:00", "2026-05-29T22:00:00.000Z"],
    // spring forward 2026-03-29: 02:00–02:59 does not exist and moves forward an hour
    [STOCKHOLM, "2026-03-29", "01:59", "2026-03-29T00:59:00.000Z"],
    [STOCKHOLM, "2026-03-29", "02:00", "2026-03-29T01:00:00.000Z"],
    [STOCKHOLM, "2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"],
    [STOCKHOLM, "2026-03-29", "03:00", "2026-03-29T01:00:00.000Z"],
    [STOCKHOLM, "2026-03-29", "03:30", "2026-03-29T01:30:00.000Z"],
    // fall back 2026-10-25: 02:00–02:59 happens twice; the earlier (summer time) wins
    [STOCKHOLM, "2026-10-25", "01:59", "2026-10-24T23:59:00.000Z"],
    [STOCKHOLM, "2026-10-25", "02:00", "2026-10-25T00:00:00.000Z"],
    [STOCKHOLM, "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    [STOCKHOLM, "2026-10-25", "03:00", "2026-10-25T02:00:00.000Z"],
    // New York changes on other days, at other hours, by another offset
    [NEW_YORK, "2026-07-04", "09:00", "2026-07-04T13:00:00.000Z"],
    [NEW_YORK, "2026-12-01", "09:00", "2026-12-01T14:00:00.000Z"],
    [NEW_YORK, "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    [NEW_YORK, "2026-03-29", "02:30", "2026-03-29T06:30:00.000Z"],
    [NEW_YORK, "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    [NEW_YORK, "2026-11-01", "02:30", "2026-11-01T07:30:00.000Z"],
    // no DST, odd offsets, the southern hemisphere
    ["UTC", "2026-03-29", "02:30", "2026-03-29T02:30:00.000Z"],
    ["Asia/Kolkata", "2026-05-20", "09:00", "2026-05-20T03:30:00.000Z"],
    ["Asia/Kathmandu", "2026-05-20", "09:00", "2026-05-20T03:15:00.000Z"],
    ["Australia/Sydney", "2026-01-15", "09:00", "2026-01-14T22:00:00.000Z"],
    ["Australia/Sydney", "2026-07-15", "09:00", "2026-07-14T23:00:00.000Z"],
  ])("%s %s %s → %s", (zone, date, time, instant) => {
    expect(at(date, time, zone)).toBe(instant);
  });

  it("round-trips every wall time of a year, except the skipped and the repeated hour", () => {
    const start = Date.UTC(2026, 0, 1);
    const step = 47 * 60_000; // an odd step visits many minutes of the hour
    let checked = 0;
    for (let ms = start; ms < Date.UTC(2027, 0, 1); ms += step) {
      const instant = new Date(ms);
      const local = toLocal(instant, STOCKHOLM);
      const back = toInstant(local, local, STOCKHOLM).getTime();
      // The second pass through 02:xx on 25 October maps back to the first, an hour earlier.
      expect([ms, ms - 3_600_000]).toContain(back);
      if (back === ms) checked++;
    }
    expect(checked).toBeGreaterThan(11_000);
  });

  it("rejects a wall time that is not one", () => {
    expect(() =>
      toInstant({ year: 2026, month: 4, day: 31 }, { hour: 9, minute: 0 }, STOCKHOLM),
    ).toThrow(RangeError);
    expect(() =>
      toInstant({ year: 2026, month: 4, day: 30 }, { hour: 24, minute: 0 }, STOCKHOLM),
    ).toThrow(RangeError);
  });
});

describe("toLocal", () => {
  it("reads the wall clock and weekday in the zone, not the host's", () => {
    const instant = new Date("2026-05-29T22:30:00Z");
    expect(toLocal(instant, STOCKHOLM)).toEqual({
      year: 2026,
      month: 5,
      day: 30,
      hour: 0,
      minute: 30,
      weekday: 6,
    });
    expect(toLocal(instant, NEW_YORK)).toEqual({
      year: 2026,
      month: 5,
      day: 29,
      hour: 18,
      minute: 30,
      weekday: 5,
    });
    expect(toLocal(instant, "UTC")).toMatchObject({ day: 29, hour: 22, weekday: 5 });
  });

  it("shows midnight as 0, and both passes through the repeated hour as 02:30", () => {
    expect(toLocal(new Date("2026-05-29T22:00:00Z"), STOCKHOLM)).toMatchObject({
      day: 30,
      hour: 0,
    });
    expect(toLocal(new Date("2026-10-25T00:30:00Z"), STOCKHOLM)).toMatchObject({
      hour: 2,
      minute: 30,
    });
    expect(toLocal(new Date("2026-10-25T01:30:00Z"), STOCKHOLM)).toMatchObject({
      hour: 2,
      minute: 30,
    });
  });

  it("throws on an invalid Date", () => {
    expect(() => toLocal(new Date(Number.NaN), STOCKHOLM)).toThrow(RangeError);
  });
});

describe("localDateOf", () => {
  it("is the zone's date where it differs from UTC's", () => {
    const lateEvening = new Date("2026-12-31T23:30:00Z");
    expect(localDateOf(lateEvening, STOCKHOLM)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(localDateOf(lateEvening, "UTC")).toEqual({ year: 2026, month: 12, day: 31 });
    const earlyMorning = new Date("2026-06-01T02:00:00Z");
    expect(localDateOf(earlyMorning, NEW_YORK)).toEqual({ year: 2026, month: 5, day: 31 });
    expect(localDateOf(earlyMorning, STOCKHOLM)).toEqual({ year: 2026, month: 6, day: 1 });
  });
});

describe("isValidTimeZone", () => {
  it.each([STOCKHOLM, NEW_YORK, "UTC", "Asia/Kathmandu"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", " ", "Mars/Olympus", "Stockholm", "+25:00"])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
