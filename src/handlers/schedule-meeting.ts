import { toInstant } from "../domain/dates/zoned-time.js";
import { NoteratError } from "../domain/errors.js";
import { formatDayMonth } from "../domain/i18n/format-date.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import { PROCEDURES } from "../domain/types.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { dayBounds, requireCouncil } from "./scope.js";

/** `möte DATUM [kl HH:MM] [PLATS]`. A past date is allowed: minutes are often written afterwards. */
export const scheduleMeeting: CommandHandler<"meeting"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
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
  const reply = t.t("meeting.scheduled", { meeting: describeMeeting(meeting, context) });
  if (council.mode !== "protocol") return textReply("channel", reply);
  // A protocol's procedural §§ are planned with the meeting; the secretary fills them in.
  for (const procedure of PROCEDURES) {
    await deps.store.items.record({
      councilId: council.id,
      meetingId: meeting.id,
      kind: "agenda",
      heading: t.t(`procedure.${procedure}`),
      text: "",
      authorId: actor.id,
      paragraphYear: command.date.year,
      procedure,
      at: now,
    });
  }
  return textReply("channel", reply, t.t("meeting.procedures-planned"));
};
