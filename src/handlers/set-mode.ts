import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `läge protokoll|anteckningar`: the secretary chooses formal minutes or short notes. */
export const setMode: CommandHandler<"mode"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { mode } = context.command;
  const changed = await context.deps.store.protocol.setMode(
    council.id,
    mode,
    context.actor.id,
    context.now,
  );
  const { t } = context;
  if (!changed) return textReply("caller", t.t("mode.unchanged", { mode: t.t(`mode.${mode}`) }));
  return textReply("channel", t.t(`mode.set.${mode}`, { council: council.name }));
};
