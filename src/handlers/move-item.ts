import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import type { CouncilRecord, ItemRecord } from "../domain/records.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import type { CommandContext } from "./context.js";
import { requireCouncil } from "./scope.js";

/**
 * `flytta ID före ID2`: puts item ID just before item ID2 of the same meeting (agenda points
 * too). Reopens the minutes when a minuted item moves, as `ändra` does; audited.
 */
export const moveItem: CommandHandler<"move-item"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, actor, now, t } = context;
  if (command.ref === command.before) {
    throw new NoteratError("item-before-itself", { ref: command.ref });
  }
  const item = await liveItem(context, council, command.ref);
  const target = await liveItem(context, council, command.before);
  if (item.meetingId !== target.meetingId) {
    throw new NoteratError("items-in-different-meetings", {
      ref: command.ref,
      before: command.before,
    });
  }
  // In notes mode an agenda point is no part of the minutes; in protocol mode it is a §.
  const minuted = item.kind !== "agenda" || council.mode === "protocol";
  const moved = await deps.store.items.moveBefore(item, target, actor.id, now, minuted);
  const params = { ref: command.ref, before: command.before };
  return textReply("channel", t.t(moved ? "item.moved" : "item.move-unchanged", params));
};

/** Item #ref as it stands, or what it is instead: withdrawn, an action, nothing. */
async function liveItem(
  context: CommandContext<unknown>,
  council: CouncilRecord,
  ref: number,
): Promise<ItemRecord> {
  const { store } = context.deps;
  const item = await store.items.byRef(council.id, ref);
  if (item?.removedAt) throw new NoteratError("already-removed", { ref });
  if (item) return item;
  const action = await store.actions.byRef(council.id, ref);
  throw new NoteratError(action ? "not-an-item" : "not-found", { ref });
}
