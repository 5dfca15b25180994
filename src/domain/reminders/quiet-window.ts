import { addDays } from "../dates/local-date.js";
import { isWorkingDay } from "../dates/working-days.js";
import { toInstant, toLocal } from "../dates/zoned-time.js";
import type { LocalDate } from "../types.js";
import { minutesOf, type QuietWindow } from "./reminder-settings.js";

/**
 * The instant itself when it falls inside the council's hours, else the next opening of them
 * (08:00 the next working day by default): nobody is reminded at night, on a Sunday or on
 * julafton.
 */
export function intoWindow(instant: Date, window: QuietWindow | null, timeZone: string): Date {
  if (!window) return instant;
  const local = toLocal(instant, timeZone);
  const minute = minutesOf(local);
  let date: LocalDate = { year: local.year, month: local.month, day: local.day };
  const openDay = dayAllowed(date, window);
  if (openDay && minute >= minutesOf(window.from) && minute < minutesOf(window.to)) return instant;
  if (!(openDay && minute < minutesOf(window.from))) date = addDays(date, 1);
  while (!dayAllowed(date, window)) date = addDays(date, 1);
  return toInstant(date, window.from, timeZone);
}

function dayAllowed(date: LocalDate, window: QuietWindow): boolean {
  return !window.weekdaysOnly || isWorkingDay(date);
}
