import { isoDate, pad2, weekdayOf } from "../dates/local-date.js";
import { localDateOf, toLocal } from "../dates/zoned-time.js";
import type { LocalDate, Locale, LocalTime } from "../types.js";

// The one place that writes dates for people (architecture.md §2), always in the council's zone.
// Strings are built from our own locale data, never from toLocaleString, whose output
// depends on the host's ICU build.

export interface DateContext {
  locale: Locale;
  timeZone: string;
  now: Date;
}

interface LocaleData {
  /** January first. */
  months: readonly string[];
  /** Sunday first, as weekdayOf. */
  weekdays: readonly string[];
}

const LOCALE_DATA: Record<Locale, LocaleData> = {
  sv: {
    months: [
      "januari",
      "februari",
      "mars",
      "april",
      "maj",
      "juni",
      "juli",
      "augusti",
      "september",
      "oktober",
      "november",
      "december",
    ],
    weekdays: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
  },
  en: {
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  },
};

function calendarDate(value: Date | LocalDate, timeZone: string): LocalDate {
  return value instanceof Date ? localDateOf(value, timeZone) : value;
}

/** sv "30 maj" / "30 maj 2027"; en "May 30" / "May 30, 2027". The year only when not this year. */
export function formatDayMonth(value: Date | LocalDate, ctx: DateContext): string {
  const date = calendarDate(value, ctx.timeZone);
  const month = LOCALE_DATA[ctx.locale].months[date.month - 1] ?? String(date.month);
  const showYear = date.year !== localDateOf(ctx.now, ctx.timeZone).year;
  if (ctx.locale === "sv")
    return showYear ? `${date.day} ${month} ${date.year}` : `${date.day} ${month}`;
  return showYear ? `${month} ${date.day}, ${date.year}` : `${month} ${date.day}`;
}

/** sv "tisdag 30 maj"; en "Tuesday, May 30" (year rule as formatDayMonth). */
export function formatWeekdayDayMonth(value: Date | LocalDate, ctx: DateContext): string {
  const date = calendarDate(value, ctx.timeZone);
  const weekday = formatWeekday(weekdayOf(date), ctx.locale);
  const separator = ctx.locale === "sv" ? " " : ", ";
  return `${weekday}${separator}${formatDayMonth(date, ctx)}`;
}

/** sv "måndag", en "Monday"; 0 = Sunday … 6 = Saturday, as weekdayOf. */
export function formatWeekday(weekday: number, locale: Locale): string {
  return LOCALE_DATA[locale].weekdays[weekday] ?? "";
}

/** sv "tisdag 30 maj kl. 13.00"; en "Tuesday, May 30 at 13:00" — the wall time in the zone. */
export function formatDateTime(instant: Date, ctx: DateContext): string {
  const local = toLocal(instant, ctx.timeZone);
  const day = formatWeekdayDayMonth(local, ctx);
  const clock = formatClock(local, ctx.locale);
  return ctx.locale === "sv" ? `${day} kl. ${clock}` : `${day} at ${clock}`;
}

/**
 * sv "13.00", "9.30" (Swedish running text: a dot, no leading zero); en "13:00", "9:30".
 * The 24-hour clock in both: councils keep Swedish times even in English.
 */
export function formatClock(time: LocalTime, locale: Locale): string {
  const separator = locale === "sv" ? "." : ":";
  return `${time.hour}${separator}${pad2(time.minute)}`;
}

/**
 * "2026-12-04 10.30" (en "2026-12-04 10:30") in the zone: when something happened, in replies
 * and in the "Rättad" mark.
 */
export function formatEventStamp(instant: Date, ctx: Omit<DateContext, "now">): string {
  const local = toLocal(instant, ctx.timeZone);
  const separator = ctx.locale === "sv" ? "." : ":";
  return `${isoDate(local)} ${pad2(local.hour)}${separator}${pad2(local.minute)}`;
}

/** "2018-04-12 11:50" in the zone: the post's publish stamp. */
export function formatStamp(instant: Date, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  return `${isoDate(local)} ${pad2(local.hour)}:${pad2(local.minute)}`;
}
