import { isoDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import type { Translator } from "../domain/i18n/translator.js";
import type { CouncilRecord, MeetingRecord } from "../domain/records.js";
import type { ReplyBlock, ReplyButton } from "../domain/reply.js";

/**
 * The next step under minutes shown to someone who may take it: "Justera" while they are a
 * draft, "Publicera" once approved. The buttons name the meeting by its date, so that a later
 * click acts on this meeting.
 */
export function minutesButtons(
  council: CouncilRecord,
  meeting: MeetingRecord,
  may: { approve: boolean; publish: boolean },
  t: Translator,
): ReplyBlock[] {
  const date = isoDate(localDateOf(meeting.startsAt, council.timeZone));
  const draft = meeting.minutesStatus === "draft";
  const button = (label: string, command: string): ReplyButton => ({
    label,
    command: `${command} ${date}`,
    councilId: council.id,
    style: "primary",
  });
  const buttons = [
    ...(draft && may.approve ? [button(t.t("button.approve"), "approve")] : []),
    ...(!draft && may.publish ? [button(t.t("button.publish"), "publish")] : []),
  ];
  return buttons.length > 0 ? [{ type: "buttons", buttons }] : [];
}
