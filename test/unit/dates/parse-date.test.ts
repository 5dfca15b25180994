import { describe, expect, it } from "vitest";
import {
  DATE_YEARS,
  type DateParseContext,
  NO_SUCH_DATE,
  parseDate,
  parseTime,
} from "../../../src/domain/dates/parse-date.js";
import { toInstant } from "../../../src/domain/dates/zoned-time.js";
import type { LocalDate } from "../../../src/domain/types.js";

const STOCKHOLM = "Europe/Stockholm";
const NINE = { hour: 9, minute: 0 };

/** "2026-05-30" → LocalDate, so the table stays readable. */
function day(iso: string): LocalDate {
  const [year, month, date] = iso.split("-").map(Number);
  return { year: year ?? Number.NaN, month: month ?? Number.NaN, day: date ?? Number.NaN };
}

function inStockholm(now: string): DateParseContext {
  return { now: new Date(now), timeZone: STOCKHOLM };
}

// Fixed clocks. Wall times are Stockholm; 09:00 is 07:00Z in summer time, 08:00Z in winter.
const WED_MAY_20 = "2026-05-20T10:00:00Z";
const WED_MAR_25 = "2026-03-25T10:00:00Z"; // the Sunday after is spring-forward
const TUE_OCT_20 = "2026-10-20T10:00:00Z"; // the Sunday after is fall-back
const SAT_MAY_30_0030 = "2026-05-29T22:30:00Z"; // still Friday 29 in UTC and in New York
const MON_NOV_23 = "2026-11-23T12:00:00Z";
const THU_DEC_31 = "2026-12-31T12:00:00Z";
const NEW_YEAR_0030 = "2026-12-31T23:30:00Z"; // already 2027 in Stockholm
const SAT_JAN_31 = "2026-01-31T12:00:00Z";

// [typed, now, expected date, expected UTC instant of 09:00 that day in Stockholm]
const PHRASES: [string, string, string, string][] = [
  // relative days
  ["idag", WED_MAY_20, "2026-05-20", "2026-05-20T07:00:00.000Z"],
  ["i dag", WED_MAY_20, "2026-05-20", "2026-05-20T07:00:00.000Z"],
  ["Idag", WED_MAY_20, "2026-05-20", "2026-05-20T07:00:00.000Z"],
  ["today", WED_MAY_20, "2026-05-20", "2026-05-20T07:00:00.000Z"],
  ["imorgon", WED_MAY_20, "2026-05-21", "2026-05-21T07:00:00.000Z"],
  ["i morgon", WED_MAY_20, "2026-05-21", "2026-05-21T07:00:00.000Z"],
  ["I  MORGON", WED_MAY_20, "2026-05-21", "2026-05-21T07:00:00.000Z"],
  ["tomorrow", WED_MAY_20, "2026-05-21", "2026-05-21T07:00:00.000Z"],
  ["övermorgon", WED_MAY_20, "2026-05-22", "2026-05-22T07:00:00.000Z"],
  ["i övermorgon", WED_MAY_20, "2026-05-22", "2026-05-22T07:00:00.000Z"],
  // weekdays: the next one strictly after today, with or without nästa/next
  ["tisdag", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["på tisdag", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["nästa tisdag", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["Nästa  Tisdag", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["next tuesday", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["Tuesday", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["on tuesday", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["tue", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["onsdag", WED_MAY_20, "2026-05-27", "2026-05-27T07:00:00.000Z"],
  ["nästa onsdag", WED_MAY_20, "2026-05-27", "2026-05-27T07:00:00.000Z"],
  ["next wed", WED_MAY_20, "2026-05-27", "2026-05-27T07:00:00.000Z"],
  ["torsdag", WED_MAY_20, "2026-05-21", "2026-05-21T07:00:00.000Z"],
  ["fri", WED_MAY_20, "2026-05-22", "2026-05-22T07:00:00.000Z"],
  ["lördag", WED_MAY_20, "2026-05-23", "2026-05-23T07:00:00.000Z"],
  ["söndag", WED_MAY_20, "2026-05-24", "2026-05-24T07:00:00.000Z"],
  ["måndag", WED_MAY_20, "2026-05-25", "2026-05-25T07:00:00.000Z"],
  ["monday", WED_MAY_20, "2026-05-25", "2026-05-25T07:00:00.000Z"],
  ["fredag nästa vecka", WED_MAY_20, "2026-05-29", "2026-05-29T07:00:00.000Z"],
  ["friday next week", WED_MAY_20, "2026-05-29", "2026-05-29T07:00:00.000Z"],
  // intervals
  ["om två veckor", WED_MAY_20, "2026-06-03", "2026-06-03T07:00:00.000Z"],
  ["om 2 veckor", WED_MAY_20, "2026-06-03", "2026-06-03T07:00:00.000Z"],
  ["om fjorton dagar", WED_MAY_20, "2026-06-03", "2026-06-03T07:00:00.000Z"],
  ["om 3 dagar", WED_MAY_20, "2026-05-23", "2026-05-23T07:00:00.000Z"],
  ["om tio dagar", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["om en vecka", WED_MAY_20, "2026-05-27", "2026-05-27T07:00:00.000Z"],
  ["om en månad", WED_MAY_20, "2026-06-20", "2026-06-20T07:00:00.000Z"],
  ["om ett år", WED_MAY_20, "2027-05-20", "2027-05-20T07:00:00.000Z"],
  ["in two weeks", WED_MAY_20, "2026-06-03", "2026-06-03T07:00:00.000Z"],
  ["in 3 days", WED_MAY_20, "2026-05-23", "2026-05-23T07:00:00.000Z"],
  ["in a week", WED_MAY_20, "2026-05-27", "2026-05-27T07:00:00.000Z"],
  ["in a month", WED_MAY_20, "2026-06-20", "2026-06-20T07:00:00.000Z"],
  // calendar dates; no year means the next such date, today included
  ["30 maj", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["  30   MAJ  ", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["den 30 maj", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["30 maj 2027", WED_MAY_20, "2027-05-30", "2027-05-30T07:00:00.000Z"],
  ["30/5", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["30/5 2027", WED_MAY_20, "2027-05-30", "2027-05-30T07:00:00.000Z"],
  ["30/5/2027", WED_MAY_20, "2027-05-30", "2027-05-30T07:00:00.000Z"],
  ["2026-05-30", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["May 30", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["30 May", WED_MAY_20, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["May 30, 2027", WED_MAY_20, "2027-05-30", "2027-05-30T07:00:00.000Z"],
  ["30 May 2027", WED_MAY_20, "2027-05-30", "2027-05-30T07:00:00.000Z"],
  ["1:a juni", WED_MAY_20, "2026-06-01", "2026-06-01T07:00:00.000Z"],
  ["June 1st", WED_MAY_20, "2026-06-01", "2026-06-01T07:00:00.000Z"],
  ["20 maj", WED_MAY_20, "2026-05-20", "2026-05-20T07:00:00.000Z"],
  ["19 maj", WED_MAY_20, "2027-05-19", "2027-05-19T07:00:00.000Z"],
  ["1/6", WED_MAY_20, "2026-06-01", "2026-06-01T07:00:00.000Z"],
  ["5/1", WED_MAY_20, "2027-01-05", "2027-01-05T08:00:00.000Z"],
  ["12 okt.", WED_MAY_20, "2026-10-12", "2026-10-12T07:00:00.000Z"],
  ["okt 12", WED_MAY_20, "2026-10-12", "2026-10-12T07:00:00.000Z"],
  ["3 sept", WED_MAY_20, "2026-09-03", "2026-09-03T07:00:00.000Z"],
  ["3 sep", WED_MAY_20, "2026-09-03", "2026-09-03T07:00:00.000Z"],
  ["15 dec", WED_MAY_20, "2026-12-15", "2026-12-15T08:00:00.000Z"],
  ["1 mars", WED_MAY_20, "2027-03-01", "2027-03-01T08:00:00.000Z"],
  ["april 2", WED_MAY_20, "2027-04-02", "2027-04-02T07:00:00.000Z"],
  ["29 februari", WED_MAY_20, "2028-02-29", "2028-02-29T08:00:00.000Z"],
  // a leading weekday, as the bot writes dates, when it agrees with the date
  ["tisdag 26 maj", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["tisdag den 26 maj", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  ["Tuesday, May 26", WED_MAY_20, "2026-05-26", "2026-05-26T07:00:00.000Z"],
  // across spring-forward (Sunday 29 March 2026)
  ["idag", WED_MAR_25, "2026-03-25", "2026-03-25T08:00:00.000Z"],
  ["lördag", WED_MAR_25, "2026-03-28", "2026-03-28T08:00:00.000Z"],
  ["nästa söndag", WED_MAR_25, "2026-03-29", "2026-03-29T07:00:00.000Z"],
  ["på söndag", WED_MAR_25, "2026-03-29", "2026-03-29T07:00:00.000Z"],
  ["om en vecka", WED_MAR_25, "2026-04-01", "2026-04-01T07:00:00.000Z"],
  // across fall-back (Sunday 25 October 2026)
  ["idag", TUE_OCT_20, "2026-10-20", "2026-10-20T07:00:00.000Z"],
  ["lördag", TUE_OCT_20, "2026-10-24", "2026-10-24T07:00:00.000Z"],
  ["söndag", TUE_OCT_20, "2026-10-25", "2026-10-25T08:00:00.000Z"],
  ["om en vecka", TUE_OCT_20, "2026-10-27", "2026-10-27T08:00:00.000Z"],
  ["nästa tisdag", TUE_OCT_20, "2026-10-27", "2026-10-27T08:00:00.000Z"],
  ["tisdag", TUE_OCT_20, "2026-10-27", "2026-10-27T08:00:00.000Z"],
  // near midnight: Stockholm's date, not UTC's or the host's (New York)
  ["idag", SAT_MAY_30_0030, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["imorgon", SAT_MAY_30_0030, "2026-05-31", "2026-05-31T07:00:00.000Z"],
  ["30 maj", SAT_MAY_30_0030, "2026-05-30", "2026-05-30T07:00:00.000Z"],
  ["29 maj", SAT_MAY_30_0030, "2027-05-29", "2027-05-29T07:00:00.000Z"],
  ["lördag", SAT_MAY_30_0030, "2026-06-06", "2026-06-06T07:00:00.000Z"],
  ["fredag", SAT_MAY_30_0030, "2026-06-05", "2026-06-05T07:00:00.000Z"],
  ["idag", NEW_YEAR_0030, "2027-01-01", "2027-01-01T08:00:00.000Z"],
  ["1 januari", NEW_YEAR_0030, "2027-01-01", "2027-01-01T08:00:00.000Z"],
  // year rollover
  ["11 april", MON_NOV_23, "2027-04-11", "2027-04-11T07:00:00.000Z"],
  ["11/4", MON_NOV_23, "2027-04-11", "2027-04-11T07:00:00.000Z"],
  ["24 december", MON_NOV_23, "2026-12-24", "2026-12-24T08:00:00.000Z"],
  ["om en månad", MON_NOV_23, "2026-12-23", "2026-12-23T08:00:00.000Z"],
  ["1 januari", THU_DEC_31, "2027-01-01", "2027-01-01T08:00:00.000Z"],
  ["Jan 1", THU_DEC_31, "2027-01-01", "2027-01-01T08:00:00.000Z"],
  ["imorgon", THU_DEC_31, "2027-01-01", "2027-01-01T08:00:00.000Z"],
  ["31 december", THU_DEC_31, "2026-12-31", "2026-12-31T08:00:00.000Z"],
  ["om en vecka", THU_DEC_31, "2027-01-07", "2027-01-07T08:00:00.000Z"],
  ["next monday", THU_DEC_31, "2027-01-04", "2027-01-04T08:00:00.000Z"],
  // a month later is clamped to the month's end
  ["om en månad", SAT_JAN_31, "2026-02-28", "2026-02-28T08:00:00.000Z"],
  ["in 2 months", SAT_JAN_31, "2026-03-31", "2026-03-31T07:00:00.000Z"],
];

describe("parseDate", () => {
  it.each(PHRASES)("%s (now %s) → %s, 09:00 is %s", (typed, now, expected, nineOClock) => {
    const parsed = parseDate(typed, inStockholm(now));
    expect(parsed).toEqual(day(expected));
    if (typeof parsed !== "object") return;
    expect(toInstant(parsed, NINE, STOCKHOLM).toISOString()).toBe(nineOClock);
  });

  it.each([
    "",
    "   ",
    "garbage",
    "asdf qwerty",
    "30 maj Sundsvall",
    "30 maj kl 13",
    "30",
    "maj",
    "2026-13-01",
    "2026-05-00",
    "30/13",
    "0/5",
    "40/50",
    "30/5/27",
    "1300",
    "nästa",
    "next",
    "om veckor",
    "om två",
    "om -1 dagar",
    "in 3 hours",
    "nästa månad",
    "May 30,",
    "tisdag 27 maj", // 27 May 2026 is a Wednesday: a typo, not a guess
    "constructor",
    "toString",
  ])("rejects %j", (typed) => {
    expect(parseDate(typed, inStockholm(WED_MAY_20))).toBeUndefined();
  });

  // Written as a calendar date, but that day is not in it: a mistake to name, not "no date".
  it.each([
    "31 juni",
    "31 Juni",
    "den 31 juni",
    "June 31",
    "31st June",
    "June 31, 2026",
    "31/6",
    "31/4",
    "31/6 2026",
    "30/2",
    "30 februari",
    "31 februari",
    "29 februari 2027",
    "29/2/2027",
    "Feb 29, 2027",
    "2027-02-29",
    "2026-02-30",
    "2026-04-31",
    "32 maj",
    "0 maj",
    "maj 40",
    "tisdag 31 juni",
    "Tuesday, June 31",
    "tisdag den 29 februari 2027",
  ])("knows %j is no day in the calendar", (typed) => {
    expect(parseDate(typed, inStockholm(WED_MAY_20))).toBe(NO_SUCH_DATE);
  });

  // Every way of writing a date stays within the years: a date outside them is refused like a
  // day the calendar lacks, never read as text nor kept.
  it.each<[string, string]>([
    ["0000-01-01", WED_MAY_20],
    ["1899-12-31", WED_MAY_20],
    ["2200-01-01", WED_MAY_20],
    ["30 maj 9999", WED_MAY_20],
    ["31 juni 9999", WED_MAY_20],
    ["30/5 2300", WED_MAY_20],
    ["May 30, 2300", WED_MAY_20],
    ["onsdag 30 maj 2300", WED_MAY_20], // a Wednesday
    ["om 300 år", WED_MAY_20],
    ["in 300 years", WED_MAY_20],
    ["om 174 år", WED_MAY_20],
    ["om 999 månader", "2199-06-01T10:00:00Z"],
    ["om 999 veckor", "2190-01-01T10:00:00Z"],
    ["om 3 dagar", "2199-12-30T10:00:00Z"],
    ["imorgon", "2199-12-31T10:00:00Z"],
    ["igår", "1900-01-01T10:00:00Z"],
    ["nästa onsdag", "2199-12-30T10:00:00Z"],
    ["onsdag nästa vecka", "2199-12-28T10:00:00Z"],
    ["1 januari", "2199-12-31T10:00:00Z"],
  ])("refuses %j (now %s): outside the years", (typed, now) => {
    expect(parseDate(typed, inStockholm(now))).toBe(NO_SUCH_DATE);
  });

  it("reads a date in the first and the last of the years", () => {
    expect(DATE_YEARS).toEqual({ first: 1900, last: 2199 });
    expect(parseDate("om 173 år", inStockholm(WED_MAY_20))).toEqual(day("2199-05-20"));
    expect(parseDate("2199-12-31", inStockholm(WED_MAY_20))).toEqual(day("2199-12-31"));
    expect(parseDate("1900-01-01", inStockholm(WED_MAY_20))).toEqual(day("1900-01-01"));
    expect(parseDate("idag", inStockholm("2199-12-31T10:00:00Z"))).toEqual(day("2199-12-31"));
    const last = { ...inStockholm("1900-01-02T10:00:00Z"), yearless: "last" as const };
    expect(parseDate("1 januari", last)).toEqual(day("1900-01-01"));
    expect(parseDate("31 december", last)).toBe(NO_SUCH_DATE);
  });

  it("knows that 29 februari without a year is the next (or last) leap day", () => {
    expect(parseDate("29 februari", inStockholm(WED_MAY_20))).toEqual(day("2028-02-29"));
    expect(parseDate("29/2", inStockholm(WED_MAY_20))).toEqual(day("2028-02-29"));
    expect(parseDate("29 februari 2028", inStockholm(WED_MAY_20))).toEqual(day("2028-02-29"));
  });

  it("finds where a date ends when called on shrinking word prefixes", () => {
    const words = "30 maj kl 13 Sundsvall".split(" ");
    const ctx = inStockholm(WED_MAY_20);
    const lengths = [4, 3, 2, 1].filter((n) => parseDate(words.slice(0, n).join(" "), ctx));
    expect(lengths).toEqual([2]);
  });

  it("reads today in the given zone, whatever the host's", () => {
    // 03:00Z on 30 May: 05:00 in Stockholm, still 23:00 on 29 May in New York.
    const now = new Date("2026-05-30T03:00:00Z");
    expect(parseDate("idag", { now, timeZone: STOCKHOLM })).toEqual(day("2026-05-30"));
    expect(parseDate("idag", { now, timeZone: "America/New_York" })).toEqual(day("2026-05-29"));
    expect(parseDate("29 maj", { now, timeZone: "America/New_York" })).toEqual(day("2026-05-29"));
    expect(parseDate("29 maj", { now, timeZone: STOCKHOLM })).toEqual(day("2027-05-29"));
  });

  it("has at least 50 phrases in its table", () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(50);
  });
});

describe("parseTime", () => {
  it.each([
    ["13:00", 13, 0],
    ["13.00", 13, 0],
    ["13", 13, 0],
    ["9", 9, 0],
    ["09.30", 9, 30],
    ["0:05", 0, 5],
    ["23:59", 23, 59],
    ["kl 13", 13, 0],
    ["kl. 13.00", 13, 0],
    ["kl.9", 9, 0],
    ["klockan 14.15", 14, 15],
    ["at 13:00", 13, 0],
    ["  KL  8.45 ", 8, 45],
    ["1pm", 13, 0],
    ["1:30pm", 13, 30],
    ["1:30 PM", 13, 30],
    ["11 a.m.", 11, 0],
    ["12pm", 12, 0],
    ["12am", 0, 0],
    ["at 9am", 9, 0],
  ])("%j → %i:%i", (typed, hour, minute) => {
    expect(parseTime(typed)).toEqual({ hour, minute });
  });

  it.each([
    "",
    "1300",
    "24:00",
    "24",
    "13:60",
    "13:5",
    "13:00:00",
    "100",
    "0pm",
    "13pm",
    "kl",
    "at",
    "kl 13 Sundsvall",
    "noon",
    "-1",
  ])("rejects %j", (typed) => {
    expect(parseTime(typed)).toBeUndefined();
  });
});

describe("parseDate with yearless: last (minutes of a meeting already held)", () => {
  const last = (now: string): DateParseContext => ({ ...inStockholm(now), yearless: "last" });

  it.each([
    ["2 mars", MON_NOV_23, "2026-03-02"],
    ["23 november", MON_NOV_23, "2026-11-23"],
    ["24 november", MON_NOV_23, "2025-11-24"],
    ["30/12", WED_MAY_20, "2025-12-30"],
    ["29 februari", WED_MAY_20, "2024-02-29"],
    ["2 mars 2027", MON_NOV_23, "2027-03-02"],
    ["igår", MON_NOV_23, "2026-11-22"],
  ])("%s asked %s → %s", (typed, now, expected) => {
    expect(parseDate(typed, last(now))).toEqual(day(expected));
  });
});
