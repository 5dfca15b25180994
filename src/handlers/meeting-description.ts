import { formatDateTime, formatWeekdayDayMonth } from "../domain/i18n/format-date.js";
import type { MeetingRecord } from "../domain/records.js";
import type { ReplyContext } from "./context.js";

/** "tisdag 30 maj kl. 13.00, Stadshuset" — the time only when one was given. */
export function describeMeeting(meeting: MeetingRecord, context: ReplyContext): string {
  const when = meeting.hasTime
    ? formatDateTime(meeting.startsAt, context.dates)
    : formatWeekdayDayMonth(meeting.startsAt, context.dates);
  return meeting.place ? context.t.t("meeting.at-place", { when, place: meeting.place }) : when;
}
