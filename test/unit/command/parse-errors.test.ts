import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { CommandId, ParseError } from "../../../src/domain/command/parsed-command.js";
import { localContext } from "./parse-context.js";

/** `text` refused as naming a day the calendar lacks, quoting `word`. */
function noSuchDate(text: string, command: CommandId, word: string): [string, ParseError] {
  return [text, { code: "no-such-date", command, params: { word } }];
}

describe("parseCommand: what was wrong, and with which command", () => {
  const cases: [string, ParseError][] = [
    ["", { code: "empty", params: {} }],
    [" \n\t ", { code: "empty", params: {} }],
    ["/noterat", { code: "empty", params: {} }],
    ["/noterat   ", { code: "empty", params: {} }],
    ["noterat \u0000: \u0000", { code: "bad-character", params: { code: "U+0000" } }],
    ["ingress Hej \u202Edå", { code: "bad-character", params: { code: "U+202E" } }],
    // Half a surrogate pair (a broken client): the database cannot store it as text.
    ["ingress \uD800", { code: "bad-character", params: { code: "U+D800" } }],
    ["noterat A: b\uDC00c", { code: "bad-character", params: { code: "U+DC00" } }],
    ["frukost idag", { code: "unknown-command", params: { word: "frukost" } }],
    ["ställ", { code: "unknown-command", params: { word: "ställ" } }],
    ["/noteratklar 12", { code: "unknown-command", params: { word: "/noteratklar" } }],
    ["constructor", { code: "unknown-command", params: { word: "constructor" } }],
    ["__proto__ x", { code: "unknown-command", params: { word: "__proto__" } }],

    ["råd", { code: "missing-argument", command: "council", params: { word: "råd" } }],
    ["Möte", { code: "missing-argument", command: "meeting", params: { word: "Möte" } }],
    ["möte kl 13", { code: "missing-argument", command: "meeting", params: { word: "möte" } }],
    ["noterat", { code: "missing-argument", command: "item", params: { word: "noterat" } }],
    ["uppdrag", { code: "missing-argument", command: "action", params: { word: "uppdrag" } }],
    ["actions", { code: "missing-argument", command: "list-person", params: { word: "actions" } }],
    ["klar", { code: "missing-argument", command: "done", params: { word: "klar" } }],
    ["sök", { code: "missing-argument", command: "search", params: { word: "sök" } }],
    ["roll", { code: "missing-argument", command: "role", params: { word: "roll" } }],
    ["roll @anna", { code: "missing-argument", command: "role", params: { word: "roll" } }],
    [
      "handlingar",
      { code: "missing-argument", command: "documents", params: { word: "handlingar" } },
    ],
    ["ingress", { code: "missing-argument", command: "lede", params: { word: "ingress" } }],
    ["punkt", { code: "missing-argument", command: "agenda-add", params: { word: "punkt" } }],
    ["ändra", { code: "missing-argument", command: "edit", params: { word: "ändra" } }],
    ["ändra 12", { code: "missing-argument", command: "edit", params: { word: "ändra" } }],
    ["stryk", { code: "missing-argument", command: "remove", params: { word: "stryk" } }],
    ["flytta 30 maj", { code: "missing-argument", command: "move", params: { word: "flytta" } }],
    ["move to", { code: "missing-argument", command: "move", params: { word: "move" } }],

    [
      "möte tisdag 27 maj kl 13",
      { code: "bad-date", command: "meeting", params: { word: "tisdag 27 maj" } },
    ],
    [
      "flytta till imorgon 30 maj",
      { code: "bad-date", command: "move", params: { word: "imorgon 30 maj" } },
    ],
    ["skjut upp", { code: "missing-argument", command: "postpone", params: { word: "skjut upp" } }],
    ["skjut upp x", { code: "bad-id", command: "postpone", params: { word: "x" } }],
    ["skjut upp 12 till blä", { code: "bad-date", command: "postpone", params: { word: "blä" } }],
    [
      "skjut upp 12 imorgon",
      { code: "unexpected-argument", command: "postpone", params: { word: "imorgon" } },
    ],
    ["öppna foo", { code: "unexpected-argument", command: "list-open", params: { word: "foo" } }],
    [
      "mine  all  of\nthem",
      { code: "unexpected-argument", command: "list-mine", params: { word: "all of them" } },
    ],
    [
      "försenade x",
      { code: "unexpected-argument", command: "list-overdue", params: { word: "x" } },
    ],
    ["nästa vecka", { code: "unexpected-argument", command: "next", params: { word: "vecka" } }],
    ["protokoll nu", { code: "bad-date", command: "minutes", params: { word: "nu" } }],
    ["justera nu", { code: "bad-date", command: "approve", params: { word: "nu" } }],
    ["publicera nu", { code: "bad-date", command: "publish", params: { word: "nu" } }],
    [
      "dagordning Budget",
      { code: "unexpected-argument", command: "agenda-show", params: { word: "Budget" } },
    ],
    ["klar 12 13", { code: "unexpected-argument", command: "done", params: { word: "13" } }],
    [
      "actions @anna @per",
      { code: "unexpected-argument", command: "list-person", params: { word: "@per" } },
    ],
    [
      "roll @anna ordförande nu",
      { code: "unexpected-argument", command: "role", params: { word: "nu" } },
    ],
    [
      "handlingar rvn.se idag",
      { code: "unexpected-argument", command: "documents", params: { word: "idag" } },
    ],
    [
      "flytta till 30 maj Stadshuset",
      { code: "unexpected-argument", command: "move", params: { word: "Stadshuset" } },
    ],

    [
      "möte imorgonbitti",
      { code: "bad-date", command: "meeting", params: { word: "imorgonbitti" } },
    ],
    [
      "möte Sundsvall 30 maj",
      { code: "bad-date", command: "meeting", params: { word: "Sundsvall 30 maj" } },
    ],
    ["möte a b c d e f g", { code: "bad-date", command: "meeting", params: { word: "a b c d e" } }],
    [
      "ställ in Stadshuset",
      { code: "bad-date", command: "cancel", params: { word: "Stadshuset" } },
    ],
    [
      "ställ in 30 maj Stadshuset",
      { code: "bad-date", command: "cancel", params: { word: "30 maj Stadshuset" } },
    ],
    ["flytta snart till 30 maj", { code: "bad-date", command: "move", params: { word: "snart" } }],
    ["flytta till sen", { code: "bad-date", command: "move", params: { word: "sen" } }],

    // Written as a date, but the day is not in the calendar (architecture.md §11): refused, never text.
    noSuchDate("uppdrag @anna Skicka rapporten senast 31 juni", "action", "31 juni"),
    noSuchDate("uppdrag @anna Skicka senast 29 februari 2027", "action", "29 februari 2027"),
    noSuchDate("action @anna Send the report by June 31", "action", "June 31"),
    noSuchDate("action @anna Send it by 31st June", "action", "31st June"),
    noSuchDate("uppdrag @anna Skicka senast 31/6", "action", "31/6"),
    noSuchDate("uppdrag @anna Skicka senast 2027-02-29", "action", "2027-02-29"),
    noSuchDate("uppdrag @anna Skicka senast tisdag 31 juni", "action", "tisdag 31 juni"),
    noSuchDate("uppdrag @anna Skicka senast den 32 maj", "action", "den 32 maj"),
    noSuchDate("uppdrag @anna senast 31 juni", "action", "31 juni"),
    noSuchDate("uppdrag #12 @anna Skicka senast 31 juni", "action", "31 juni"),
    noSuchDate("möte 31 februari kl 13", "meeting", "31 februari"),
    noSuchDate("möte tisdag 31 juni Stadshuset", "meeting", "tisdag 31 juni"),
    noSuchDate("meeting on June 31 at 13:00", "meeting", "on June 31"),
    noSuchDate("flytta 31 juni till 1 juli", "move", "31 juni"),
    noSuchDate("flytta till 31 juni kl 13", "move", "31 juni"),
    noSuchDate("skjut upp 12 till 31 juni", "postpone", "31 juni"),
    noSuchDate("ställ in 31/4", "cancel", "31/4"),
    noSuchDate("protokoll 30 februari", "minutes", "30 februari"),
    noSuchDate("justera 2026-02-30", "approve", "2026-02-30"),
    noSuchDate("publicera 31 april", "publish", "31 april"),
    noSuchDate("verifiera 31 juni", "verify", "31 juni"),
    [
      "skjut upp 12 till",
      { code: "missing-argument", command: "postpone", params: { word: "skjut upp" } },
    ],

    ["möte 30 maj kl 25", { code: "bad-time", command: "meeting", params: { word: "25" } }],
    ["möte 30 maj kl", { code: "bad-time", command: "meeting", params: { word: "kl" } }],
    [
      "möte 30 maj kl Stadshuset",
      { code: "bad-time", command: "meeting", params: { word: "Stadshuset" } },
    ],
    [
      "möte 30 maj 25:00 Stadshuset",
      { code: "bad-time", command: "meeting", params: { word: "25:00" } },
    ],
    ["meeting May 30 at 13pm", { code: "bad-time", command: "meeting", params: { word: "13pm" } }],
    ["flytta till 30 maj kl 9.75", { code: "bad-time", command: "move", params: { word: "9.75" } }],

    ["uppdrag anna gör x", { code: "bad-mention", command: "action", params: { word: "anna" } }],
    ["uppdrag @ gör x", { code: "bad-mention", command: "action", params: { word: "@" } }],
    [
      "uppdrag #12",
      { code: "missing-argument", command: "action", params: { word: "uppdrag #12" } },
    ],
    ["uppdrag #12 gör x", { code: "bad-mention", command: "action", params: { word: "gör" } }],
    ["action 3 anna", { code: "bad-mention", command: "action", params: { word: "anna" } }],
    ["actions anna", { code: "bad-mention", command: "list-person", params: { word: "anna" } }],
    ["roll anna ordförande", { code: "bad-mention", command: "role", params: { word: "anna" } }],

    ["klar abc", { code: "bad-id", command: "done", params: { word: "abc" } }],
    ["klar 0", { code: "bad-id", command: "done", params: { word: "0" } }],
    ["klar #0", { code: "bad-id", command: "done", params: { word: "#0" } }],
    ["klar -3", { code: "bad-id", command: "done", params: { word: "-3" } }],
    ["klar 1.5", { code: "bad-id", command: "done", params: { word: "1.5" } }],
    ["klar ##12", { code: "bad-id", command: "done", params: { word: "##12" } }],
    ["klar ١٢", { code: "bad-id", command: "done", params: { word: "١٢" } }],
    ["done 2147483648", { code: "bad-id", command: "done", params: { word: "2147483648" } }],
    ["stryk tolv", { code: "bad-id", command: "remove", params: { word: "tolv" } }],
    ["edit x Text", { code: "bad-id", command: "edit", params: { word: "x" } }],

    ["roll @anna kung", { code: "bad-role", command: "role", params: { word: "kung" } }],
    ["role @anna boss", { code: "bad-role", command: "role", params: { word: "boss" } }],

    [
      "handlingar ftp://rvn.se",
      { code: "bad-url", command: "documents", params: { word: "ftp://rvn.se" } },
    ],
    [
      "handlingar javascript:alert(1)",
      { code: "bad-url", command: "documents", params: { word: "javascript:alert(1)" } },
    ],
    ["handlingar rvn", { code: "bad-url", command: "documents", params: { word: "rvn" } }],
    ["handlingar 1.5", { code: "bad-url", command: "documents", params: { word: "1.5" } }],
    ["handlingar -rvn.se", { code: "bad-url", command: "documents", params: { word: "-rvn.se" } }],
    ["documents https://", { code: "bad-url", command: "documents", params: { word: "https://" } }],

    ["noterat Budget utan kolon", { code: "missing-heading", command: "item", params: {} }],
    ["beslut : Godkänt", { code: "missing-heading", command: "item", params: {} }],
    ["noterat Start kl 13:00", { code: "missing-heading", command: "item", params: {} }],

    ["beslut Budget:   ", { code: "empty-text", command: "item", params: {} }],
    ["uppdrag @anna @per", { code: "empty-text", command: "action", params: {} }],
    ["uppdrag @anna senast 30 maj", { code: "empty-text", command: "action", params: {} }],
    ["uppdrag #12 @anna", { code: "empty-text", command: "action", params: {} }],
    ["ändra 12 Rubrik:", { code: "empty-text", command: "edit", params: {} }],
  ];

  it.each(cases)("%j", (text, error) => {
    expect(parseCommand(text, localContext)).toStrictEqual({ ok: false, error });
  });
});

describe("parseCommand: length limits", () => {
  const tooLong = (limit: number, length: number) => ({ limit, length });

  it("refuses a 10 000-character note", () => {
    const result = parseCommand(`noterat Rapport: ${"x".repeat(10_000)}`, localContext);
    expect(result).toStrictEqual({
      ok: false,
      error: { code: "too-long", command: "item", params: tooLong(4000, 10_000) },
    });
  });

  it.each([
    [`noterat ${"R".repeat(201)}: text`, "item", tooLong(200, 201)],
    [`uppdrag @anna ${"x".repeat(4001)}`, "action", tooLong(4000, 4001)],
    [`råd ${"x".repeat(201)}`, "council", tooLong(200, 201)],
    [`punkt ${"😀".repeat(201)}`, "agenda-add", tooLong(200, 201)],
    [`sök ${"x".repeat(201)}`, "search", tooLong(200, 201)],
    [`ingress ${"x".repeat(4001)}`, "lede", tooLong(4000, 4001)],
    [`möte 30 maj ${"x".repeat(201)}`, "meeting", tooLong(200, 201)],
    [`ändra 1 ${"R".repeat(201)}: text`, "edit", tooLong(200, 201)],
    [`handlingar rvn.se/${"x".repeat(2000)}`, "documents", tooLong(2000, 2007)],
  ])("%#: %s", (text, command, params) => {
    expect(parseCommand(text, localContext)).toStrictEqual({
      ok: false,
      error: { code: "too-long", command, params },
    });
  });

  it("quotes at most 60 characters of a word back", () => {
    const result = parseCommand("x".repeat(500), localContext);
    expect(result).toStrictEqual({
      ok: false,
      error: { code: "unknown-command", params: { word: `${"x".repeat(59)}…` } },
    });
  });
});
