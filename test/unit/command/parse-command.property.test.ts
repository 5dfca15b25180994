import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import { PARSE_ERROR_CODES, type ParseResult } from "../../../src/domain/command/parsed-command.js";
import { localContext, slackContext } from "./parse-context.js";

const COMMAND_WORDS = [
  "/noterat",
  "hjälp",
  "råd",
  "möte",
  "meeting",
  "nästa",
  "noterat",
  "beslut",
  "uppdrag",
  "action",
  "actions",
  "öppna",
  "klar",
  "sök",
  "roll",
  "handlingar",
  "ingress",
  "punkt",
  "dagordning",
  "agenda",
  "ändra",
  "stryk",
  "ställ in",
  "flytta",
  "move",
];

/** Words that lead into the parser's deeper paths: dates, times, mentions, ids, separators. */
const ARGUMENT_WORDS = [
  "30",
  "maj",
  "30/5",
  "2026-05-30",
  "imorgon",
  "nästa",
  "tisdag",
  "om",
  "två",
  "veckor",
  "kl",
  "kl.",
  "at",
  "13:00",
  "13.00",
  "25",
  "1pm",
  "senast",
  "by",
  "till",
  "to",
  "@anna",
  "@per,",
  "och",
  "<@U123ABC|anna>",
  "<@U1|Anna Berg>",
  "#12",
  "0",
  "-1",
  "Rubrik:",
  ":",
  "https://rvn.se",
  "rvn.se",
  "ordförande",
  "\n",
  "__proto__",
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
/** Any text at all: whole code points, and lone UTF-16 surrogates that only bad clients send. */
const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: codeUnit }));

const commandLine = fc
  .tuple(
    fc.constantFrom(...COMMAND_WORDS),
    fc.array(fc.oneof(fc.constantFrom(...ARGUMENT_WORDS), anyText), { maxLength: 12 }),
    fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0"),
  )
  .map(([word, args, space]) => [word, ...args].join(space));

function isWellFormed(result: ParseResult): boolean {
  if (result.ok) return typeof result.command.id === "string";
  const word = result.error.params.word;
  return (
    PARSE_ERROR_CODES.includes(result.error.code) &&
    (word === undefined || Array.from(String(word)).length <= 60)
  );
}

describe("parseCommand never throws", () => {
  it.each([
    ["local", localContext],
    ["slack", slackContext],
  ])("on any text (%s mentions)", (_, context) => {
    fc.assert(
      fc.property(fc.oneof(anyText, commandLine), (text) => {
        expect(isWellFormed(parseCommand(text, context))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
