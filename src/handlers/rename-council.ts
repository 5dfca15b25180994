import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/**
 * `byt namn NAMN`: the council's new name, in every channel it is bound to; the web archive's
 * addresses follow it, and the old ones lead to the new.
 */
export const renameCouncil: CommandHandler<"rename"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { name } = context.command;
  await context.deps.store.web.rename(council, name, context.actor.id, context.now);
  return textReply("channel", context.t.t("council.renamed", { council: name }));
};
