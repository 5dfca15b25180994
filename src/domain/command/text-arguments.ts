import type { CommandInput } from "./command-input.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParsedCommand, ParseResult } from "./parsed-command.js";
import { HEADING_LIMIT, overLimit, QUERY_LIMIT, TEXT_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

type ArgumentParser = (input: CommandInput) => ParseResult;

/** Commands that take nothing: words after them are a mistake worth pointing out. */
export function withoutArguments(command: ParsedCommand): ArgumentParser {
  return (input) =>
    input.args.length === 0 ? parsed({ ...command }) : unexpectedArgument(input, 0, command.id);
}

/** `hjälp` answers whatever follows it ("hjälp möte"): the user asked for help either way. */
export const parseHelp: ArgumentParser = () => parsed({ id: "help" });

export const parseCouncil: ArgumentParser = (input) => {
  const name = foldSpace(typedText(input.source, input.args));
  if (name === "") return missingArgument(input, "council");
  return overLimit(name, HEADING_LIMIT, "council") ?? parsed({ id: "council", name });
};

/** `byt namn NAMN`: the council's new name, as `råd NAMN` takes one. */
export const parseRename: ArgumentParser = (input) => {
  const name = foldSpace(typedText(input.source, input.args));
  if (name === "") return missingArgument(input, "rename");
  return overLimit(name, HEADING_LIMIT, "rename") ?? parsed({ id: "rename", name });
};

export const parseSearch: ArgumentParser = (input) => {
  const query = foldSpace(typedText(input.source, input.args));
  if (query === "") return missingArgument(input, "search");
  return overLimit(query, QUERY_LIMIT, "search") ?? parsed({ id: "search", query });
};

/** A lede is a paragraph of the post: the user's line breaks stay. */
export const parseLede: ArgumentParser = (input) => {
  const text = typedText(input.source, input.args);
  if (text === "") return missingArgument(input, "lede");
  return overLimit(text, TEXT_LIMIT, "lede") ?? parsed({ id: "lede", text });
};

export const parseAgendaPoint: ArgumentParser = (input) => {
  const heading = foldSpace(typedText(input.source, input.args));
  if (heading === "") return missingArgument(input, "agenda-add");
  return overLimit(heading, HEADING_LIMIT, "agenda-add") ?? parsed({ id: "agenda-add", heading });
};

/** English `agenda` both shows the agenda and, with a heading, adds to it. */
export const parseAgenda: ArgumentParser = (input) =>
  input.args.length === 0 ? parsed({ id: "agenda-show" }) : parseAgendaPoint(input);

/** A link code as shown ("ABCD-EFGH"), typed in any case, with or without the dash. */
const LINK_CODE = /^[A-HJ-KM-NP-Z2-9]{4}-?[A-HJ-KM-NP-Z2-9]{4}$/;

/** `koppla [KOD]` */
export function parseLink(input: CommandInput): ParseResult {
  const [word, extra] = input.args;
  if (word === undefined) return parsed({ id: "link" });
  if (extra !== undefined) return unexpectedArgument(input, 1, "link");
  const code = word.text.toUpperCase();
  return LINK_CODE.test(code)
    ? parsed({ id: "link", code: code.replace("-", "") })
    : rejected("bad-code", "link", { word: word.text });
}
