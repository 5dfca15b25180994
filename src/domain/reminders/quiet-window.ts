import { addDays, weekdayOf } from "../dates/local-date.js";
import { toInstant, toLocal } from "../dates/zoned-time.js";
import type { LocalDate } from "../types.js";
import { minutesOf, type QuietWindow } from "./reminder-settings.js";

/**
 * The instant itself when it falls inside the council's hours, else the next opening of them
 * (08:00 the next weekday by default): nobody is reminded at night or on a Sunday.
 */
export function intoWindow(instant: Date, window: QuietWindow | null, timeZone: string): Date {
  if (!window) return instant;
  const local = toLocal(instant, timeZone);
  const minute = minutesOf(local);
  const openDay = dayAllowed(local.weekday, window);
  if (openDay && minute >= minutesOf(window.from) && minute < minutesOf(window.to)) return instant;
  let date: LocalDate = { year: local.year, month: local.month, day: local.day };
  if (!(openDay && minute < minutesOf(window.from))) date = addDays(date, 1);
  while (!dayAllowed(weekdayOf(date), window)) date = addDays(date, 1);
  return toInstant(date, window.from, timeZone);
}

function dayAllowed(weekday: number, window: QuietWindow): boolean {
  return !window.weekdaysOnly || (weekday >= 1 && weekday <= 5);
}
