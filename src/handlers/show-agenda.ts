import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { nextMeeting, requireCouncil } from "./scope.js";

/** `dagordning`: the next meeting's planned points. */
export const showAgenda: CommandHandler<"agenda-show"> = async (context) => {
  const council = requireCouncil(context);
  const { t } = context;
  const meeting = await nextMeeting(context, council);
  const agenda = (await context.deps.store.items.ofMeeting(meeting.id)).filter(
    (item) => item.kind === "agenda",
  );
  const title = t.t("agenda.for-meeting", { meeting: describeMeeting(meeting, context) });
  if (agenda.length === 0) {
    return {
      audience: "caller",
      blocks: [{ type: "text", text: `${title}\n${t.t("agenda.empty")}` }],
    };
  }
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title,
        lines: agenda.map((item) => t.t("agenda.line", { ref: item.ref, heading: item.heading })),
      },
    ],
  };
};
