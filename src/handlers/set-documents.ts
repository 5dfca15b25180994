import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { nextMeeting, requireCouncil } from "./scope.js";

/** `handlingar URL`: for today's meeting, else the next one (never a past one's minutes). */
export const setDocuments: CommandHandler<"documents"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const meeting = await nextMeeting(context, council);
  await context.deps.store.meetings.change(
    meeting,
    { documentsUrl: context.command.url },
    { action: "changed", actorId: context.actor.id, at: context.now },
  );
  return textReply(
    "channel",
    context.t.t("meeting.documents-set", {
      meeting: describeMeeting(meeting, context),
      url: context.command.url,
    }),
  );
};
