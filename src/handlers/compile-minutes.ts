import { NoteratError } from "../domain/errors.js";
import { assertMayReadDraft } from "../domain/permissions.js";
import type { CommandHandler } from "./command-registry.js";
import { loadMinutes } from "./minutes-document.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";

/** `protokoll`: the current meeting's post as a draft, shown only to the caller. */
export const showMinutesDraft: CommandHandler<"minutes"> = async (context) => {
  const council = requireCouncil(context);
  assertMayReadDraft(context.role);
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  const document = await loadMinutes(context, council, meeting);
  if (!document) throw new NoteratError("nothing-to-compile");
  const { t } = context;
  const next =
    meeting.minutesStatus === "approved"
      ? t.t("minutes.draft-approved")
      : t.t("minutes.draft-next");
  return {
    audience: "caller",
    blocks: [
      { type: "minutes", meetingId: meeting.id, status: meeting.minutesStatus, document },
      { type: "text", text: next },
    ],
  };
};
