import type { ReplyBody } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { requireCouncil } from "./scope.js";

/** `nästa`: the next meeting with its agenda and documents. */
export const showNextMeeting: CommandHandler<"next"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, t } = context;
  const meeting = await deps.store.meetings.next(council.id, context.now);
  if (!meeting)
    return { audience: "caller", blocks: [{ type: "text", text: t.t("meeting.none-planned") }] };
  const agenda = (await deps.store.items.ofMeeting(meeting.id)).filter(
    (item) => item.kind === "agenda",
  );
  const reply: ReplyBody = {
    audience: "caller",
    blocks: [
      {
        type: "text",
        text: t.t("meeting.next", {
          council: council.name,
          meeting: describeMeeting(meeting, context),
        }),
      },
    ],
  };
  if (agenda.length > 0) {
    reply.blocks.push({
      type: "list",
      title: t.t("agenda.title"),
      lines: agenda.map((item) => t.t("agenda.line", { ref: item.ref, heading: item.heading })),
    });
  }
  if (meeting.documentsUrl) {
    reply.blocks.push({
      type: "text",
      text: t.t("meeting.documents", { url: meeting.documentsUrl }),
    });
  }
  return reply;
};
