import { NoteratError } from "../domain/errors.js";
import { assertMayComplete } from "../domain/permissions.js";
import type { ActionRecord, CouncilRecord } from "../domain/records.js";
import type { CommandContext } from "./context.js";

/**
 * The open action `ref` of the council, when the caller may follow it up (`klar`, `skjut upp`):
 * an assignee or the secretary. An item's number is named as one, not as missing.
 */
export async function ownOpenAction(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  ref: number,
): Promise<ActionRecord> {
  const { store } = context.deps;
  const action = await store.actions.byRef(council.id, ref);
  if (!action || action.removedAt) {
    const item = await store.items.byRef(council.id, ref);
    throw new NoteratError(item && !item.removedAt ? "not-an-action" : "not-found", { ref });
  }
  assertMayComplete(
    context.roles,
    action.assignees.some((person) => person.id === context.actor.id),
  );
  if (action.status !== "open") throw new NoteratError("already-done", { ref });
  return action;
}
