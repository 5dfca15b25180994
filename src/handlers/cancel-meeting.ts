import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { meetingOnOrNext, requireCouncil } from "./scope.js";

/** `ställ in [DATUM]`: the next meeting, or the one on the date, is cancelled. */
export const cancelMeeting: CommandHandler<"cancel"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const meeting = await meetingOnOrNext(context, council, context.command.date);
  await context.deps.store.meetings.change(
    meeting,
    { status: "cancelled" },
    { action: "cancelled", actorId: context.actor.id, at: context.now },
  );
  return textReply(
    "channel",
    context.t.t("meeting.cancelled", { meeting: describeMeeting(meeting, context) }),
  );
};
