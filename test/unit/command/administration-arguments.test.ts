import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { ParsedCommand } from "../../../src/domain/command/parsed-command.js";
import { localContext } from "./parse-context.js";

// The council's administration (issue 14), Swedish and English, and its refusals.

function parse(text: string): ParsedCommand | string {
  const result = parseCommand(text, localContext);
  if (result.ok) return result.command;
  const { code, command, params } = result.error;
  return [code, command ?? "", params.word ?? ""].join(" ").trim();
}

describe("administration commands", () => {
  it.each<[string, ParsedCommand]>([
    ["språk en", { id: "language", locale: "en" }],
    ["Språk SV", { id: "language", locale: "sv" }],
    ["språk engelska", { id: "language", locale: "en" }],
    ["language sv", { id: "language", locale: "sv" }],
    ["language Swedish", { id: "language", locale: "sv" }],
    ["tidszon Europe/Helsinki", { id: "time-zone", timeZone: "Europe/Helsinki" }],
    // Kept as the runtime names it, whatever case it was typed in.
    ["tidszon europe/stockholm", { id: "time-zone", timeZone: "Europe/Stockholm" }],
    ["time zone America/New_York", { id: "time-zone", timeZone: "America/New_York" }],
    ["timezone UTC", { id: "time-zone", timeZone: "UTC" }],
    ["koppla bort", { id: "unlink" }],
    ["Koppla Bort", { id: "unlink" }],
    ["unlink", { id: "unlink" }],
    ["logg", { id: "log" }],
    ["logg 12", { id: "log", ref: 12 }],
    ["log #12", { id: "log", ref: 12 }],
    ["mitt språk en", { id: "my-language", locale: "en" }],
    ["my language sv", { id: "my-language", locale: "sv" }],
    ["/noterat mitt språk english", { id: "my-language", locale: "en" }],
  ])("reads %s", (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["språk", "missing-argument language språk"],
    ["språk fi", "bad-language language fi"],
    ["språk en sv", "unexpected-argument language sv"],
    ["mitt språk", "missing-argument my-language mitt språk"],
    ["my language klingon", "bad-language my-language klingon"],
    ["tidszon", "missing-argument time-zone tidszon"],
    ["tidszon Europe/Sundsvall", "bad-time-zone time-zone Europe/Sundsvall"],
    ["tidszon Stockholm", "bad-time-zone time-zone Stockholm"],
    ["time zone Europe/Stockholm nu", "unexpected-argument time-zone nu"],
    ["koppla bort kanalen", "unexpected-argument unlink kanalen"],
    ["logg tolv", "bad-id log tolv"],
    ["logg 0", "bad-id log 0"],
    ["log 12 13", "unexpected-argument log 13"],
  ])("refuses %s", (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it("still reads `koppla` with a code, and `mina` and `mina uppgifter`", () => {
    expect(parse("koppla ABCD-EFGH")).toEqual({ id: "link", code: "ABCDEFGH" });
    expect(parse("koppla")).toEqual({ id: "link" });
    expect(parse("mina")).toEqual({ id: "list-mine" });
    expect(parse("mina uppgifter")).toEqual({ id: "my-data" });
  });
});
