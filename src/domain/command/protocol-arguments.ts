// The words of the protocol-mode commands (architecture.md §12).
import type { CouncilMode, Mention } from "../types.js";
import type { CommandInput } from "./command-input.js";
import { readRef } from "./entry-ref.js";
import { meetingDateParser } from "./meeting-arguments.js";
import { readMention, readMentions } from "./mention-words.js";
import { missingArgument, parsed, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult } from "./parsed-command.js";
import { overLimit, TEXT_LIMIT } from "./text-limits.js";
import { foldSpace, typedText } from "./tokens.js";

type ArgumentParser = (input: CommandInput) => ParseResult;

const MODE_WORDS: ReadonlyMap<string, CouncilMode> = new Map([
  ["protokoll", "protocol"],
  ["protocol", "protocol"],
  ["anteckningar", "notes"],
  ["notes", "notes"],
]);
const ON_OFF: ReadonlyMap<string, boolean> = new Map([
  ["på", true],
  ["on", true],
  ["av", false],
  ["off", false],
]);
const FOR_WORDS = new Set(["för", "for"]);
/** A vote is counted in people: a council of more than this many is no council. */
const MAX_VOTES = 10_000;

/** `läge protokoll|anteckningar` */
export const parseMode: ArgumentParser = (input) => {
  const [word] = input.args;
  if (word === undefined) return missingArgument(input, "mode");
  const mode = MODE_WORDS.get(word.text.toLowerCase());
  if (mode === undefined) return rejected("bad-mode", "mode", { word: word.text });
  return input.args.length > 1
    ? unexpectedArgument(input, 1, "mode")
    : parsed({ id: "mode", mode });
};

/** `anslag` shows the notice; `anslag på|av` turns it on or off. */
export const parseNotice: ArgumentParser = (input) => {
  if (input.args.length === 0) return parsed({ id: "notice-show" });
  const enabled = readSwitch(input, "notice-set");
  return typeof enabled === "boolean" ? parsed({ id: "notice-set", enabled }) : enabled;
};

/** `webb på|av` */
export const parseWeb: ArgumentParser = (input) => {
  const enabled = readSwitch(input, "web");
  return typeof enabled === "boolean" ? parsed({ id: "web", enabled }) : enabled;
};

/** `på` or `av` and nothing else. */
function readSwitch(input: CommandInput, id: "notice-set" | "web"): boolean | ParseResult {
  const [word] = input.args;
  if (word === undefined) return missingArgument(input, id);
  const enabled = ON_OFF.get(word.text.toLowerCase());
  if (enabled === undefined) return rejected("bad-switch", id, { word: word.text });
  return input.args.length > 1 ? unexpectedArgument(input, 1, id) : enabled;
}

/** `ledamot @P…`, `ersättare @P…`; `ersättare @S för @P` records a serving substitute. */
export function registerParser(role: "member" | "substitute"): ArgumentParser {
  return (input) => {
    const forAt = input.args.findIndex((word) => FOR_WORDS.has(word.text.toLowerCase()));
    if (role === "substitute" && forAt >= 0) return parseServing(input, forAt);
    const people = allMentions(input, "register");
    return "ok" in people ? people : parsed({ id: "register", role, people: people.mentions });
  };
}

function parseServing(input: CommandInput, forAt: number): ParseResult {
  const reader = input.context.readMention;
  const [substituteWord, memberWord] = [input.args[0], input.args[forAt + 1]];
  if (forAt !== 1 || substituteWord === undefined || memberWord === undefined) {
    return missingArgument(input, "serving");
  }
  const substitute = readMention(substituteWord.text, reader);
  if (substitute === undefined) {
    return rejected("bad-mention", "serving", { word: substituteWord.text });
  }
  const member = readMention(memberWord.text, reader);
  if (member === undefined) return rejected("bad-mention", "serving", { word: memberWord.text });
  return input.args.length > forAt + 2
    ? unexpectedArgument(input, forAt + 2, "serving")
    : parsed({ id: "serving", substitute, member });
}

/** `närvarande @P…`, `frånvarande @P…` */
export function attendanceParser(status: "present" | "absent"): ArgumentParser {
  return (input) => {
    const people = allMentions(input, "attendance");
    return "ok" in people ? people : parsed({ id: "attendance", status, people: people.mentions });
  };
}

/** `justerare [@P…]`: nobody named asks for the next in the rota. */
export const parseApprovers: ArgumentParser = (input) => {
  if (input.args.length === 0) return parsed({ id: "approvers", people: [] });
  const people = allMentions(input, "approvers");
  return "ok" in people ? people : parsed({ id: "approvers", people: people.mentions });
};

/** `reservation ID @P [TEXT]` */
export const parseReservation: ArgumentParser = (input) => {
  const head = refAndPerson(input, "reservation");
  if ("ok" in head) return head;
  const text = foldSpace(typedText(input.source, input.args, 2));
  return (
    overLimit(text, TEXT_LIMIT, "reservation") ??
    parsed({ id: "reservation", ref: head.ref, person: head.person, text })
  );
};

/** `jäv ID @P` */
export const parseConflict: ArgumentParser = (input) => {
  const head = refAndPerson(input, "conflict");
  if ("ok" in head) return head;
  return input.args.length > 2
    ? unexpectedArgument(input, 2, "conflict")
    : parsed({ id: "conflict", ref: head.ref, person: head.person });
};

/** `anteckning ID TEXT` */
export const parseRemark: ArgumentParser = (input) => {
  const [refWord] = input.args;
  if (refWord === undefined) return missingArgument(input, "remark");
  const ref = readRef(refWord.text);
  if (ref === undefined) return rejected("bad-id", "remark", { word: refWord.text });
  const text = foldSpace(typedText(input.source, input.args, 1));
  if (text === "") return rejected("empty-text", "remark");
  return overLimit(text, TEXT_LIMIT, "remark") ?? parsed({ id: "remark", ref, text });
};

/** `votering ID JA NEJ [AVSTÅR]` */
export const parseVote: ArgumentParser = (input) => {
  const [refWord, ...counts] = input.args;
  if (refWord === undefined || counts.length < 2) return missingArgument(input, "vote");
  const ref = readRef(refWord.text);
  if (ref === undefined) return rejected("bad-id", "vote", { word: refWord.text });
  if (counts.length > 3) return unexpectedArgument(input, 4, "vote");
  const numbers: number[] = [];
  for (const word of counts) {
    const count = /^\d{1,5}$/u.test(word.text) ? Number(word.text) : Number.NaN;
    if (!(count <= MAX_VOTES)) return rejected("bad-count", "vote", { word: word.text });
    numbers.push(count);
  }
  const [yes = 0, no = 0, abstain] = numbers;
  return parsed({ id: "vote", ref, yes, no, ...(abstain === undefined ? {} : { abstain }) });
};

/** `omedelbar ID` */
export const parseImmediate: ArgumentParser = (input) => {
  const [refWord] = input.args;
  if (refWord === undefined) return missingArgument(input, "immediate");
  const ref = readRef(refWord.text);
  if (ref === undefined) return rejected("bad-id", "immediate", { word: refWord.text });
  return input.args.length > 1
    ? unexpectedArgument(input, 1, "immediate")
    : parsed({ id: "immediate", ref });
};

/**
 * `justera`/`publicera [DATUM]`, or with an item's number alone (`justera 7`): that § alone,
 * approved at the meeting. A bare number is never a date in these commands.
 */
export function refOrDateParser(id: "approve" | "publish"): ArgumentParser {
  const byDate = meetingDateParser(id);
  return (input) => {
    const [word, ...rest] = input.args;
    // "publicera 31 april" is a date (one that does not exist), not § 31 and a stray word.
    const ref = word === undefined || rest.length > 0 ? undefined : readRef(word.text);
    return ref === undefined ? byDate(input) : parsed({ id, ref });
  };
}

function refAndPerson(
  input: CommandInput,
  id: "reservation" | "conflict",
): { ref: number; person: Mention } | ReturnType<typeof rejected> {
  const [refWord, personWord] = input.args;
  if (refWord === undefined || personWord === undefined) return missingArgument(input, id);
  const ref = readRef(refWord.text);
  if (ref === undefined) return rejected("bad-id", id, { word: refWord.text });
  const person = readMention(personWord.text, input.context.readMention);
  if (person === undefined) return rejected("bad-mention", id, { word: personWord.text });
  return { ref, person };
}

/** Every word a mention (with "och" / "," between them), at least one. */
function allMentions(
  input: CommandInput,
  id: "register" | "attendance" | "approvers",
): { mentions: Mention[] } | ReturnType<typeof rejected> {
  const { mentions, next } = readMentions(input.args, 0, input.context.readMention);
  const stray = input.args[next];
  if (stray !== undefined) return rejected("bad-mention", id, { word: stray.text });
  if (mentions.length === 0) return missingArgument(input, id);
  return { mentions };
}
