import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { describeMeeting } from "./meeting-description.js";
import { findUpcomingMeeting, requireCouncil } from "./scope.js";

/**
 * `tidszon ZON`: the council's zone. Meetings with a time keep their instant, so the reply shows
 * what the next one reads as in the new zone (all-day meetings and due dates keep their day);
 * reminders are planned in the zone each tick reads.
 */
export const setTimeZone: CommandHandler<"time-zone"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, t } = context;
  const { timeZone } = command;
  const changed = await deps.store.councils.changeSettings(
    council.id,
    { timeZone },
    context.actor.id,
    context.now,
  );
  if (!changed) {
    return textReply(
      "caller",
      t.t("time-zone.unchanged", { council: council.name, zone: timeZone }),
    );
  }
  const zoned = { ...council, timeZone };
  const inZone = { ...context, council: zoned, dates: { ...context.dates, timeZone } };
  const next = await findUpcomingMeeting(inZone, zoned);
  return textReply(
    "channel",
    t.t("time-zone.set", { council: council.name, zone: timeZone }),
    next
      ? t.t("meeting.next", { council: council.name, meeting: describeMeeting(next, inZone) })
      : t.t("meeting.none-planned"),
  );
};
