import type { LocalDate, LocalTime } from "../types.js";
import { isValidLocalDate, weekdayOf } from "./local-date.js";

// Wall clock in an IANA zone ↔ UTC instant with nothing but Intl: the runtime's tz data
// tells us what a wall clock reads at an instant; the reverse is solved from that.

export type LocalDateTime = LocalDate & LocalTime & { weekday: number };

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one, and callers format in a
// handful of zones over and over.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Fixed locale, calendar and digits: only the zone may vary, never the host's settings.
    formatter = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock extends LocalDate, LocalTime {
  second: number;
}

/** What the zone's wall clock reads at an instant, straight from Intl (a few µs per call). */
function formattedWallClock(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    // Some ICU versions still print midnight as 24 despite h23.
    hour: (fields.hour ?? Number.NaN) % 24,
    minute: fields.minute ?? Number.NaN,
    second: fields.second ?? Number.NaN,
  };
}

/** The wall clock read as if it were UTC, in ms. */
function wallAsUtcMs(wall: LocalDate & LocalTime, second = 0): number {
  const ms = Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; set the year separately to avoid that.
  const date = new Date(ms);
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in whole seconds as ms, from Intl. */
function formattedOffsetAt(epochMs: number, timeZone: string): number {
  const wall = formattedWallClock(epochMs, timeZone);
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtcMs(wall, wall.second) - wholeSecondMs;
}

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 100_000;
/**
 * Offsets by zone and UTC hour. An offset changes only at the zone's transitions, so an hour
 * that has the same offset at its first and last second has it throughout; such hours are
 * kept. A list of 50 actions formats ~100 dates, and Intl's formatToParts was 15 % of a
 * command's CPU time.
 */
const offsetsByZone = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant (Stockholm in summer: +7 200 000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offsets = offsetsByZone.get(timeZone);
  const cached = offsets?.get(hour);
  if (cached !== undefined) return cached;
  const offset = formattedOffsetAt(epochMs, timeZone);
  const first = hour * HOUR_MS;
  const last = first + HOUR_MS - 1000;
  if (
    formattedOffsetAt(first, timeZone) === offset &&
    formattedOffsetAt(last, timeZone) === offset
  ) {
    if (!offsets || offsets.size >= MAX_CACHED_HOURS) {
      offsets = new Map();
      offsetsByZone.set(timeZone, offsets);
    }
    offsets.set(hour, offset);
  }
  return offset;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const wall = new Date(epochMs + offsetAt(epochMs, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError("toLocal: invalid Date");
  const { year, month, day, hour, minute } = wallClockAt(epochMs, timeZone);
  return { year, month, day, hour, minute, weekday: weekdayOf({ year, month, day }) };
}

/** The calendar date in the zone at an instant ("today" when the instant is now). */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = toLocal(instant, timeZone);
  return { year, month, day };
}

/**
 * The instant at which the zone's wall clock shows `date` `time`.
 * A time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30);
 * a time that occurs twice at fall-back takes the earlier instant (still summer time).
 */
export function toInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const key = `${timeZone} ${date.year} ${date.month} ${date.day} ${time.hour} ${time.minute}`;
  let epochMs = instants.get(key);
  if (epochMs === undefined) {
    epochMs = solveInstant(date, time, timeZone);
    if (instants.size >= MAX_CACHED_INSTANTS) instants.clear();
    instants.set(key, epochMs);
  }
  return new Date(epochMs);
}

const MAX_CACHED_INSTANTS = 10_000;
/**
 * Solved wall times by zone, date and time: a 09:00 tick asks for the same few (each meeting's
 * reminder days at the council's time) thousands of times, at several µs each.
 */
const instants = new Map<string, number>();

function solveInstant(date: LocalDate, time: LocalTime, timeZone: string): number {
  if (!isValidLocalDate(date) || !isValidTime(time)) {
    throw new RangeError(`toInstant: invalid wall time ${JSON.stringify({ ...date, ...time })}`);
  }
  const wallMs = wallAsUtcMs({ ...date, ...time });
  // Offsets a day either side bracket any transition near this wall time.
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter]
    .filter((epochMs) => wallAsUtcMs(wallClockAt(epochMs, timeZone)) === wallMs)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return earliest;
  // In a gap: read with the offset from before the jump, which lands the gap's length later.
  return wallMs - offsetBefore;
}

function isValidTime(time: LocalTime): boolean {
  return (
    Number.isInteger(time.hour) &&
    Number.isInteger(time.minute) &&
    time.hour >= 0 &&
    time.hour < 24 &&
    time.minute >= 0 &&
    time.minute < 60
  );
}
