import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CouncilRecord, ItemRecord, MeetingRecord } from "../domain/records.js";
import { storedAssignees } from "./assignees.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { entriesWithOrigin } from "./follow-up-actions.js";
import { meetingHeldToday, requireCouncil, startOfDay } from "./scope.js";

/**
 * `uppdrag [#ID] @PERSON … TEXT [senast DATUM]` (architecture.md §11). On the day of a meeting the
 * action belongs to it and to the item logged last, which is where its minutes show it. On any
 * other day it belongs to the council and to no minutes, so it never reopens earlier ones. `#ID`
 * ties it to that item (a decision, typically) without joining that item's minutes; only an
 * item of the meeting held today joins them, as any action given at the meeting does. An
 * assignee may be outside the chat (`@"Regionens kansli"`): listed and minuted, never reminded.
 */
export const assignAction: CommandHandler<"action"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, actor, now, t } = context;
  const heldToday = await meetingHeldToday(context, council);
  const { meetingId, itemId } =
    command.itemRef === undefined
      ? { meetingId: heldToday?.id ?? null, itemId: (await lastItemOf(context, heldToday))?.id }
      : tiedTo(await minutedItem(context, council, command.itemRef), heldToday);
  const { people, named } = await storedAssignees(context, council, command.assignees);
  const { action } = await deps.store.actions.create({
    councilId: council.id,
    meetingId,
    itemId: itemId ?? null,
    text: command.text,
    dueAt: command.due ? startOfDay(command.due, council.timeZone) : null,
    assigneeIds: [...new Set(people.map((person) => person.id))],
    createdById: actor.id,
    ...(context.deliveryKey === undefined ? {} : { dedupKey: context.deliveryKey }),
    at: now,
  });
  return {
    audience: "channel",
    blocks: [
      {
        type: "actions",
        title: t.t("action.assigned"),
        actions: entriesWithOrigin([action], context),
      },
      // Named in this command for the first time: how to name them next time.
      ...named.map((person) => ({
        type: "text" as const,
        text: t.t("external.named-in-action", {
          name: person.displayName,
          handle: person.externalId,
        }),
      })),
    ],
  };
};

async function lastItemOf(
  context: CommandContext<unknown>,
  meeting: MeetingRecord | null,
): Promise<ItemRecord | undefined> {
  if (!meeting) return undefined;
  const items = await context.deps.store.items.ofMeeting(meeting.id);
  return items.filter((item) => item.kind !== "agenda").at(-1);
}

/** Item #ref of the council as minuted (not an agenda point, not removed), or a clear error. */
async function minutedItem(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  ref: number,
): Promise<ItemRecord> {
  const { store } = context.deps;
  const item = await store.items.byRef(council.id, ref);
  if (item && item.kind !== "agenda" && !item.removedAt) return item;
  // An action's number, or a withdrawn or agenda item: named as such, not as missing.
  const exists = item ?? (await store.actions.byRef(council.id, ref));
  throw new NoteratError(exists ? "not-a-minuted-item" : "not-found", { ref });
}

function tiedTo(
  item: ItemRecord,
  heldToday: MeetingRecord | null,
): { meetingId: string | null; itemId: string } {
  return { meetingId: item.meetingId === heldToday?.id ? item.meetingId : null, itemId: item.id };
}
