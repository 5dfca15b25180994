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
  assertSecretary(context.role);
  const { deps, command, actor, now, t } = context;
  const { body } = command;
  const item = await deps.store.items.byRef(council.id, command.ref);
  if (item && !item.removedAt) {
    // "senast DATUM" on an item would silently fall out of its text.
    if (body.text === undefined || body.due !== undefined) {
      throw new NoteratError("no-due-on-item", { ref: item.ref });
    }
    const change =
      item.kind === "agenda"
        ? { heading: body.heading ?? body.text }
        : { ...(body.heading === undefined ? {} : { heading: body.heading }), text: body.text };
    await deps.store.items.change(item, change, actor.id, now);
    return textReply("channel", t.t("entry.edited", { ref: item.ref }));
  }
  const action = await deps.store.actions.byRef(council.id, command.ref);
  if (action && !action.removedAt) {
    const text =
      body.text === undefined || body.heading === undefined
        ? body.text
        : `${body.heading}: ${body.text}`;
    const dueAt = body.due ? startOfDay(body.due, council.timeZone) : undefined;
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
