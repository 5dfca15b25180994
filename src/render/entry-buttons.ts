import type { Translator } from "../domain/i18n/translator.js";
import type { ActionEntry, ReplyButton } from "../domain/reply.js";

/** "Klar" and "Skjut upp en vecka" under an open action, on every surface; none once it is closed. */
export function entryButtons(entry: ActionEntry, t: Translator): ReplyButton[] {
  if (entry.status !== "open") return [];
  return [
    {
      label: t.t("button.done"),
      command: `done ${entry.ref}`,
      councilId: entry.councilId,
      style: "primary",
    },
    { label: t.t("button.postpone"), command: `postpone ${entry.ref}`, councilId: entry.councilId },
  ];
}
