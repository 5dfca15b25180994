import { addDays } from "../dates/local-date.js";
import { localDateOf, toInstant } from "../dates/zoned-time.js";

/** What decides when a meeting is no longer ahead. */
export interface MeetingStart {
  startsAt: Date;
  /** False for a meeting scheduled by date alone: stored at local midnight, held all day. */
  hasTime: boolean;
}

/**
 * From when reminders about a meeting are too late ("meeting-started"): its start, or for an
 * all-day meeting the end of its day in the council's zone (architecture.md §11). Its midnight is not
 * when it begins, and a day-before reminder that the council's hours move into its morning
 * is still worth sending.
 */
export function reminderCutoff(meeting: MeetingStart, timeZone: string): Date {
  if (meeting.hasTime) return meeting.startsAt;
  const day = localDateOf(meeting.startsAt, timeZone);
  return toInstant(addDays(day, 1), { hour: 0, minute: 0 }, timeZone);
}
