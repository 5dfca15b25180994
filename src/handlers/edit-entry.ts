import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil, startOfDay } from "./scope.js";

/**
 * `ändra ID TEXT`: corrects an item (heading and text when written `RUBRIK: TEXT`, else the
 * text; an agenda point's heading) or an action (text, and due date with `senast DATUM`).
 * The audit trail keeps what it said before.
 */
export const editEntry: CommandHandler<"edit"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, command, actor, now, t } = context;
  const { body } = command;
  const { noSuchDate } = body.action;
  // Refused whole, item or action: a day that does not exist is never kept as text (nor
  // dropped), whatever the entry is.
  if (noSuchDate !== undefined) {
    throw new NoteratError("no-such-date", { ref: command.ref, date: noSuchDate });
  }
  const item = await deps.store.items.byRef(council.id, command.ref);
  if (item && !item.removedAt) {
    // An item has no due date: "lämnas senast 30 maj" is what its text says. In protocol mode
    // an agenda point is a § of the protocol, filled in like any item.
    const minuted = item.kind !== "agenda" || council.mode === "protocol";
    const change = minuted
      ? { ...(body.heading === undefined ? {} : { heading: body.heading }), text: body.text }
      : { heading: body.heading ?? body.text };
    await deps.store.items.change(item, change, actor.id, now, minuted);
    return textReply("channel", t.t("entry.edited", { ref: item.ref }));
  }
  const action = await deps.store.actions.byRef(council.id, command.ref);
  if (action && !action.removedAt) {
    const { text, due } = body.action;
    const dueAt = due ? startOfDay(due, council.timeZone) : undefined;
    await deps.store.actions.change(
      action,
      { ...(text === undefined ? {} : { text }), ...(dueAt ? { dueAt } : {}) },
      actor.id,
      now,
    );
    return textReply("channel", t.t("entry.edited", { ref: action.ref }));
  }
  throw new NoteratError("not-found", { ref: command.ref });
};
