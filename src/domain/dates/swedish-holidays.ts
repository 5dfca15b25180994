import type { LocalDate } from "../types.js";
import { addDays, weekdayOf } from "./local-date.js";

// The days a Swedish workplace is closed besides Saturdays and Sundays: the public holidays
// (lag 1989:253 om allmänna helgdagar) and the three aftons that the law on time limits
// (1930:173) and the collective agreements count as holidays. Påskafton and pingstafton are
// left out: they are always Saturdays, so no working day depends on them, and they are no
// holidays in law. Annandag pingst, a holiday until 2004, is left out too: reminders look ahead.

export type SwedishHoliday =
  | "new-years-day" // nyårsdagen
  | "epiphany" // trettondedag jul
  | "good-friday" // långfredagen
  | "easter-day" // påskdagen
  | "easter-monday" // annandag påsk
  | "may-day" // första maj
  | "ascension-day" // Kristi himmelsfärdsdag
  | "national-day" // nationaldagen, since 2005
  | "whitsunday" // pingstdagen
  | "midsummer-eve" // midsommarafton
  | "midsummer-day" // midsommardagen
  | "all-saints-day" // alla helgons dag
  | "christmas-eve" // julafton
  | "christmas-day" // juldagen
  | "boxing-day" // annandag jul
  | "new-years-eve"; // nyårsafton

/** The holiday on `date`, or undefined on any other day. */
export function swedishHoliday(date: LocalDate): SwedishHoliday | undefined {
  return holidaysOf(date.year).get(date.month * 100 + date.day);
}

export function isSwedishHoliday(date: LocalDate): boolean {
  return swedishHoliday(date) !== undefined;
}

// The planner asks about every day of its window for every action: a year is worked out once.
const YEARS = new Map<number, Map<number, SwedishHoliday>>();

function holidaysOf(year: number): Map<number, SwedishHoliday> {
  const cached = YEARS.get(year);
  if (cached) return cached;
  const easter = easterDay(year);
  const midsummerDay = saturdayFrom({ year, month: 6, day: 20 });
  const days: Array<[LocalDate, SwedishHoliday]> = [
    [{ year, month: 1, day: 1 }, "new-years-day"],
    [{ year, month: 1, day: 6 }, "epiphany"],
    [addDays(easter, -2), "good-friday"],
    [easter, "easter-day"],
    [addDays(easter, 1), "easter-monday"],
    [{ year, month: 5, day: 1 }, "may-day"],
    [addDays(easter, 39), "ascension-day"],
    [{ year, month: 6, day: 6 }, "national-day"],
    [addDays(easter, 49), "whitsunday"],
    [addDays(midsummerDay, -1), "midsummer-eve"],
    [midsummerDay, "midsummer-day"],
    [saturdayFrom({ year, month: 10, day: 31 }), "all-saints-day"],
    [{ year, month: 12, day: 24 }, "christmas-eve"],
    [{ year, month: 12, day: 25 }, "christmas-day"],
    [{ year, month: 12, day: 26 }, "boxing-day"],
    [{ year, month: 12, day: 31 }, "new-years-eve"],
  ];
  // Nationaldagen has been a holiday since 2005; a day with two (pingst on 6 June) keeps one.
  const byDay = new Map(
    days
      .filter(([, name]) => name !== "national-day" || year >= 2005)
      .map(([date, name]) => [date.month * 100 + date.day, name]),
  );
  YEARS.set(year, byDay);
  return byDay;
}

/** The first Saturday on or after `date`. */
function saturdayFrom(date: LocalDate): LocalDate {
  return addDays(date, (6 - weekdayOf(date) + 7) % 7);
}

/** Easter Sunday by the Gregorian computus (the anonymous algorithm, as in Meeus). */
export function easterDay(year: number): LocalDate {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const correction = Math.floor((century - Math.floor((century + 8) / 25) + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - correction + 15) % 30;
  const weekday =
    (32 + 2 * (century % 4) + 2 * Math.floor(yearOfCentury / 4) - epact - (yearOfCentury % 4)) % 7;
  const shift = Math.floor((golden + 11 * epact + 22 * weekday) / 451);
  const monthDay = epact + weekday - 7 * shift + 114;
  return { year, month: Math.floor(monthDay / 31), day: (monthDay % 31) + 1 };
}
