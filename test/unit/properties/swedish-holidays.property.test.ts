// Our Swedish calendar against date-holidays (a dev dependency, too heavy to ship): every day
// from 1990 to 2200 is a holiday for us exactly when date-holidays lists a public holiday
// (nationaldagen only from 2005, as the law has it) or one of the aftons it lists as "bank"
// days, julafton, midsommarafton and nyårsafton, and under the same name; and the working-day
// moves the reminders use land where a search through date-holidays' calendar does.
import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  fromEpochDay,
  isoDate,
  toEpochDay,
  weekdayOf,
} from "../../../src/domain/dates/local-date.js";
import { type SwedishHoliday, swedishHoliday } from "../../../src/domain/dates/swedish-holidays.js";
import {
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "../../../src/domain/dates/working-days.js";
import type { LocalDate } from "../../../src/domain/types.js";

const FIRST_YEAR = 1990;
const LAST_YEAR = 2200;

/** date-holidays' Swedish names for our holidays. */
const NAMES: Record<string, SwedishHoliday> = {
  nyårsdagen: "new-years-day",
  "trettondedag jul": "epiphany",
  långfredagen: "good-friday",
  påskdagen: "easter-day",
  "annandag påsk": "easter-monday",
  "första maj": "may-day",
  "Kristi himmelsfärdsdag": "ascension-day",
  nationaldagen: "national-day",
  pingstdagen: "whitsunday",
  midsommarafton: "midsummer-eve",
  midsommardagen: "midsummer-day",
  "alla helgons dag": "all-saints-day",
  julafton: "christmas-eve",
  juldagen: "christmas-day",
  "annandag jul": "boxing-day",
  nyårsafton: "new-years-eve",
};

/**
 * date-holidays' days off, by ISO date: the public holidays and the "bank" aftons. A day may
 * have two (pingstdagen on 6 June, as in 2049): ours names one of them.
 */
function oracle(): Map<string, string[]> {
  const holidays = new Holidays("SE");
  const days = new Map<string, string[]>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    for (const { date, type, name } of holidays.getHolidays(year, "sv")) {
      if (type !== "public" && type !== "bank") continue;
      // "2026-12-24 00:00:00": the local date, read as text so that no zone gets in.
      const day = date.slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), name]);
    }
  }
  return days;
}

const DAYS_OFF = oracle();

function oracleWorkingDay(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !DAYS_OFF.has(isoDate(date));
}

const FIRST_DAY = toEpochDay({ year: FIRST_YEAR, month: 1, day: 1 });
const LAST_DAY = toEpochDay({ year: LAST_YEAR, month: 12, day: 31 });

describe("the Swedish calendar against date-holidays, 1990–2200", () => {
  it("lists only names we know, nationaldagen first in 2005", () => {
    expect(new Set([...DAYS_OFF.values()].flat())).toEqual(new Set(Object.keys(NAMES)));
    const nationalDays = [...DAYS_OFF].filter(([, names]) => names.includes("nationaldagen"));
    expect(nationalDays[0]?.[0]).toBe("2005-06-06");
  });

  it("agrees on every day: the same days off, under the same names", () => {
    const disagreements: string[] = [];
    for (let epochDay = FIRST_DAY; epochDay <= LAST_DAY; epochDay += 1) {
      const date = fromEpochDay(epochDay);
      const theirs = (DAYS_OFF.get(isoDate(date)) ?? []).map((name) => NAMES[name]);
      const ours = swedishHoliday(date);
      const agree = ours === undefined ? theirs.length === 0 : theirs.includes(ours);
      if (!agree) disagreements.push(`${isoDate(date)}: ${ours} ≠ ${theirs.join(", ")}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("moves a day to the working day on or before, and on or after it, as a day-by-day search does", () => {
    const days = fc.integer({ min: FIRST_DAY + 14, max: LAST_DAY - 14 }).map(fromEpochDay);
    fc.assert(
      fc.property(days, (date) => {
        let before = date;
        while (!oracleWorkingDay(before)) before = addDays(before, -1);
        let after = date;
        while (!oracleWorkingDay(after)) after = addDays(after, 1);
        expect(isoDate(workingDayOnOrBefore(date))).toBe(isoDate(before));
        expect(isoDate(workingDayOnOrAfter(date))).toBe(isoDate(after));
      }),
      { seed: 2412, numRuns: 20_000 },
    );
  });
});
