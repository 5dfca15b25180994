import type { CommandHandler } from "./command-registry.js";
import { describeMeeting, meetingDetails } from "./meeting-description.js";
import { findUpcomingMeeting, requireCouncil } from "./scope.js";
import { archiveLinks } from "./web-links.js";

/** `nästa`: the next meeting (an all-day one all its day) with its agenda and documents. */
export const showNextMeeting: CommandHandler<"next"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, t } = context;
  const meeting = await findUpcomingMeeting(context, council);
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
      ...(await archiveLinks(context, council)).map((text) => ({ type: "text" as const, text })),
    ],
  };
};
