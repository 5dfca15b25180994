import type { CommandHandler } from "./command-registry.js";
import { followUpBlocks } from "./follow-up-actions.js";
import { describeMeeting } from "./meeting-description.js";
import { nextMeeting, requireCouncil } from "./scope.js";

/** `dagordning`: the meeting's agenda, which begins with the follow-up of actions, then its points. */
export const showAgenda: CommandHandler<"agenda-show"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, t } = context;
  const meeting = await nextMeeting(context, council);
  const agenda = (await deps.store.items.ofMeeting(meeting.id)).filter(
    (item) => item.kind === "agenda",
  );
  return {
    audience: "caller",
    blocks: [
      {
        type: "text",
        text: t.t("agenda.for-meeting", { meeting: describeMeeting(meeting, context) }),
      },
      ...(await followUpBlocks(deps, meeting, context)),
      agenda.length === 0
        ? { type: "text", text: t.t("agenda.empty") }
        : {
            type: "list",
            title: t.t("agenda.points"),
            lines: agenda.map((item) =>
              t.t("agenda.line", { ref: item.ref, heading: item.heading }),
            ),
          },
    ],
  };
};
