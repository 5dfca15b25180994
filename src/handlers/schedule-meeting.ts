import { toInstant } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { dayBounds, requireCouncil } from "./scope.js";

/** `möte DATUM [kl HH:MM] [PLATS]`. A past date is allowed: minutes are often written afterwards. */
export const scheduleMeeting: CommandHandler<"meeting"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.role);
  const { command, deps, actor, now, t } = context;
  const day = dayBounds(command.date, council.timeZone);
  const [sameDay] = await deps.store.meetings.plannedBetween(council.id, day.from, day.to);
  if (sameDay) {
    throw new NoteratError("meeting-exists", { date: formatDayMonth(command.date, context.dates) });
  }
  const meeting = await deps.store.meetings.create({
    councilId: council.id,
    startsAt: toInstant(command.date, command.time ?? { hour: 0, minute: 0 }, council.timeZone),
    hasTime: command.time !== undefined,
    place: command.place ?? null,
    actorId: actor.id,
    at: now,
  });
  return textReply(
    "channel",
    t.t("meeting.scheduled", { meeting: describeMeeting(meeting, context) }),
  );
};
