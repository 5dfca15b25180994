// Lookups that most handlers share: the council of the channel and the meeting a command means.
import { addDays, compareLocalDates } from "../domain/dates/local-date.js";
import { localDateOf, toInstant } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { LocalDate, MinutesStatus } from "../domain/types.js";
import type { CommandContext } from "./context.js";

const MIDNIGHT = { hour: 0, minute: 0 };

export function requireCouncil(context: CommandContext<unknown>): CouncilRecord {
  if (!context.council) throw new NoteratError("no-council");
  return context.council;
}

/** Commands of a formal protocol (architecture.md §12) are for councils in protocol mode. */
export function requireProtocolMode(council: CouncilRecord): void {
  if (council.mode !== "protocol") throw new NoteratError("not-protocol-mode");
}

/** The instants that bound a local calendar day in the council's zone (23 or 25 hours at DST). */
export function dayBounds(date: LocalDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDay(date, timeZone), to: startOfDay(addDays(date, 1), timeZone) };
}

/** Local midnight of the date in the zone: how due dates and date-only meetings are stored. */
export function startOfDay(date: LocalDate, timeZone: string): Date {
  return toInstant(date, MIDNIGHT, timeZone);
}

/** The council's meeting held today in its zone, if any: all-day, started or still to come. */
export async function meetingHeldToday(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord | null> {
  const today = dayBounds(localDateOf(context.now, council.timeZone), council.timeZone);
  // A council has one meeting a day: `möte` and `flytta` refuse a second.
  const [held] = await context.deps.store.meetings.plannedBetween(council.id, today.from, today.to);
  return held ?? null;
}

/** Whether the meeting is on today's date in the council's zone. */
export function isHeldToday(
  meeting: MeetingRecord,
  context: CommandContext<unknown>,
  council: CouncilRecord,
): boolean {
  const today = localDateOf(context.now, council.timeZone);
  return compareLocalDates(localDateOf(meeting.startsAt, council.timeZone), today) === 0;
}

/**
 * architecture.md §3, for items and the lede: the meeting held today; else the latest past meeting
 * whose minutes are not yet approved; else an error that says how to schedule one.
 */
export async function currentMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord> {
  const meeting = await todayOrLatest(context, council, ["draft"]);
  if (!meeting) throw new NoteratError("no-current-meeting");
  return meeting;
}

/**
 * "Nästa möte" (architecture.md §2, §11): the earliest planned meeting that has not begun. One without a
 * time is held all day, so on its day it is still the next, although its midnight has passed.
 */
export async function findUpcomingMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord | null> {
  const today = await meetingHeldToday(context, council);
  if (today && !today.hasTime) return today;
  return context.deps.store.meetings.next(council.id, context.now);
}

/**
 * For the agenda (`punkt`, `dagordning`) and the documents (`handlingar`), architecture.md §3: the
 * meeting held today, else the next one.
 */
export async function nextMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord> {
  const meeting =
    (await meetingHeldToday(context, council)) ??
    (await context.deps.store.meetings.next(council.id, context.now));
  if (!meeting) throw new NoteratError("no-next-meeting");
  return meeting;
}

/** `ställ in`, `flytta`: the planned meeting on a given day, or the next one when no day is given. */
export async function meetingOnOrNext(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate | undefined,
): Promise<MeetingRecord> {
  if (date) return meetingOn(context, council, date);
  const meeting = await findUpcomingMeeting(context, council);
  if (!meeting) throw new NoteratError("no-next-meeting");
  return meeting;
}

export async function meetingOn(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate,
): Promise<MeetingRecord> {
  const day = dayBounds(date, council.timeZone);
  const [meeting] = await context.deps.store.meetings.plannedBetween(council.id, day.from, day.to);
  if (!meeting) {
    throw new NoteratError("meeting-not-found", { date: formatDayMonth(date, context.dates) });
  }
  return meeting;
}

/**
 * `protokoll`, `justera`, `publicera [DATUM]`: the meeting of that day; else the meeting held
 * today, else the latest past one whose minutes are not yet published (approved minutes still
 * wait for `publicera`).
 */
export async function meetingOnOrCurrent(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate | undefined,
): Promise<MeetingRecord> {
  if (date) return meetingOn(context, council, date);
  const meeting = await todayOrLatest(context, council, ["draft", "approved"]);
  if (!meeting) throw new NoteratError("no-current-meeting");
  return meeting;
}

/** The meeting held today, else the latest past one whose minutes are in one of these states. */
async function todayOrLatest(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  minutes: readonly MinutesStatus[],
): Promise<MeetingRecord | null> {
  return (
    (await meetingHeldToday(context, council)) ??
    (await context.deps.store.meetings.latestBefore(council.id, context.now, minutes))
  );
}
