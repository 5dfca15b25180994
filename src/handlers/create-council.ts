import { NoteratError } from "../domain/errors.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";

/** `råd NAMN`: a new council bound to this channel, or this channel bound to an existing one. */
export const createCouncil: CommandHandler<"council"> = async (context) => {
  const { command, deps, place, t, now } = context;
  if (context.council) {
    throw new NoteratError("already-bound", { council: context.council.name });
  }
  const { councils, people } = deps.store;
  const existing = await councils.findByNameInWorkspace(command.name, place);
  const actor = existing ? context.actor : await context.storedActor();
  if (existing) {
    assertSecretary(await people.rolesIn(existing.id, actor.id));
    await councils.bind(existing.id, place, (await context.storedActor()).id, now);
    return textReply("channel", t.t("council.bound", { council: existing.name }));
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
