import type { LocalDate, LocalTime } from "../types.js";
import {
  addDays,
  addMonths,
  compareLocalDates,
  isValidLocalDate,
  weekdayOf,
} from "./local-date.js";
import { localDateOf } from "./zoned-time.js";

// What people type for a date or a time, Swedish and English (architecture.md §3).
// A small hand-written grammar rather than chrono-node: the command parser calls
// parseDate on growing word prefixes to find where a date ends, so the WHOLE text must
// be one date ("30 maj Sundsvall" is not), and every accepted form is listed here.
// The grammar also knows a date written correctly whose day the calendar lacks ("31 juni"), or
// that falls outside the years it keeps ("om 300 år"): a mistake to point out (architecture.md §11),
// where words that are no date are just text.

export interface DateParseContext {
  now: Date;
  timeZone: string;
  /**
   * What a date without a year means: the next such date (the default, architecture.md §3), or, for
   * commands about a meeting already held ("justera 2 mars"), the last such date.
   */
  yearless?: Yearless;
}

export type Yearless = "next" | "last";

/**
 * What parseDate says of a date whose day does not exist ("31 juni", "2027-02-29") or lies
 * outside DATE_YEARS ("2300-01-01", "om 300 år").
 */
export const NO_SUCH_DATE = "no-such-date";
export type NoSuchDate = typeof NO_SUCH_DATE;

// Maps, not object literals: a typed word like "constructor" must not find a prototype key.
const RELATIVE_DAYS = new Map<string, number>([
  ["igår", -1],
  ["i går", -1],
  ["yesterday", -1],
  ["idag", 0],
  ["i dag", 0],
  ["today", 0],
  ["imorgon", 1],
  ["i morgon", 1],
  ["imorn", 1],
  ["i morn", 1],
  ["tomorrow", 1],
  ["övermorgon", 2],
  ["i övermorgon", 2],
  ["day after tomorrow", 2],
  ["the day after tomorrow", 2],
]);

const MONTHS = new Map<string, number>([
  ...words(1, "januari january jan"),
  ...words(2, "februari february feb"),
  ...words(3, "mars march mar"),
  ...words(4, "april apr"),
  ...words(5, "maj may"),
  ...words(6, "juni june jun"),
  ...words(7, "juli july jul"),
  ...words(8, "augusti august aug"),
  ...words(9, "september sept sep"),
  ...words(10, "oktober october okt oct"),
  ...words(11, "november nov"),
  ...words(12, "december dec"),
]);

/** 0 = Sunday … 6 = Saturday, as weekdayOf. */
const WEEKDAYS = new Map<string, number>([
  ...words(0, "söndag sön sunday sun"),
  ...words(1, "måndag mån monday mon"),
  ...words(2, "tisdag tis tuesday tues tue"),
  ...words(3, "onsdag ons wednesday wed"),
  ...words(4, "torsdag tors tor thursday thurs thur thu"),
  ...words(5, "fredag fre friday fri"),
  ...words(6, "lördag lör saturday sat"),
]);

const NUMBER_WORDS = new Map<string, number>([
  ...words(1, "en ett a an one"),
  ...words(2, "två two"),
  ...words(3, "tre three"),
  ...words(4, "fyra four"),
  ...words(5, "fem five"),
  ...words(6, "sex six"),
  ...words(7, "sju seven"),
  ...words(8, "åtta eight"),
  ...words(9, "nio nine"),
  ...words(10, "tio ten"),
  ...words(11, "elva eleven"),
  ...words(12, "tolv twelve"),
  ...words(13, "tretton thirteen"),
  // "om fjorton dagar" is everyday Swedish for two weeks.
  ...words(14, "fjorton fourteen"),
  ...words(15, "femton fifteen"),
]);

type Unit = "day" | "week" | "month" | "year";
const UNITS = new Map<string, Unit>([
  ...words<Unit>("day", "dag dagar day days"),
  ...words<Unit>("week", "vecka veckor week weeks"),
  ...words<Unit>("month", "månad månader month months"),
  ...words<Unit>("year", "år year years"),
]);

function words<T>(value: T, list: string): [string, T][] {
  return list.split(" ").map((word) => [word, value]);
}

/** An abbreviation may end in a dot ("okt.", "tis."). */
function lookup<T>(table: Map<string, T>, word: string): T | undefined {
  return table.get(word.endsWith(".") ? word.slice(0, -1) : word);
}

function normalize(text: string): string {
  return text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ").replace(/ ?, ?/g, ", ");
}

/**
 * One date, the whole text; NO_SUCH_DATE when it is written as a date but that day does not
 * exist or is outside DATE_YEARS; undefined when it is no date. "Today" is today in
 * `ctx.timeZone`.
 */
export function parseDate(text: string, ctx: DateParseContext): LocalDate | NoSuchDate | undefined {
  const input = normalize(text);
  if (input === "") return undefined;
  const today = localDateOf(ctx.now, ctx.timeZone);
  const relative = RELATIVE_DAYS.get(input);
  // Every reading ends here, so that none escapes the years: "om 300 år" as much as "2300-01-01".
  return withinYears(
    relative !== undefined
      ? addDays(today, relative)
      : (parseInterval(input, today) ??
          parseWeekday(input, today) ??
          parseWeekdayNextWeek(input, today) ??
          parseCalendarDate(input, today, ctx.yearless ?? "next")),
  );
}

/** Council business happens in these years; year 0 or 9999 is a typo, and breaks zone arithmetic. */
export const DATE_YEARS = { first: 1900, last: 2199 } as const;

function withinYears(date: LocalDate | NoSuchDate | undefined): LocalDate | NoSuchDate | undefined {
  if (typeof date !== "object") return date;
  return date.year < DATE_YEARS.first || date.year > DATE_YEARS.last ? NO_SUCH_DATE : date;
}

/** "om två veckor", "om 3 dagar", "om en månad", "in a week". */
function parseInterval(input: string, today: LocalDate): LocalDate | undefined {
  const match = /^(?:om|in) (\S+) (\S+)$/.exec(input);
  if (!match) return undefined;
  const [, countWord = "", unitWord = ""] = match;
  const count = /^\d{1,3}$/.test(countWord) ? Number(countWord) : NUMBER_WORDS.get(countWord);
  const unit = UNITS.get(unitWord);
  if (count === undefined || unit === undefined) return undefined;
  switch (unit) {
    case "day":
      return addDays(today, count);
    case "week":
      return addDays(today, 7 * count);
    case "month":
      return addMonths(today, count);
    case "year":
      return addMonths(today, 12 * count);
  }
}

/**
 * "tisdag", "på tisdag", "nästa tisdag", "next tuesday", "on tuesday": the first such
 * weekday strictly after today (1–7 days ahead), with or without "nästa"/"next".
 */
function parseWeekday(input: string, today: LocalDate): LocalDate | undefined {
  const match = /^(?:(?:på|on|nästa|next) )?(\S+)$/.exec(input);
  const weekday = match ? lookup(WEEKDAYS, match[1] ?? "") : undefined;
  if (weekday === undefined) return undefined;
  const ahead = (weekday - weekdayOf(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** A weekday's name alone ("måndag", "mon", "tis."): 0 = Sunday … 6 = Saturday, as weekdayOf. */
export function parseWeekdayName(text: string): number | undefined {
  return lookup(WEEKDAYS, normalize(text));
}

/** "tisdag nästa vecka", "tuesday next week": that day in the coming Monday–Sunday week. */
function parseWeekdayNextWeek(input: string, today: LocalDate): LocalDate | undefined {
  const match = /^(?:(?:på|on) )?(\S+?),? (?:nästa vecka|next week)$/.exec(input);
  const weekday = match ? lookup(WEEKDAYS, match[1] ?? "") : undefined;
  if (weekday === undefined) return undefined;
  const daysSinceMonday = (weekdayOf(today) + 6) % 7;
  const nextMonday = addDays(today, 7 - daysSinceMonday);
  return addDays(nextMonday, (weekday + 6) % 7);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Always day/month, the Swedish order: "30/5", "30/5 2027", "30/5/2027". */
const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})(?:[/ ](\d{4}))?$/;
/** "30 maj", "30 maj 2027", "1:a maj", "30th May, 2027". */
const DAY_MONTH = /^(\d{1,2})(?::[ae]|st|nd|rd|th)? (\p{L}+\.?)(?:,? (\d{4}))?$/u;
/** "May 30", "May 30, 2027", "okt. 5". */
const MONTH_DAY = /^(\p{L}+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/u;
/** A leading weekday, as the bot itself writes dates: "tisdag 26 maj", "Tuesday, May 26". */
const WEEKDAY_PREFIX = /^(\p{L}+\.?),? (?:den )?(.+)$/u;

function parseCalendarDate(
  input: string,
  today: LocalDate,
  yearless: Yearless,
): LocalDate | NoSuchDate | undefined {
  const prefixed = WEEKDAY_PREFIX.exec(input);
  const weekday = prefixed ? lookup(WEEKDAYS, prefixed[1] ?? "") : undefined;
  if (prefixed && weekday !== undefined) {
    // The weekday must agree with the date; a mismatch is a typo we must not guess at.
    const date = parsePlainDate(prefixed[2] ?? "", today, yearless);
    if (date === NO_SUCH_DATE) return date;
    return date && weekdayOf(date) === weekday ? date : undefined;
  }
  return parsePlainDate(input.startsWith("den ") ? input.slice(4) : input, today, yearless);
}

function parsePlainDate(
  input: string,
  today: LocalDate,
  yearless: Yearless,
): LocalDate | NoSuchDate | undefined {
  let match = ISO_DATE.exec(input);
  if (match && calendarShaped(Number(match[3]), Number(match[2]))) {
    return explicitDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = NUMERIC_DATE.exec(input);
  if (match && calendarShaped(Number(match[1]), Number(match[2]))) {
    return dayMonth(Number(match[1]), Number(match[2]), match[3], today, yearless);
  }
  match = DAY_MONTH.exec(input);
  if (match) {
    const month = lookup(MONTHS, match[2] ?? "");
    return month === undefined
      ? undefined
      : dayMonth(Number(match[1]), month, match[3], today, yearless);
  }
  match = MONTH_DAY.exec(input);
  if (match) {
    const month = lookup(MONTHS, match[1] ?? "");
    return month === undefined
      ? undefined
      : dayMonth(Number(match[2]), month, match[3], today, yearless);
  }
  return undefined;
}

/**
 * Whether numbers could be a day and a month at all: "31/6" is a date that does not exist,
 * "40/50" no date (a score, a fraction). A month's name makes a date of any day number.
 */
function calendarShaped(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** The day, if the calendar has it; parseDate bounds the year. */
function explicitDate(year: number, month: number, day: number): LocalDate | NoSuchDate {
  const date = { year, month, day };
  return isValidLocalDate(date) ? date : NO_SUCH_DATE;
}

/**
 * With no year: the next such date, today or later ("11 april" in November → next year), or
 * the last one, today or earlier.
 */
function dayMonth(
  day: number,
  month: number,
  yearText: string | undefined,
  today: LocalDate,
  yearless: Yearless,
): LocalDate | NoSuchDate | undefined {
  if (yearText !== undefined) return explicitDate(Number(yearText), month, day);
  // No year has "31 juni"; 2000 was a leap year, so it has 29 februari.
  if (!isValidLocalDate({ year: 2000, month, day })) return NO_SUCH_DATE;
  const step = yearless === "next" ? 1 : -1;
  // A leap year comes within 8 years (2096 → 2104 is the longest wait), so 29 februari resolves.
  for (let offset = 0; offset <= 8; offset++) {
    const date = explicitDate(today.year + step * offset, month, day);
    if (typeof date === "object" && compareLocalDates(date, today) * step >= 0) return date;
  }
  return undefined;
}

const TIME_PREFIX = /^(?:klockan |kl\. ?|kl |at )/;
const TIME_24H = /^(\d{1,2})(?:[:.](\d{2}))?$/;
const TIME_12H = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\.?$/;

/** "13:00", "13.00", "13", "9", "09.30", "kl. 13.00", "at 13:00", "1pm", "1:30 pm"; not "1300". */
export function parseTime(text: string): LocalTime | undefined {
  const input = normalize(text).replace(TIME_PREFIX, "");
  const clock = TIME_24H.exec(input);
  if (clock) return validTime(Number(clock[1]), Number(clock[2] ?? 0));
  const twelveHour = TIME_12H.exec(input);
  if (!twelveHour) return undefined;
  const hour = Number(twelveHour[1]);
  if (hour < 1 || hour > 12) return undefined;
  const afternoon = twelveHour[3] === "p";
  return validTime((hour % 12) + (afternoon ? 12 : 0), Number(twelveHour[2] ?? 0));
}

function validTime(hour: number, minute: number): LocalTime | undefined {
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}
