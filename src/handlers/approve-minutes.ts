import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertApprover } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { loadMinutes } from "./minutes-document.js";
import { meetingOnOrCurrent, requireCouncil } from "./scope.js";

/** `justera`: the chair or an approver approves the current meeting's minutes as they stand. */
export const approveMinutes: CommandHandler<"approve"> = async (context) => {
  const council = requireCouncil(context);
  assertApprover(context.role);
  const meeting = await meetingOnOrCurrent(context, council, context.command.date);
  if (meeting.minutesStatus === "approved") throw new NoteratError("already-approved");
  if (meeting.minutesStatus === "published") throw new NoteratError("already-published");
  if (!(await loadMinutes(context, council, meeting))) throw new NoteratError("nothing-to-compile");
  const approved = await context.deps.store.meetings.approve(
    meeting,
    context.actor.id,
    context.now,
  );
  if (!approved) throw new NoteratError("already-approved");
  return textReply(
    "channel",
    context.t.t("minutes.approved", {
      date: formatDayMonth(meeting.startsAt, context.dates),
      name: context.actor.displayName,
    }),
  );
};
