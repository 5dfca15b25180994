import { assertSecretary } from "../domain/permissions.js";
import { actionEntry } from "./action-entries.js";
import type { CommandHandler } from "./command-registry.js";
import { findCurrentMeeting, requireCouncil, startOfDay } from "./scope.js";

/**
 * `uppdrag @PERSON … TEXT [senast DATUM]`. Given during a meeting, the action belongs to it and
 * to the item logged last, which is where the minutes show it; given between meetings it
 * belongs to neither.
 */
export const assignAction: CommandHandler<"action"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.role);
  const { command, deps, place, actor, now, t } = context;
  const meeting = await findCurrentMeeting(context, council);
  const lastItem = meeting
    ? (await deps.store.items.ofMeeting(meeting.id)).filter((item) => item.kind !== "agenda").at(-1)
    : undefined;
  const assignees = [];
  for (const mention of command.assignees) {
    assignees.push(await deps.store.people.ensureMentioned(mention, place));
  }
  const { action } = await deps.store.actions.create({
    councilId: council.id,
    meetingId: meeting?.id ?? null,
    itemId: lastItem?.id ?? null,
    text: command.text,
    dueAt: command.due ? startOfDay(command.due, council.timeZone) : null,
    assigneeIds: [...new Set(assignees.map((person) => person.id))],
    createdById: actor.id,
    ...(context.deliveryKey === undefined ? {} : { dedupKey: context.deliveryKey }),
    at: now,
  });
  return {
    audience: "channel",
    blocks: [
      { type: "actions", title: t.t("action.assigned"), actions: [actionEntry(action, context)] },
    ],
  };
};
