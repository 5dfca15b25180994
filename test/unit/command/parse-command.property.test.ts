import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import { PARSE_ERROR_CODES, type ParseResult } from "../../../src/domain/command/parsed-command.js";
import { anyText, commandLine } from "../../support/arbitrary-commands.js";
import { localContext, slackContext } from "./parse-context.js";

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
