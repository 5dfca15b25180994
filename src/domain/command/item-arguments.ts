import type { MinutedItemKind } from "../types.js";
import type { CommandInput } from "./command-input.js";
import { parseEdit } from "./entry-arguments.js";
import { readRef } from "./entry-ref.js";
import { handleOf } from "./external-assignee.js";
import { splitHeading } from "./heading-text.js";
import { parseMove } from "./meeting-arguments.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { HEADING_LIMIT, overLimit } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

/** The words that log an item, naming the kind `ändra ID KIND` turns one into. */
const KIND_WORDS: Readonly<Record<string, MinutedItemKind>> = {
  noterat: "info",
  note: "info",
  diskussion: "discussion",
  discussion: "discussion",
  beslut: "decision",
  decision: "decision",
};

const BEFORE_WORDS = new Set(["före", "before"]);

/**
 * `ändra ID beslut|diskussion|noterat [TEXT]` changes an item's kind (and its text, written as
 * `ändra` writes it); anything else after the ID is `ändra ID TEXT` as before. Whether ID is an
 * item is the store's to say, so the kind form carries the plain reading for an action too.
 */
export function parseEditOrKind(input: CommandInput): ParseResult {
  const edit = parseEdit(input);
  const word = input.args[1]?.text.toLowerCase() ?? "";
  const kind = Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
  if (kind === undefined || !edit.ok || edit.command.id !== "edit") return edit;
  const written = typedText(input.source, input.args, 2);
  const parts = splitHeading(written);
  const { heading, text } =
    parts !== undefined && parts.heading !== "" ? parts : { heading: undefined, text: written };
  return (
    (heading === undefined ? undefined : overLimit(heading, HEADING_LIMIT, "item-kind")) ??
    parsed({
      id: "item-kind",
      ref: edit.command.ref,
      kind,
      ...(heading === undefined ? {} : { heading }),
      ...(text === "" ? {} : { text }),
      edit: edit.command.body,
    })
  );
}

/**
 * `flytta ID före ID2` moves an item; every other `flytta` moves a meeting, whose words never
 * have `före` second (`flytta 30 maj till 2 juni`, `flytta till fredag`).
 */
export function parseMoveItemOrMeeting(input: CommandInput): ParseResult {
  const [word, before, target] = input.args;
  if (word === undefined || !BEFORE_WORDS.has(before?.text.toLowerCase() ?? "")) {
    return parseMove(input);
  }
  const ref = readRef(word.text);
  if (ref === undefined) return rejected("bad-id", "move-item", { word: word.text });
  if (target === undefined) return missingArgument(input, "move-item");
  const beforeRef = readRef(target.text);
  if (beforeRef === undefined) return rejected("bad-id", "move-item", { word: target.text });
  return input.args.length > 3
    ? unexpectedArgument(input, 3, "move-item")
    : parsed({ id: "move-item", ref, before: beforeRef });
}

/** Quotes around the name are the user's way of marking it, not part of it. */
const QUOTED = /^["“”„»«](.*)["“”»«]$/u;

/** `extern NAMN`: the name as written, which must give a handle to type after `@`. */
export function parseExternal(input: CommandInput): ParseResult {
  const written = foldSpace(typedText(input.source, input.args));
  const name = foldSpace(written.replace(QUOTED, "$1"));
  if (name === "") return missingArgument(input, "external");
  if (handleOf(name) === "") return rejected("bad-external-name", "external", { word: name });
  return overLimit(name, HEADING_LIMIT, "external") ?? parsed({ id: "external", name });
}
