import { addDays, isoDate } from "../dates/local-date.js";
import { workingDayOnOrAfter } from "../dates/working-days.js";
import { localDateOf } from "../dates/zoned-time.js";
import { createTranslator } from "../i18n/translator.js";
import type { LocalDate } from "../types.js";
import type { ProtocolDocument, ProtocolRow } from "./protocol-document.js";

// The notice of approval (anslag, architecture.md §12): posted the first working day after the
// protocol is fully approved, up for three weeks; the appeal period runs three weeks from the
// posting. A period that ends on a Saturday, a Sunday, a holiday, midsommarafton, julafton or
// nyårsafton ends on the next working day (lag 1930:173 om beräkning av lagstadgad tid).

export interface NoticeDates {
  postedOn: LocalDate;
  takenDownOn: LocalDate;
  lastAppealDay: LocalDate;
}

const NOTICE_DAYS = 21;

export function noticeDates(justeradAt: Date, timeZone: string): NoticeDates {
  const postedOn = workingDayOnOrAfter(addDays(localDateOf(justeradAt, timeZone), 1));
  const takenDownOn = addDays(postedOn, NOTICE_DAYS);
  return { postedOn, takenDownOn, lastAppealDay: workingDayOnOrAfter(takenDownOn) };
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
