// Lookups that most handlers share: the council of the channel and the meeting a command means.
import { addDays } from "../domain/dates/local-date.js";
import { localDateOf, toInstant } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { LocalDate } from "../domain/types.js";
import type { CommandContext } from "./context.js";

const MIDNIGHT = { hour: 0, minute: 0 };

export function requireCouncil(context: CommandContext<unknown>): CouncilRecord {
  if (!context.council) throw new NoteratError("no-council");
  return context.council;
}

/** The instants that bound a local calendar day in the council's zone (23 or 25 hours at DST). */
export function dayBounds(date: LocalDate, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDay(date, timeZone), to: startOfDay(addDays(date, 1), timeZone) };
}

/** Local midnight of the date in the zone: how due dates and date-only meetings are stored. */
export function startOfDay(date: LocalDate, timeZone: string): Date {
  return toInstant(date, MIDNIGHT, timeZone);
}

/**
 * DESIGN.md §3: the meeting held today; else the latest past meeting whose minutes are not
 * published; else none.
 */
export async function findCurrentMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord | null> {
  const { meetings } = context.deps.store;
  const today = dayBounds(localDateOf(context.now, council.timeZone), council.timeZone);
  const [heldToday] = await meetings.plannedBetween(council.id, today.from, today.to);
  return heldToday ?? (await meetings.latestUnpublishedBefore(council.id, context.now));
}

/** The current meeting, or an error that says how to schedule one. */
export async function currentMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord> {
  const meeting = await findCurrentMeeting(context, council);
  if (!meeting) throw new NoteratError("no-current-meeting");
  return meeting;
}

export async function nextMeeting(
  context: CommandContext<unknown>,
  council: CouncilRecord,
): Promise<MeetingRecord> {
  const meeting = await context.deps.store.meetings.next(council.id, context.now);
  if (!meeting) throw new NoteratError("no-next-meeting");
  return meeting;
}

/** The planned meeting on a given day, or the next one when no day is given. */
export async function meetingOnOrNext(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate | undefined,
): Promise<MeetingRecord> {
  return date ? meetingOn(context, council, date) : nextMeeting(context, council);
}

async function meetingOn(
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

/** `protokoll`, `justera`, `publicera [DATUM]`: the meeting of that day, else the current one. */
export async function meetingOnOrCurrent(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  date: LocalDate | undefined,
): Promise<MeetingRecord> {
  return date ? meetingOn(context, council, date) : currentMeeting(context, council);
}
