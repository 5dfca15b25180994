import type { CommandId, ParsedCommand } from "../domain/command/parsed-command.js";
import type { Locale } from "../domain/types.js";

/**
 * Commands whose every answer goes to the caller alone: someone who chose a language of their
 * own (`mitt språk`) gets these in it. The council's documents (drafts, PDFs) and what the
 * channel sees stay in the council's language.
 */
const ANSWERED_PRIVATELY: ReadonlySet<CommandId> = new Set<CommandId>([
  "help",
  "next",
  "agenda-show",
  "list-open",
  "list-mine",
  "list-overdue",
  "list-person",
  "search",
  "show",
  "verify",
  "settings",
  "reminders-show",
  "members",
  "notice-show",
  "my-data",
  "log",
]);

/**
 * The language a command is answered in: the council's (or the default where there is none);
 * the caller's own for what only they see; the one just chosen after `språk` and `mitt språk`.
 * Refusals and parse errors, shown to the caller alone, use `ownLocale` too.
 */
export function replyLocale(
  command: ParsedCommand,
  councilLocale: Locale,
  ownLocale: Locale | null,
): Locale {
  if (command.id === "language" || command.id === "my-language") return command.locale;
  return ANSWERED_PRIVATELY.has(command.id) ? (ownLocale ?? councilLocale) : councilLocale;
}
