import { NoteratError } from "../domain/errors.js";
import { assertMayComplete } from "../domain/permissions.js";
import { actionEntry } from "./action-entries.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `klar ID`: by an assignee or the secretary. */
export const completeAction: CommandHandler<"done"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, command, actor, t } = context;
  const action = await deps.store.actions.byRef(council.id, command.ref);
  if (!action || action.removedAt) {
    const item = await deps.store.items.byRef(council.id, command.ref);
    throw new NoteratError(item && !item.removedAt ? "not-an-action" : "not-found", {
      ref: command.ref,
    });
  }
  assertMayComplete(
    context.role,
    action.assignees.some((person) => person.id === actor.id),
  );
  if (action.status !== "open") throw new NoteratError("already-done", { ref: action.ref });
  const done = await deps.store.actions.complete(action, actor.id, context.now);
  if (!done) throw new NoteratError("already-done", { ref: action.ref });
  return {
    audience: "channel",
    blocks: [
      {
        type: "actions",
        title: t.t("action.completed", { name: actor.displayName }),
        actions: [actionEntry(done, context)],
      },
    ],
  };
};
