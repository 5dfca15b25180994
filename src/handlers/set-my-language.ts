import { textReply } from "../domain/reply.js";
import type { CommandHandler } from "./command-registry.js";

/**
 * `mitt språk sv|en`: the caller's own language, in any council and in a personal chat. Replies
 * only they see and their private reminders use it; channels keep their council's language. The
 * command path answers it in the language chosen (reply-locale.ts).
 */
export const setMyLanguage: CommandHandler<"my-language"> = async (context) => {
  const { locale } = context.command;
  const person = await context.storedActor();
  await context.deps.store.people.setLocale(person.id, locale);
  const { t } = context;
  return textReply(
    "caller",
    t.t("my-language.set", { language: t.t(`settings.language.${locale}`) }),
  );
};
