import { addDays, isoDate, weekdayOf } from "../dates/local-date.js";
import { localDateOf } from "../dates/zoned-time.js";
import { createTranslator } from "../i18n/translator.js";
import type { LocalDate } from "../types.js";
import type { ProtocolDocument, ProtocolRow } from "./protocol-document.js";

// The notice of approval (anslag, DESIGN.md §12): posted the first weekday after the protocol
// is fully approved, up for three weeks; the appeal period runs three weeks from the posting.
// Public holidays are not known here: only Saturdays and Sundays are skipped.

export interface NoticeDates {
  postedOn: LocalDate;
  takenDownOn: LocalDate;
  lastAppealDay: LocalDate;
}

const NOTICE_DAYS = 21;

export function noticeDates(justeradAt: Date, timeZone: string): NoticeDates {
  const postedOn = weekdayFrom(addDays(localDateOf(justeradAt, timeZone), 1));
  const takenDownOn = addDays(postedOn, NOTICE_DAYS);
  // A period that ends on a weekend ends on the Monday after.
  return { postedOn, takenDownOn, lastAppealDay: weekdayFrom(takenDownOn) };
}

/** `date`, or the Monday after when it is a Saturday or a Sunday. */
function weekdayFrom(date: LocalDate): LocalDate {
  const weekday = weekdayOf(date);
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

/** The protocol with its "ANSLAG/BEVIS"; the keeper row only when the council names one. */
export function withNotice(
  doc: ProtocolDocument,
  dates: NoticeDates,
  keeper: string | null,
): ProtocolDocument {
  const t = createTranslator(doc.locale);
  const place = keeper?.trim() ?? "";
  const rows: ProtocolRow[] = [
    { label: t.t("protocol.notice.body"), value: doc.body },
    ...(doc.meetingDate
      ? [{ label: t.t("protocol.notice.meeting-date"), value: doc.meetingDate }]
      : []),
    { label: t.t("protocol.notice.posted"), value: isoDate(dates.postedOn) },
    { label: t.t("protocol.notice.taken-down"), value: isoDate(dates.takenDownOn) },
    { label: t.t("protocol.notice.appeal"), value: isoDate(dates.lastAppealDay) },
    ...(place !== "" ? [{ label: t.t("protocol.notice.keeper"), value: place }] : []),
  ];
  return {
    ...doc,
    notice: { heading: t.t("protocol.notice"), text: t.t("protocol.notice.text"), rows },
  };
}
