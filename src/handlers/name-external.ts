import { handleOf } from "../domain/command/external-assignee.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/**
 * `extern NAMN`: an assignee outside the chat (a unit, an absent member), who can be given
 * actions as `@handle` from now on. They are listed and minuted as anyone, but never reminded.
 */
export const nameExternal: CommandHandler<"external"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, actor, now, t } = context;
  const handle = handleOf(command.name);
  const { person, created } = await deps.store.actions.nameExternal(
    council.id,
    { handle, name: command.name },
    actor.id,
    now,
  );
  return textReply(
    "channel",
    t.t(created ? "external.named" : "external.exists", { name: person.displayName, handle }),
  );
};
