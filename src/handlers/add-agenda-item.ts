import { toLocal } from "../domain/dates/zoned-time.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { nextMeeting, requireCouncil } from "./scope.js";

/** `punkt RUBRIK`: a planned point on the agenda (dagordning) of today's or the next meeting. */
export const addAgendaItem: CommandHandler<"agenda-add"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const meeting = await nextMeeting(context, council);
  const { item } = await context.deps.store.items.record({
    councilId: council.id,
    meetingId: meeting.id,
    kind: "agenda",
    heading: context.command.heading,
    text: "",
    authorId: context.actor.id,
    paragraphYear: toLocal(meeting.startsAt, council.timeZone).year,
    ...(context.deliveryKey === undefined ? {} : { dedupKey: context.deliveryKey }),
    at: context.now,
  });
  return textReply(
    "channel",
    context.t.t("agenda.added", {
      ref: item.ref,
      heading: item.heading,
      meeting: describeMeeting(meeting, context),
    }),
  );
};
