import type { CommandHandler } from "./command-registry.js";
import { describeMeeting, meetingDetails } from "./meeting-description.js";
import { requireCouncil } from "./scope.js";

/** `nästa`: the next meeting with its agenda and documents. */
export const showNextMeeting: CommandHandler<"next"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, t } = context;
  const meeting = await deps.store.meetings.next(council.id, context.now);
  if (!meeting)
    return { audience: "caller", blocks: [{ type: "text", text: t.t("meeting.none-planned") }] };
  return {
    audience: "caller",
    blocks: [
      {
        type: "text",
        text: t.t("meeting.next", {
          council: council.name,
          meeting: describeMeeting(meeting, context),
        }),
      },
      ...(await meetingDetails(deps, meeting, context)),
    ],
  };
};
