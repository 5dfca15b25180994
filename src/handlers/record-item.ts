import { toLocal } from "../domain/dates/zoned-time.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { loadRoster, rosterQuorum } from "./meeting-roster.js";
import { describeQuorum } from "./record-attendance.js";
import { currentMeeting, isHeldToday, requireCouncil } from "./scope.js";

/** `noterat`, `diskussion`, `beslut RUBRIK: TEXT` in the current meeting. */
export const recordItem: CommandHandler<"item"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, actor, now, t } = context;
  const meeting = await currentMeeting(context, council);
  const { item } = await deps.store.items.record({
    councilId: council.id,
    meetingId: meeting.id,
    kind: command.kind,
    heading: command.heading,
    text: command.text,
    authorId: actor.id,
    paragraphYear: toLocal(meeting.startsAt, council.timeZone).year,
    // A protocol numbers every § when it is justerat, in the order of the meeting.
    numbered: council.mode !== "protocol",
    ...(context.deliveryKey === undefined ? {} : { dedupKey: context.deliveryKey }),
    ...(command.sourceUrl === undefined ? {} : { sourceUrl: command.sourceUrl }),
    at: now,
  });
  const reply =
    item.paragraph === null
      ? t.t(
          command.kind === "decision"
            ? "item.recorded.decision-unnumbered"
            : `item.recorded.${command.kind}`,
          { ref: item.ref, heading: item.heading },
        )
      : t.t("item.recorded.decision", {
          ref: item.ref,
          heading: item.heading,
          paragraph: item.paragraph,
        });
  // A decision at a meeting that is not quorate still stands in the minutes, which say so.
  const quorum =
    council.mode === "protocol" && command.kind === "decision"
      ? rosterQuorum(await loadRoster(deps.store, meeting))
      : null;
  const warning = quorum && !quorum.met ? [describeQuorum(quorum, context)] : [];
  if (isHeldToday(meeting, context, council)) return textReply("channel", reply, ...warning);
  // Written after the meeting: say which meeting's minutes it went into.
  const date = formatDayMonth(meeting.startsAt, context.dates);
  return textReply("channel", t.t("item.recorded-in-meeting", { reply, date }), ...warning);
};
