import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/**
 * `koppla bort`: this channel leaves its council; the council, its history and its other
 * channels stay. Its last channel may go too: the reply says how the secretary reaches the
 * council again (`råd NAMN` in the same workspace finds a council whose secretary is there).
 */
export const unlinkChannel: CommandHandler<"unlink"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, t } = context;
  const left = await deps.store.councils.unbind(context.place, context.actor.id, context.now);
  // Unbound between reading the council and now, by another secretary's `koppla bort`.
  if (left === null) throw new NoteratError("no-council");
  return textReply(
    "channel",
    t.t(left === 0 ? "unlink.last" : "unlink.done", { council: council.name }),
  );
};
