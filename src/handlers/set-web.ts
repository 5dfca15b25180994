import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import { archivePaths } from "../domain/web/archive-paths.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `webb på|av`: the secretary shows the council's published minutes in the web archive, or not. */
export const setWeb: CommandHandler<"web"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { enabled } = context.command;
  const { t, deps } = context;
  const slug = await deps.store.web.setEnabled(council, enabled, context.actor.id, context.now);
  if (!enabled) return textReply("channel", t.t("web.off"));
  const index = archivePaths(slug).index;
  return textReply(
    "channel",
    deps.publicUrl === undefined
      ? t.t("web.on", { slug })
      : t.t("web.on-link", { url: `${deps.publicUrl}${index}` }),
  );
};
