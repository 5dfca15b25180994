// The words of the council's administration: its language and time zone, unbinding a channel,
// the audit trail, and a person's own language.
import { isValidTimeZone } from "../dates/zoned-time.js";
import type { Locale } from "../types.js";
import type { CommandInput } from "./command-input.js";
import { readRef } from "./entry-ref.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";

type ArgumentParser = (input: CommandInput) => ParseResult;

/** `sv` and `en` as the settings show them, and the languages' names in either language. */
const LANGUAGE_WORDS: ReadonlyMap<string, Locale> = new Map([
  ["sv", "sv"],
  ["svenska", "sv"],
  ["swedish", "sv"],
  ["en", "en"],
  ["engelska", "en"],
  ["english", "en"],
]);

/** `språk sv|en` (the council's) and `mitt språk sv|en` (the caller's own). */
export function languageParser(id: "language" | "my-language"): ArgumentParser {
  return (input) => {
    const [word] = input.args;
    if (word === undefined) return missingArgument(input, id);
    const locale = LANGUAGE_WORDS.get(word.text.toLowerCase());
    if (locale === undefined) return rejected("bad-language", id, { word: word.text });
    return input.args.length > 1 ? unexpectedArgument(input, 1, id) : parsed({ id, locale });
  };
}

/**
 * `tidszon ZON`: an IANA zone, checked as the configuration checks NOTERAT_TIME_ZONE, and kept
 * as the runtime names it ("europe/stockholm" is stored and shown as "Europe/Stockholm").
 */
export const parseTimeZone: ArgumentParser = (input) => {
  const [word] = input.args;
  if (word === undefined) return missingArgument(input, "time-zone");
  if (!isValidTimeZone(word.text)) {
    return rejected("bad-time-zone", "time-zone", { word: word.text });
  }
  if (input.args.length > 1) return unexpectedArgument(input, 1, "time-zone");
  const timeZone = new Intl.DateTimeFormat("en", { timeZone: word.text }).resolvedOptions()
    .timeZone;
  return parsed({ id: "time-zone", timeZone });
};

/** `logg [ID]`: the council's audit trail, or one item's or action's. */
export const parseLog: ArgumentParser = (input) => {
  const [word] = input.args;
  if (word === undefined) return parsed({ id: "log" });
  const ref = readRef(word.text);
  if (ref === undefined) return rejected("bad-id", "log", { word: word.text });
  return input.args.length > 1 ? unexpectedArgument(input, 1, "log") : parsed({ id: "log", ref });
};
