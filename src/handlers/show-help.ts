import type { CommandId } from "../domain/command/parsed-command.js";
import { isMessageKey } from "../domain/i18n/translator.js";
import type { CommandHandler } from "./command-registry.js";
import { archiveLinks } from "./web-links.js";

/** The order a secretary meets the commands in: set up, plan, minute, follow up, publish. */
export const HELP_ORDER: readonly CommandId[] = [
  "council",
  "link",
  "role",
  "meeting",
  "move",
  "cancel",
  "agenda-add",
  "agenda-show",
  "next",
  "documents",
  "item",
  "action",
  "external",
  "edit",
  "item-kind",
  "move-item",
  "remove",
  "list-open",
  "list-mine",
  "list-overdue",
  "list-person",
  "done",
  "postpone",
  "reminders-show",
  "reminders-set",
  "search",
  "minutes",
  "minutes-pdf",
  "lede",
  "approve",
  "publish",
  "verify",
  "show",
  "mode",
  "settings",
  "register",
  "serving",
  "members",
  "attendance",
  "approvers",
  "reservation",
  "remark",
  "conflict",
  "vote",
  "immediate",
  "notice-show",
  "notice-set",
  "web",
  "rename",
  "language",
  "time-zone",
  "unlink",
  "log",
  "my-language",
  "forget",
  "confirm",
  "my-data",
  "help",
];

/** `hjälp`: every command's form, in the council's language, and where its archive is. */
export const showHelp: CommandHandler<"help"> = async (context) => {
  const { t, council } = context;
  const links = council ? await archiveLinks(context, council) : [];
  return {
    audience: "caller",
    blocks: [
      {
        type: "list",
        title: t.t("help.title"),
        lines: HELP_ORDER.map((id) => `usage.${id}`)
          .filter(isMessageKey)
          .map((key) => t.t(key)),
      },
      { type: "text", text: t.t("help.footer") },
      ...links.map((text) => ({ type: "text" as const, text })),
    ],
  };
};
