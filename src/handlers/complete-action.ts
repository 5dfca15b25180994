import { NoteratError } from "../domain/errors.js";
import { actionEntry } from "./action-entries.js";
import type { CommandHandler } from "./command-registry.js";
import { ownOpenAction } from "./own-open-action.js";
import { requireCouncil } from "./scope.js";

/** `klar ID`: by an assignee or the secretary. */
export const completeAction: CommandHandler<"done"> = async (context) => {
  const council = requireCouncil(context);
  const { deps, command, actor, t } = context;
  const action = await ownOpenAction(context, council, command.ref);
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
