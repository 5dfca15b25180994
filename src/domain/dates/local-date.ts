import type { LocalDate } from "../types.js";

// Calendar arithmetic on dates with no zone. Days are counted from 1970-01-01 with
// integer arithmetic on the proleptic Gregorian calendar, so nothing depends on the
// host's zone or on Date's quirks (Date.UTC maps years 0–99 to 1900–1999).

const DAYS_PER_400_YEARS = 146_097;

/** Whole days from 1970-01-01 to `date` (negative before). */
export function toEpochDay(date: LocalDate): number {
  // Count years from March so that the leap day is the last day of a year.
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const shiftedMonth = (date.month + 9) % 12; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - 719_468;
}

/** The date `epochDay` whole days after 1970-01-01. */
export function fromEpochDay(epochDay: number): LocalDate {
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`; 0 for a month that does not exist. */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

export function isValidLocalDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Same day `months` later; a day the target month lacks becomes its last day (31 jan + 1 → 28 feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday (weekdayOf) → 1 = Monday … 7 = Sunday (ISO, the reminder settings). */
export function isoWeekday(weekday: number): number {
  return weekday === 0 ? 7 : weekday;
}

/** 1 = Monday … 7 = Sunday → 0 = Sunday … 6 = Saturday. */
export function fromIsoWeekday(isoDay: number): number {
  return isoDay % 7;
}

/** "2026-05-30" */
export function isoDate(date: LocalDate): string {
  const year = String(date.year).padStart(4, "0");
  return `${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** "2026-05-30" → the date: isoDate read back (stored reminder payloads hold dates so). */
export function fromIsoDate(text: string): LocalDate {
  const [year = 0, month = 0, day = 0] = text.split("-").map(Number);
  return { year, month, day };
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
