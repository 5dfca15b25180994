import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { currentMeeting, isHeldToday, requireCouncil } from "./scope.js";

/** `ingress TEXT`: replaces the generated lede (the store sends approved minutes back to draft). */
export const setLede: CommandHandler<"lede"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const meeting = await currentMeeting(context, council);
  await context.deps.store.meetings.change(
    meeting,
    { lede: context.command.text },
    { action: "changed", actorId: context.actor.id, at: context.now },
  );
  if (isHeldToday(meeting, context, council)) {
    return textReply("caller", context.t.t("minutes.lede-set"));
  }
  const date = formatDayMonth(meeting.startsAt, context.dates);
  return textReply("caller", context.t.t("minutes.lede-set-in-meeting", { date }));
};
