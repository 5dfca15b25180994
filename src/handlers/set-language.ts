import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/**
 * `språk sv|en`: the council's language in its channels, posts and channel reminders. The
 * command path answers it in the language chosen (reply-locale.ts).
 */
export const setLanguage: CommandHandler<"language"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { command, deps, t } = context;
  const changed = await deps.store.councils.changeSettings(
    council.id,
    { locale: command.locale },
    context.actor.id,
    context.now,
  );
  const params = { council: council.name, language: t.t(`settings.language.${command.locale}`) };
  return changed
    ? textReply("channel", t.t("language.set", params))
    : textReply("caller", t.t("language.unchanged", params));
};
