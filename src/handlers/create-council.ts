import { NoteratError } from "../domain/errors.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";

/** `råd NAMN`: a new council bound to this channel, or this channel bound to the caller's council. */
export const createCouncil: CommandHandler<"council"> = async (context) => {
  const { command, deps, place, t, now } = context;
  if (context.council) {
    throw new NoteratError("already-bound", { council: context.council.name });
  }
  const { councils } = deps.store;
  const actor = await context.storedActor();
  // Only the caller's own council is bound here. To anyone else a council of that name elsewhere
  // does not exist: they get a council of their own, and the very reply they would get anyway.
  const own = await councils.findBySecretary(command.name, actor.id);
  if (own) {
    await councils.bind(own.id, place, actor.id, now);
    return textReply("channel", t.t("council.bound", { council: own.name }));
  }
  const council = await councils.create({
    name: command.name,
    place,
    creatorId: actor.id,
    locale: deps.defaults.locale,
    timeZone: deps.defaults.timeZone,
    at: now,
  });
  return textReply(
    "channel",
    t.t("council.created", { council: council.name, name: actor.displayName }),
  );
};
