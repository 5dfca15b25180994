import { randomUUID } from "node:crypto";
import { createTranslator } from "../../domain/i18n/translator.js";
import type { Notifier } from "../../handlers/reminder-notice.js";
import { renderReplyText } from "../../render/reply-text.js";

/** The console's reminders: printed as they fire, addressed to the person or the channel. */
export function localNotifier(output: NodeJS.WritableStream): Notifier {
  return {
    async deliver({ target, reply }) {
      const { t } = createTranslator(reply.locale);
      const heading =
        target.type === "person"
          ? t("local.reminder-to", { name: target.person.displayName })
          : t("local.reminder-channel");
      output.write(`${heading}\n${renderReplyText(reply)}\n\n`);
      return { ok: true, ref: `local:${randomUUID()}` };
    },
  };
}
