import type { MinutedItemKind } from "../types.js";
import type { CommandInput } from "./command-input.js";
import { readDateWords } from "./date-words.js";
import { splitDue } from "./due-suffix.js";
import { readRef } from "./entry-ref.js";
import { splitHeading } from "./heading-text.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { HEADING_LIMIT, overLimit, TEXT_LIMIT } from "./text-limits.js";
import { typedText } from "./tokens.js";

/** `noterat|diskussion|beslut RUBRIK: TEXT` */
export function itemParser(kind: MinutedItemKind): (input: CommandInput) => ParseResult {
  return (input) => {
    const written = typedText(input.source, input.args);
    if (written === "") return missingArgument(input, "item");
    const parts = splitHeading(written);
    if (parts === undefined || parts.heading === "") return rejected("missing-heading", "item");
    if (parts.text === "") return rejected("empty-text", "item");
    return (
      overLimit(parts.heading, HEADING_LIMIT, "item") ??
      overLimit(parts.text, TEXT_LIMIT, "item") ??
      parsed({ id: "item", kind, heading: parts.heading, text: parts.text })
    );
  };
}

/** `klar ID`, `stryk ID` */
export function refParser(id: "done" | "remove"): (input: CommandInput) => ParseResult {
  return (input) => {
    const [word] = input.args;
    if (word === undefined) return missingArgument(input, id);
    const ref = readRef(word.text);
    if (ref === undefined) return rejected("bad-id", id, { word: word.text });
    return input.args.length > 1 ? unexpectedArgument(input, 1, id) : parsed({ id, ref });
  };
}

/** `ändra ID TEXT`, where TEXT may be `RUBRIK: TEXT` and may end in `senast DATUM`. */
export function parseEdit(input: CommandInput): ParseResult {
  const { args, context } = input;
  const [word] = args;
  if (word === undefined) return missingArgument(input, "edit");
  const ref = readRef(word.text);
  if (ref === undefined) return rejected("bad-id", "edit", { word: word.text });
  if (args.length === 1) return missingArgument(input, "edit");
  const { end, due } = splitDue(args, 1, context);
  const written = typedText(input.source, args, 1, end);
  const parts = splitHeading(written);
  const { heading, text } =
    parts !== undefined && parts.heading !== "" ? parts : { heading: undefined, text: written };
  // "ändra 12 senast 30 maj" changes only an action's due date.
  if (text === "" && due !== undefined) return parsed({ id: "edit", ref, body: { due } });
  if (text === "") return rejected("empty-text", "edit");
  return (
    (heading === undefined ? undefined : overLimit(heading, HEADING_LIMIT, "edit")) ??
    overLimit(text, TEXT_LIMIT, "edit") ??
    parsed({
      id: "edit",
      ref,
      body: {
        ...(heading === undefined ? {} : { heading }),
        text,
        ...(due === undefined ? {} : { due }),
      },
    })
  );
}

const UNTIL_WORDS = new Set(["till", "to"]);

/** `skjut upp ID [till DATUM]` */
export function parsePostpone(input: CommandInput): ParseResult {
  const { args, context } = input;
  const [word, until] = args;
  if (word === undefined) return missingArgument(input, "postpone");
  const ref = readRef(word.text);
  if (ref === undefined) return rejected("bad-id", "postpone", { word: word.text });
  if (until === undefined) return parsed({ id: "postpone", ref });
  if (!UNTIL_WORDS.has(until.text.toLowerCase())) return unexpectedArgument(input, 1, "postpone");
  const date = readDateWords(args, context, 2);
  return date === undefined
    ? rejected("bad-date", "postpone", { word: typedText(input.source, args, 2) || until.text })
    : parsed({ id: "postpone", ref, until: date });
}
