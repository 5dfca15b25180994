import type { CommandInput } from "./command-input.js";
import { readDateAndTime, readDateArgument } from "./date-words.js";
import { readDocumentsUrl } from "./documents-url.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { HEADING_LIMIT, overLimit, URL_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

const TO_WORDS = new Set(["till", "to"]);
/** "möte 30 maj kl 13, Stadshuset": the comma belongs to the sentence, not to the place. */
const LEADING_SEPARATOR = /^[,;]\s*/u;

/** `möte DATUM [kl HH:MM] [PLATS]` */
export function parseMeeting(input: CommandInput): ParseResult {
  const read = readDateAndTime(input, 0, "meeting");
  if (!read.ok) return read;
  const place = foldSpace(typedText(input.source, input.args, read.next)).replace(
    LEADING_SEPARATOR,
    "",
  );
  return (
    overLimit(place, HEADING_LIMIT, "meeting") ??
    parsed({
      id: "meeting",
      date: read.date,
      ...(read.time === undefined ? {} : { time: read.time }),
      ...(place === "" ? {} : { place }),
    })
  );
}

/**
 * `ställ in [DATUM]`, and `protokoll`, `justera`, `publicera [DATUM]`: the meeting of that day
 * instead of the next or current one (minutes are often approved at the following meeting).
 */
export function meetingDateParser(
  id: "cancel" | "minutes" | "approve" | "publish" | "verify",
): (input: CommandInput) => ParseResult {
  // Minutes are of a meeting already held: "justera 2 mars" in April means the past 2 March.
  const yearless = id === "cancel" ? "next" : "last";
  return (input) => {
    if (input.args.length === 0) return parsed({ id });
    const read = readDateArgument(input.args, { ...input.context, yearless }, id);
    return read.ok ? parsed({ id, date: read.date }) : read;
  };
}

/** `protokoll [DATUM]`, and `protokoll pdf [DATUM]` for the approved protocol as a PDF. */
export function parseMinutes(input: CommandInput): ParseResult {
  const [first] = input.args;
  if (first?.text.toLowerCase() !== "pdf") return meetingDateParser("minutes")(input);
  const rest = { ...input, args: input.args.slice(1) };
  const read = meetingDateParser("minutes")(rest);
  if (!read.ok) return { ok: false, error: { ...read.error, command: "minutes-pdf" } };
  return read.command.id === "minutes" && read.command.date
    ? parsed({ id: "minutes-pdf", date: read.command.date })
    : parsed({ id: "minutes-pdf" });
}

/** `flytta [DATUM] till DATUM [kl HH:MM]` */
export function parseMove(input: CommandInput): ParseResult {
  const { args, context } = input;
  const to = args.findIndex((word) => TO_WORDS.has(word.text.toLowerCase()));
  if (to === -1) return missingArgument(input, "move");
  const from = to === 0 ? undefined : readDateArgument(args, context, "move", 0, to);
  if (from !== undefined && !from.ok) return from;
  const read = readDateAndTime(input, to + 1, "move");
  if (!read.ok) return read;
  if (read.next < args.length) return unexpectedArgument(input, read.next, "move");
  return parsed({
    id: "move",
    ...(from === undefined ? {} : { from: from.date }),
    to: read.date,
    ...(read.time === undefined ? {} : { time: read.time }),
  });
}

/** `handlingar URL` */
export function parseDocuments(input: CommandInput): ParseResult {
  const [word, ...extra] = input.args;
  if (word === undefined) return missingArgument(input, "documents");
  const tooLong = overLimit(word.text, URL_LIMIT, "documents");
  if (tooLong !== undefined) return tooLong;
  const url = readDocumentsUrl(word.text);
  if (url === undefined) return rejected("bad-url", "documents", { word: word.text });
  return extra.length > 0
    ? unexpectedArgument(input, 1, "documents")
    : parsed({ id: "documents", url });
}
