import { isoDate } from "../domain/dates/local-date.js";
import { localDateOf } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { assertMayReadDraft } from "../domain/permissions.js";
import type { ReplyButton } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { loadMinutes } from "./minutes-document.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";

/**
 * `protokoll [DATUM]`: the meeting's post as a draft, shown only to the caller, with the next
 * step as a button for whoever may take it: "Justera" for the chair or an approver,
 * "Publicera" for the secretary once it is approved.
 */
export const showMinutesDraft: CommandHandler<"minutes"> = async (context) => {
  const council = requireCouncil(context);
  assertMayReadDraft(context.role);
  const { t, role } = context;
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  const document = await loadMinutes(context, council, meeting);
  if (!document) throw new NoteratError("nothing-to-compile");
  const status = meeting.minutesStatus;
  const next = status === "approved" ? t.t("minutes.draft-approved") : t.t("minutes.draft-next");
  // The button names the meeting by its date, so that a later click acts on this meeting.
  const date = isoDate(localDateOf(meeting.startsAt, council.timeZone));
  const buttons: ReplyButton[] = [];
  if (status === "draft" && (role === "chair" || role === "approver")) {
    buttons.push({
      label: t.t("button.approve"),
      command: `approve ${date}`,
      councilId: council.id,
      style: "primary",
    });
  }
  if (status !== "draft" && role === "secretary") {
    buttons.push({
      label: t.t("button.publish"),
      command: `publish ${date}`,
      councilId: council.id,
      style: "primary",
    });
  }
  return {
    audience: "caller",
    blocks: [
      { type: "minutes", meetingId: meeting.id, status, document },
      { type: "text", text: next },
      ...(buttons.length > 0 ? [{ type: "buttons" as const, buttons }] : []),
    ],
  };
};
