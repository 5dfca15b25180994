// The Swedish calendar of days off, against the almanac (the dates below are as printed for
// 2024–2027), and the working-day moves every reminder rule uses.
import { describe, expect, it } from "vitest";
import { addDays, fromIsoDate, isoDate } from "../../../src/domain/dates/local-date.js";
import {
  easterDay,
  isSwedishHoliday,
  type SwedishHoliday,
  swedishHoliday,
} from "../../../src/domain/dates/swedish-holidays.js";
import {
  isWorkingDay,
  LONGEST_DAYS_OFF,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "../../../src/domain/dates/working-days.js";

const ALMANAC: Record<number, Record<SwedishHoliday, string>> = {
  2024: {
    "new-years-day": "2024-01-01",
    epiphany: "2024-01-06",
    "good-friday": "2024-03-29",
    "easter-day": "2024-03-31",
    "easter-monday": "2024-04-01",
    "may-day": "2024-05-01",
    "ascension-day": "2024-05-09",
    whitsunday: "2024-05-19",
    "national-day": "2024-06-06",
    "midsummer-eve": "2024-06-21",
    "midsummer-day": "2024-06-22",
    "all-saints-day": "2024-11-02",
    "christmas-eve": "2024-12-24",
    "christmas-day": "2024-12-25",
    "boxing-day": "2024-12-26",
    "new-years-eve": "2024-12-31",
  },
  2025: {
    "new-years-day": "2025-01-01",
    epiphany: "2025-01-06",
    "good-friday": "2025-04-18",
    "easter-day": "2025-04-20",
    "easter-monday": "2025-04-21",
    "may-day": "2025-05-01",
    "ascension-day": "2025-05-29",
    whitsunday: "2025-06-08",
    "national-day": "2025-06-06",
    "midsummer-eve": "2025-06-20",
    "midsummer-day": "2025-06-21",
    "all-saints-day": "2025-11-01",
    "christmas-eve": "2025-12-24",
    "christmas-day": "2025-12-25",
    "boxing-day": "2025-12-26",
    "new-years-eve": "2025-12-31",
  },
  2026: {
    "new-years-day": "2026-01-01",
    epiphany: "2026-01-06",
    "good-friday": "2026-04-03",
    "easter-day": "2026-04-05",
    "easter-monday": "2026-04-06",
    "may-day": "2026-05-01",
    "ascension-day": "2026-05-14",
    whitsunday: "2026-05-24",
    "national-day": "2026-06-06",
    "midsummer-eve": "2026-06-19",
    "midsummer-day": "2026-06-20",
    "all-saints-day": "2026-10-31",
    "christmas-eve": "2026-12-24",
    "christmas-day": "2026-12-25",
    "boxing-day": "2026-12-26",
    "new-years-eve": "2026-12-31",
  },
  2027: {
    "new-years-day": "2027-01-01",
    epiphany: "2027-01-06",
    "good-friday": "2027-03-26",
    "easter-day": "2027-03-28",
    "easter-monday": "2027-03-29",
    "may-day": "2027-05-01",
    "ascension-day": "2027-05-06",
    whitsunday: "2027-05-16",
    "national-day": "2027-06-06",
    "midsummer-eve": "2027-06-25",
    "midsummer-day": "2027-06-26",
    "all-saints-day": "2027-11-06",
    "christmas-eve": "2027-12-24",
    "christmas-day": "2027-12-25",
    "boxing-day": "2027-12-26",
    "new-years-eve": "2027-12-31",
  },
};

/** Every holiday of the year by date, found by asking about each of its days. */
function holidaysIn(year: number): Record<string, SwedishHoliday> {
  const found: Record<string, SwedishHoliday> = {};
  for (let day = { year, month: 1, day: 1 }; day.year === year; day = addDays(day, 1)) {
    const holiday = swedishHoliday(day);
    if (holiday) found[isoDate(day)] = holiday;
  }
  return found;
}

describe("the Swedish holidays", () => {
  it.each(Object.keys(ALMANAC).map(Number))(
    "are the almanac's days off in %i, and no others",
    (year) => {
      const expected = Object.fromEntries(
        Object.entries(ALMANAC[year] ?? {}).map(([holiday, date]) => [date, holiday]),
      );
      expect(holidaysIn(year)).toEqual(expected);
    },
  );

  it("count nationaldagen from 2005, when it became a holiday", () => {
    expect(isSwedishHoliday(fromIsoDate("2004-06-06"))).toBe(false);
    expect(swedishHoliday(fromIsoDate("2005-06-06"))).toBe("national-day");
  });

  it("leave out påskafton and pingstafton (Saturdays) and the half days", () => {
    for (const date of ["2026-04-04", "2026-05-23", "2026-04-30", "2026-01-05", "2026-10-30"])
      expect(isSwedishHoliday(fromIsoDate(date)), date).toBe(false);
  });

  it("put Easter where the Gregorian computus does, at its earliest and latest too", () => {
    for (const date of [
      "1818-03-22",
      "1943-04-25",
      "1990-04-15",
      "2000-04-23",
      "2038-04-25",
      "2100-03-28",
      "2285-03-22",
    ])
      expect(isoDate(easterDay(Number(date.slice(0, 4))))).toBe(date);
  });
});

describe("working days", () => {
  it("are Monday to Friday except the holidays", () => {
    expect(isWorkingDay(fromIsoDate("2026-06-18"))).toBe(true);
    expect(isWorkingDay(fromIsoDate("2026-06-19"))).toBe(false); // midsommarafton
    expect(isWorkingDay(fromIsoDate("2026-06-21"))).toBe(false); // a Sunday
    expect(isWorkingDay(fromIsoDate("2026-04-06"))).toBe(false); // annandag påsk, a Monday
    expect(isWorkingDay(fromIsoDate("2026-04-07"))).toBe(true);
  });

  it("move a day off back to the last working day before it, or on to the first after it", () => {
    expect(isoDate(workingDayOnOrBefore(fromIsoDate("2026-12-27")))).toBe("2026-12-23");
    expect(isoDate(workingDayOnOrBefore(fromIsoDate("2026-04-06")))).toBe("2026-04-02");
    expect(isoDate(workingDayOnOrBefore(fromIsoDate("2026-06-17")))).toBe("2026-06-17");
    expect(isoDate(workingDayOnOrAfter(fromIsoDate("2025-12-24")))).toBe("2025-12-29");
    expect(isoDate(workingDayOnOrAfter(fromIsoDate("2026-12-31")))).toBe("2027-01-04");
    expect(isoDate(workingDayOnOrAfter(fromIsoDate("2026-06-17")))).toBe("2026-06-17");
  });

  it("are never more than LONGEST_DAYS_OFF days apart, 1990–2200, and are that far at Christmas 2025", () => {
    let longest = 0;
    let run = 0;
    for (let day = fromIsoDate("1990-01-01"); day.year <= 2200; day = addDays(day, 1)) {
      run = isWorkingDay(day) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(LONGEST_DAYS_OFF);
    const christmas = Array.from({ length: LONGEST_DAYS_OFF + 2 }, (_, index) =>
      isWorkingDay(addDays(fromIsoDate("2025-12-23"), index)),
    );
    expect(christmas).toEqual([true, false, false, false, false, false, true]);
  });
});
