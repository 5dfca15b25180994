import { toInstant, toLocal } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { dayBounds, meetingOnOrNext, requireCouncil } from "./scope.js";

/** `flytta [DATUM] till DATUM [kl HH:MM]`: keeps the meeting's time unless a new one is given. */
export const moveMeeting: CommandHandler<"move"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps } = context;
  const meeting = await meetingOnOrNext(context, council, command.from);
  // Approved minutes name their meeting's day, and published ones are found on the web by it.
  if (meeting.minutesStatus !== "draft") {
    throw new NoteratError("meeting-has-minutes", {
      date: formatDayMonth(meeting.startsAt, context.dates),
    });
  }
  const target = dayBounds(command.to, council.timeZone);
  const [occupied] = await deps.store.meetings.plannedBetween(council.id, target.from, target.to);
  if (occupied && occupied.id !== meeting.id) {
    throw new NoteratError("meeting-exists", { date: formatDayMonth(command.to, context.dates) });
  }
  const kept = toLocal(meeting.startsAt, council.timeZone);
  const time = command.time ?? { hour: kept.hour, minute: kept.minute };
  const moved = await deps.store.meetings.change(
    meeting,
    {
      startsAt: toInstant(command.to, time, council.timeZone),
      hasTime: meeting.hasTime || command.time !== undefined,
    },
    { action: "moved", actorId: context.actor.id, at: context.now },
  );
  return textReply(
    "channel",
    context.t.t("meeting.moved", {
      from: describeMeeting(meeting, context),
      to: describeMeeting(moved, context),
    }),
  );
};
