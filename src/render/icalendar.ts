import { addDays } from "../domain/dates/local-date.js";
import type { LocalDate } from "../domain/types.js";

// A council's planned meetings as an iCalendar feed (RFC 5545) that calendars subscribe to.

export interface CalendarEvent {
  /** Stable across renders, e.g. "<meetingId>@noterat", so a moved meeting replaces itself. */
  uid: string;
  /** The instant (for a timed meeting). */
  start: Date;
  /** The local date (for an all-day meeting). */
  date: LocalDate;
  allDay: boolean;
  /** Timed meetings only; 120 when not given. */
  durationMinutes?: number;
  summary: string;
  location: string | null;
  description?: string;
  url?: string;
  /** Bumped when the meeting moves, so that calendars take the new time. */
  sequence: number;
  status: "CONFIRMED" | "CANCELLED";
  /** DTSTAMP and LAST-MODIFIED. */
  updated: Date;
}

export interface CalendarFeed {
  name: string;
  events: CalendarEvent[];
}

const DEFAULT_DURATION_MINUTES = 120;
const MAX_LINE_OCTETS = 75;

export function renderICalendar(feed: CalendarFeed): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Noterat//Noterat//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    ...feed.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}

function eventLines(event: CalendarEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.updated)}`,
    ...timeLines(event),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${withoutControls(event.url)}`] : []),
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `LAST-MODIFIED:${utcDateTime(event.updated)}`,
    "END:VEVENT",
  ];
}

/** In UTC, so that no VTIMEZONE is needed and daylight saving cannot shift a meeting. */
function timeLines(event: CalendarEvent): string[] {
  if (event.allDay) {
    // DTEND of an all-day event is exclusive: the day after.
    return [
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`,
    ];
  }
  const minutes = event.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const end = new Date(event.start.getTime() + minutes * 60_000);
  return [`DTSTART:${utcDateTime(event.start)}`, `DTEND:${utcDateTime(end)}`];
}

/** "20260330T110000Z" */
function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** "20260330" */
function dateValue(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}${pad(date.month, 2)}${pad(date.day, 2)}`;
}

/** A TEXT value: its separators escaped, line breaks as `\n`, other control characters dropped. */
function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
  return withoutControls(escaped);
}

/** No control character but tab may stand in a content line, nor a lone surrogate (not UTF-8). */
function withoutControls(value: string): string {
  return value.replace(/(?!\t)[\p{Cc}\p{Cs}]/gu, "");
}

/**
 * Breaks a content line into lines of at most 75 octets, each continuation starting with one
 * space, always between characters so that no UTF-8 sequence is split.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
