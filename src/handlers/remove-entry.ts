import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `stryk ID`: withdraws an item or action; the audit trail keeps it. */
export const removeEntry: CommandHandler<"remove"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, command, actor, now, t } = context;
  const item = await deps.store.items.byRef(council.id, command.ref);
  const action = item ? null : await deps.store.actions.byRef(council.id, command.ref);
  const entry = item ?? action;
  if (!entry) throw new NoteratError("not-found", { ref: command.ref });
  if (entry.removedAt) throw new NoteratError("already-removed", { ref: command.ref });
  if (item) {
    const minuted = item.kind !== "agenda" || council.mode === "protocol";
    await deps.store.items.remove(item, actor.id, now, minuted);
  }
  if (action) await deps.store.actions.remove(action, actor.id, now);
  return textReply("channel", t.t("entry.removed", { ref: command.ref }));
};
