import type { LocalDate } from "../types.js";
import { addDays, weekdayOf } from "./local-date.js";
import { isSwedishHoliday } from "./swedish-holidays.js";

// Working days: Monday to Friday, not a Swedish holiday. Every rule that skips "weekends"
// (reminders, the council's hours, the anslag) asks here, so that a holiday is a weekend day.

/**
 * The longest run of days that are not working days, at Christmas: julafton on a Wednesday to
 * the Sunday after (2025), or the Saturday before julafton on a Monday to annandag jul (2029).
 * Anything moved to the next working day moves at most this many days + 1.
 */
export const LONGEST_DAYS_OFF = 5;

export function isWorkingDay(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !isSwedishHoliday(date);
}

/** The date itself on a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** The date itself on a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
