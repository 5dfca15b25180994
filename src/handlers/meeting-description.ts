import { formatDateTime, formatWeekdayDayMonth } from "../domain/i18n/format-date.js";
import type { MeetingRecord } from "../domain/records.js";
import type { ReplyBlock } from "../domain/reply.js";
import type { HandlerDeps, ReplyContext } from "./context.js";
import { followUpBlocks } from "./follow-up-actions.js";

/** "tisdag 30 maj kl. 13.00, Stadshuset" — the time only when one was given. */
export function describeMeeting(meeting: MeetingRecord, context: ReplyContext): string {
  const when = meeting.hasTime
    ? formatDateTime(meeting.startsAt, context.dates)
    : formatWeekdayDayMonth(meeting.startsAt, context.dates);
  return meeting.place ? context.t.t("meeting.at-place", { when, place: meeting.place }) : when;
}

/**
 * A coming meeting's agenda, beginning with the follow-up of actions, and where its documents
 * are, as `nästa` and the meeting reminder show them.
 */
export async function meetingDetails(
  deps: HandlerDeps,
  meeting: MeetingRecord,
  context: ReplyContext,
): Promise<ReplyBlock[]> {
  const { t } = context;
  const agenda = (await deps.store.items.ofMeeting(meeting.id)).filter(
    (item) => item.kind === "agenda",
  );
  const blocks = await followUpBlocks(deps, meeting, context);
  if (agenda.length > 0) {
    blocks.push({
      type: "list",
      title: t.t("agenda.title"),
      lines: agenda.map((item) => t.t("agenda.line", { ref: item.ref, heading: item.heading })),
    });
  }
  if (meeting.documentsUrl) {
    blocks.push({ type: "text", text: t.t("meeting.documents", { url: meeting.documentsUrl }) });
  }
  return blocks;
}
