import type { MinutedItemKind } from "../types.js";
import type { CommandInput } from "./command-input.js";
import { readDateArgument } from "./date-words.js";
import { splitDue } from "./due-suffix.js";
import { readRef } from "./entry-ref.js";
import { splitHeading } from "./heading-text.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ActionEdit, ParseResult } from "./parsed-command.js";
import { HEADING_LIMIT, overLimit, TEXT_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

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

/** `klar ID`, `stryk ID`, `visa ID` */
export function refParser(id: "done" | "remove" | "show"): (input: CommandInput) => ParseResult {
  return (input) => {
    const [word] = input.args;
    if (word === undefined) return missingArgument(input, id);
    const ref = readRef(word.text);
    if (ref === undefined) return rejected("bad-id", id, { word: word.text });
    return input.args.length > 1 ? unexpectedArgument(input, 1, id) : parsed({ id, ref });
  };
}

/**
 * `ändra ID TEXT`, where TEXT may be `RUBRIK: TEXT` and may end in `senast DATUM`. Whether ID is
 * an item or an action is the store's to say, so both readings go to the handler.
 */
export function parseEdit(input: CommandInput): ParseResult {
  const { args } = input;
  const [word] = args;
  if (word === undefined) return missingArgument(input, "edit");
  const ref = readRef(word.text);
  if (ref === undefined) return rejected("bad-id", "edit", { word: word.text });
  if (args.length === 1) return missingArgument(input, "edit");
  const written = typedText(input.source, args, 1);
  const parts = splitHeading(written);
  const { heading, text } =
    parts !== undefined && parts.heading !== "" ? parts : { heading: undefined, text: written };
  if (text === "") return rejected("empty-text", "edit");
  const tooLong =
    (heading === undefined ? undefined : overLimit(heading, HEADING_LIMIT, "edit")) ??
    overLimit(text, TEXT_LIMIT, "edit");
  if (tooLong !== undefined) return tooLong;
  return parsed({
    id: "edit",
    ref,
    body: { ...(heading === undefined ? {} : { heading }), text, action: actionEdit(input) },
  });
}

/** The words after the ID as `uppdrag` reads them: "ändra 12 senast 30 maj" changes only the date. */
function actionEdit(input: CommandInput): ActionEdit {
  const { end, due, noSuchDate } = splitDue(input.args, 1, input.context);
  const text = foldSpace(typedText(input.source, input.args, 1, end));
  return {
    ...(text === "" ? {} : { text }),
    ...(due === undefined ? {} : { due }),
    ...(noSuchDate === undefined ? {} : { noSuchDate }),
  };
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
  if (args.length === 2) return missingArgument(input, "postpone");
  const read = readDateArgument(args, context, "postpone", 2);
  return read.ok ? parsed({ id: "postpone", ref, until: read.date }) : read;
}
