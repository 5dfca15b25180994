import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { ParsedCommand } from "../../../src/domain/command/parsed-command.js";
import type { MentionReader } from "../../../src/domain/types.js";
import { anna, localContext, NOW, slackContext, TIME_ZONE } from "./parse-context.js";

// Issue 14: assignees outside the chat (`@"Regionens kansli"`, `extern NAMN`, `@kansliet`) on
// every surface's mention syntax, an item's kind (`ändra ID beslut`), and its order
// (`flytta ID före ID2`, while `flytta DATUM till DATUM` still moves a meeting).

function command(text: string, context = localContext): ParsedCommand | string {
  const result = parseCommand(text, context);
  return result.ok ? result.command : `error ${result.error.code}`;
}

/** Teams' syntax as the surface leaves it: each `<at>Name</at>` a token it resolves. */
const readTeams: MentionReader = (token) =>
  token === "<at:0>" ? { externalId: "aad-anna", displayName: "Anna Berg" } : undefined;
const teamsContext = { now: NOW, timeZone: TIME_ZONE, readMention: readTeams };

const kansli = { handle: "regionenskansli", name: "Regionens kansli" };

describe("assignees outside the chat", () => {
  it("reads a quoted name after @ as an external assignee, with a due date as ever", () => {
    expect(command('uppdrag @"Regionens kansli" Skicka underlag senast 30 maj')).toStrictEqual({
      id: "action",
      assignees: [kansli],
      text: "Skicka underlag",
      due: { year: 2026, month: 5, day: 30 },
    });
  });

  it("takes curly quotes, folds spaces and keeps the order with people named beside them", () => {
    expect(command("uppdrag @“Regionens   kansli”, och @anna Ring")).toStrictEqual({
      id: "action",
      assignees: [kansli, anna],
      text: "Ring",
    });
    expect(command("uppdrag @„Kansliet“ @”Kansliet” @»kansliet» Ring")).toStrictEqual({
      id: "action",
      assignees: [{ handle: "kansliet", name: "Kansliet" }],
      text: "Ring",
    });
  });

  it("reads both external forms beside Slack's and Teams' mentions", () => {
    expect(command('uppdrag @"Kansliet" och <@U123ABC> Ring', slackContext)).toStrictEqual({
      id: "action",
      assignees: [{ handle: "kansliet", name: "Kansliet" }, { externalId: "U123ABC" }],
      text: "Ring",
    });
    expect(command("uppdrag <@U123ABC|anna> @Kansliet, Ring", slackContext)).toStrictEqual({
      id: "action",
      assignees: [{ externalId: "U123ABC", displayName: "anna" }, { handle: "kansliet" }],
      text: "Ring",
    });
    expect(command("uppdrag @kansliet <at:0> Ring", teamsContext)).toStrictEqual({
      id: "action",
      assignees: [{ handle: "kansliet" }, { externalId: "aad-anna", displayName: "Anna Berg" }],
      text: "Ring",
    });
    expect(command('uppdrag <at:0> @"Regionens kansli" Ring', teamsContext)).toStrictEqual({
      id: "action",
      assignees: [{ externalId: "aad-anna", displayName: "Anna Berg" }, kansli],
      text: "Ring",
    });
  });

  it("keeps the console's @name a person (the handler knows the council's externals)", () => {
    expect(command("uppdrag @anna Ring")).toStrictEqual({
      id: "action",
      assignees: [anna],
      text: "Ring",
    });
  });

  it("lists one external's actions in both languages", () => {
    expect(command('uppdrag @"Regionens kansli"')).toStrictEqual({
      id: "list-person",
      person: kansli,
    });
    expect(command("uppdrag @kansliet", slackContext)).toStrictEqual({
      id: "list-person",
      person: { handle: "kansliet" },
    });
    expect(command('actions @"Regionens kansli"', teamsContext)).toStrictEqual({
      id: "list-person",
      person: kansli,
    });
    expect(command('actions @"Regionens kansli" now', teamsContext)).toBe(
      "error unexpected-argument",
    );
  });

  it("refuses a quote that is not closed, and a name with nothing to type after @", () => {
    expect(command('uppdrag @"Regionens kansli Ring')).toBe("error bad-mention");
    expect(command('uppdrag @"" Ring')).toBe("error bad-mention");
    expect(command('uppdrag @"!!" Ring', slackContext)).toBe("error bad-mention");
  });

  it("holds a quoted name to a heading's length", () => {
    expect(command(`uppdrag @"${"K".repeat(200)}" Ring`)).toMatchObject({ id: "action" });
    expect(command(`uppdrag @"${"K".repeat(201)}" Ring`)).toBe("error too-long");
  });

  it("names one with `extern NAMN`, quotes or not", () => {
    expect(command("extern Regionens kansli")).toStrictEqual({
      id: "external",
      name: "Regionens kansli",
    });
    expect(command('external "Regional  office"')).toStrictEqual({
      id: "external",
      name: "Regional office",
    });
    expect(command("extern")).toBe("error missing-argument");
    expect(command("extern !!!")).toBe("error bad-external-name");
    expect(command(`extern ${"K".repeat(201)}`)).toBe("error too-long");
  });
});

describe("an item's kind: ändra ID beslut|diskussion|noterat [TEXT]", () => {
  it("reads the kind alone, keeping the plain reading for an action", () => {
    expect(command("ändra 5 beslut")).toStrictEqual({
      id: "item-kind",
      ref: 5,
      kind: "decision",
      edit: { text: "beslut", action: { text: "beslut" } },
    });
    expect(command("edit #5 note")).toMatchObject({ id: "item-kind", ref: 5, kind: "info" });
    expect(command("ändra 5 Diskussion")).toMatchObject({ kind: "discussion" });
  });

  it("takes a new text, and a heading written RUBRIK: TEXT", () => {
    expect(command("ändra 5 noterat Rådet informerades.")).toMatchObject({
      id: "item-kind",
      kind: "info",
      text: "Rådet informerades.",
    });
    const withHeading = command("edit 7 decision Budget 2027: The council adopts it.");
    expect(withHeading).toMatchObject({
      id: "item-kind",
      ref: 7,
      kind: "decision",
      heading: "Budget 2027",
      text: "The council adopts it.",
    });
  });

  it("leaves every other ändra as it was", () => {
    expect(command("ändra 5 Budget: Ny text")).toStrictEqual({
      id: "edit",
      ref: 5,
      body: { heading: "Budget", text: "Ny text", action: { text: "Budget: Ny text" } },
    });
    expect(command("ändra 5 beslutet skickas senast 30 maj")).toMatchObject({ id: "edit" });
    expect(command("ändra x beslut")).toBe("error bad-id");
  });

  it("holds a heading to its length", () => {
    expect(command(`ändra 5 beslut ${"R".repeat(201)}: text`)).toBe("error too-long");
  });
});

describe("an item's place: flytta ID före ID2", () => {
  it("moves an item before another, in both languages", () => {
    expect(command("flytta 5 före 3")).toStrictEqual({ id: "move-item", ref: 5, before: 3 });
    expect(command("move #5 BEFORE #3")).toStrictEqual({ id: "move-item", ref: 5, before: 3 });
  });

  it("still moves a meeting with till/to", () => {
    expect(command("flytta 30 maj till 2 juni")).toStrictEqual({
      id: "move",
      from: { year: 2026, month: 5, day: 30 },
      to: { year: 2026, month: 6, day: 2 },
    });
    expect(command("flytta till 2 juni kl 13")).toStrictEqual({
      id: "move",
      to: { year: 2026, month: 6, day: 2 },
      time: { hour: 13, minute: 0 },
    });
  });

  it("says what is wrong with an item move", () => {
    expect(command("flytta 5 före")).toBe("error missing-argument");
    expect(command("flytta fem före 3")).toBe("error bad-id");
    expect(command("flytta 5 före tre")).toBe("error bad-id");
    expect(command("flytta 5 före 3 nu")).toBe("error unexpected-argument");
  });

  it("names the item move in its errors, so that the reply shows its form", () => {
    const result = parseCommand("flytta 5 före", localContext);
    expect(result.ok ? undefined : result.error.command).toBe("move-item");
  });
});
