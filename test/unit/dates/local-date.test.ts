import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareLocalDates,
  fromEpochDay,
  isoDate,
  isValidLocalDate,
  toEpochDay,
  weekdayOf,
} from "../../../src/domain/dates/local-date.js";

describe("local dates", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays({ year: 2026, month: 5, day: 30 }, 2)).toEqual({ year: 2026, month: 6, day: 1 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2100, month: 2, day: 28 }, 1)).toEqual({ year: 2100, month: 3, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(addDays({ year: 2026, month: 3, day: 29 }, 0)).toEqual({
      year: 2026,
      month: 3,
      day: 29,
    });
  });

  it("agrees with the Gregorian calendar of Date.UTC for any day", () => {
    // A day count from 1900 to 2200, compared with what the (zone-free) UTC calendar says.
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (epochDay) => {
        const utc = new Date(epochDay * 86_400_000);
        const date = fromEpochDay(epochDay);
        expect(date).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
        expect(toEpochDay(date)).toBe(epochDay);
        expect(weekdayOf(date)).toBe(utc.getUTCDay());
      }),
    );
  });

  it("adds months, clamping to the month's end", () => {
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addMonths({ year: 2026, month: 11, day: 23 }, 2)).toEqual({
      year: 2027,
      month: 1,
      day: 23,
    });
    expect(addMonths({ year: 2026, month: 1, day: 15 }, -1)).toEqual({
      year: 2025,
      month: 12,
      day: 15,
    });
  });

  it("compares dates", () => {
    const may30 = { year: 2026, month: 5, day: 30 };
    expect(compareLocalDates(may30, { year: 2026, month: 5, day: 30 })).toBe(0);
    expect(compareLocalDates(may30, { year: 2026, month: 6, day: 1 })).toBeLessThan(0);
    expect(compareLocalDates(may30, { year: 2025, month: 12, day: 31 })).toBeGreaterThan(0);
  });

  it("names weekdays from Sunday = 0", () => {
    expect(weekdayOf({ year: 2026, month: 5, day: 30 })).toBe(6);
    expect(weekdayOf({ year: 2026, month: 3, day: 29 })).toBe(0);
    expect(weekdayOf({ year: 1970, month: 1, day: 1 })).toBe(4);
    expect(weekdayOf({ year: 1969, month: 12, day: 29 })).toBe(1);
  });

  it("writes ISO dates", () => {
    expect(isoDate({ year: 2026, month: 5, day: 3 })).toBe("2026-05-03");
  });

  it.each([
    [2026, 2, 28, true],
    [2026, 2, 29, false],
    [2028, 2, 29, true],
    [2100, 2, 29, false],
    [2000, 2, 29, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 5, 0, false],
    [2026, 5, 1.5, false],
    [Number.NaN, 5, 1, false],
  ])("%i-%i-%i valid: %s", (year, month, day, valid) => {
    expect(isValidLocalDate({ year, month, day })).toBe(valid);
  });
});
