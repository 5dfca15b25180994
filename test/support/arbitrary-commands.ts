import fc from "fast-check";

/**
 * fast-check arbitraries for what people type after `/noterat`: any text at all, and lines
 * that start with a command word and go on with words that lead into the parser's deeper
 * paths, mixed with any text.
 */

export const COMMAND_WORDS = [
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
export const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: codeUnit }));

export const commandLine = fc
  .tuple(
    fc.constantFrom(...COMMAND_WORDS),
    fc.array(fc.oneof(fc.constantFrom(...ARGUMENT_WORDS), anyText), { maxLength: 12 }),
    fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0"),
  )
  .map(([word, args, space]) => [word, ...args].join(space));
