// The words of the privacy commands (architecture.md §15) and of `publicera ändå`.
import type { CommandInput } from "./command-input.js";
import { readMention } from "./mention-words.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { refOrDateParser } from "./protocol-arguments.js";

const ANYWAY_WORDS = new Set(["ändå", "anyway"]);
const publishRefOrDate = refOrDateParser("publish");

/**
 * `publicera [ändå] [DATUM|ID]`: `ändå` publishes although the personal-data check found
 * something (the secretary has looked, and the audit trail records it).
 */
export function parsePublish(input: CommandInput): ParseResult {
  const [first] = input.args;
  if (first === undefined || !ANYWAY_WORDS.has(first.text.toLowerCase())) {
    return publishRefOrDate(input);
  }
  const read = publishRefOrDate({ ...input, args: input.args.slice(1) });
  return read.ok && read.command.id === "publish"
    ? parsed({ ...read.command, anyway: true })
    : read;
}

/** `glöm @P`: one person, asked about before anything is removed. */
export function parseForget(input: CommandInput): ParseResult {
  const [word] = input.args;
  if (word === undefined) return missingArgument(input, "forget");
  const person = readMention(word.text, input.context.readMention);
  if (person === undefined) return rejected("bad-mention", "forget", { word: word.text });
  return input.args.length > 1
    ? unexpectedArgument(input, 1, "forget")
    : parsed({ id: "forget", person });
}
