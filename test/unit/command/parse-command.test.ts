import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { ParsedCommand } from "../../../src/domain/command/parsed-command.js";
import { anna, localContext, per, slackContext } from "./parse-context.js";

const may = (day: number) => ({ year: 2026, month: 5, day });

function command(text: string, context = localContext): ParsedCommand | string {
  const result = parseCommand(text, context);
  return result.ok ? result.command : `error ${result.error.code}`;
}

describe("parseCommand: every command of architecture.md §3, Swedish and English", () => {
  const cases: [string, ParsedCommand][] = [
    ["hjälp", { id: "help" }],
    ["help", { id: "help" }],
    ["hjälp möte", { id: "help" }],
    ["råd Regionala samverkansrådet", { id: "council", name: "Regionala samverkansrådet" }],
    ["council  Regional   council", { id: "council", name: "Regional council" }],
    ["möte 30 maj", { id: "meeting", date: may(30) }],
    [
      "möte 30 maj kl 13:00 Stadshuset, sal 3",
      {
        id: "meeting",
        date: may(30),
        time: { hour: 13, minute: 0 },
        place: "Stadshuset, sal 3",
      },
    ],
    ["möte nästa tisdag", { id: "meeting", date: may(26) }],
    [
      "möte om två veckor kl. 9.30",
      { id: "meeting", date: { year: 2026, month: 6, day: 3 }, time: { hour: 9, minute: 30 } },
    ],
    [
      "möte imorgon 13.00 Sundsvall",
      { id: "meeting", date: may(21), time: { hour: 13, minute: 0 }, place: "Sundsvall" },
    ],
    [
      "möte den 30 maj kl 13, Stadshuset",
      { id: "meeting", date: may(30), time: { hour: 13, minute: 0 }, place: "Stadshuset" },
    ],
    [
      "möte 2026-06-11 Regionens hus",
      { id: "meeting", date: { year: 2026, month: 6, day: 11 }, place: "Regionens hus" },
    ],
    [
      "meeting May 30 at 1 pm City Hall",
      { id: "meeting", date: may(30), time: { hour: 13, minute: 0 }, place: "City Hall" },
    ],
    [
      "meeting next tuesday at 13:00",
      { id: "meeting", date: may(26), time: { hour: 13, minute: 0 } },
    ],
    ["meeting tomorrow at City Hall", { id: "meeting", date: may(21), place: "City Hall" }],
    ["meeting on May 30", { id: "meeting", date: may(30) }],
    ["möte i morgon kl 13", { id: "meeting", date: may(21), time: { hour: 13, minute: 0 } }],
    ["nästa", { id: "next" }],
    ["nästa möte", { id: "next" }],
    ["next", { id: "next" }],
    ["next meeting", { id: "next" }],
    [
      "noterat Budget: Rådet informerades.",
      { id: "item", kind: "info", heading: "Budget", text: "Rådet informerades." },
    ],
    [
      "note Budget: The council was informed.",
      { id: "item", kind: "info", heading: "Budget", text: "The council was informed." },
    ],
    [
      "diskussion Vården:  Lång  diskussion.",
      { id: "item", kind: "discussion", heading: "Vården", text: "Lång  diskussion." },
    ],
    [
      "discussion Care: Long talk.",
      { id: "item", kind: "discussion", heading: "Care", text: "Long talk." },
    ],
    [
      "beslut Budget 2027: Godkänd: enligt förslaget.",
      { id: "item", kind: "decision", heading: "Budget 2027", text: "Godkänd: enligt förslaget." },
    ],
    [
      "decision Budget: Approved.",
      { id: "item", kind: "decision", heading: "Budget", text: "Approved." },
    ],
    [
      "noterat Start kl 13:00: Mötet öppnades.",
      { id: "item", kind: "info", heading: "Start kl 13:00", text: "Mötet öppnades." },
    ],
    [
      "noterat Se https://rvn.se: Länken delades.",
      { id: "item", kind: "info", heading: "Se https://rvn.se", text: "Länken delades." },
    ],
    [
      "noterat Rapport:\nRad ett\n\n  Rad två  ",
      { id: "item", kind: "info", heading: "Rapport", text: "Rad ett\n\n  Rad två" },
    ],
    [
      "uppdrag @anna Boka lokal senast 30 maj",
      { id: "action", assignees: [anna], text: "Boka lokal", due: may(30) },
    ],
    [
      "uppdrag @anna @Per Skriv  remissvar",
      { id: "action", assignees: [anna, per], text: "Skriv remissvar" },
    ],
    [
      "uppdrag @anna, @Per och @anna Ring kommunen senast den 30 maj",
      { id: "action", assignees: [anna, per], text: "Ring kommunen", due: may(30) },
    ],
    [
      "uppdrag @anna Fråga den som var senast på plats",
      { id: "action", assignees: [anna], text: "Fråga den som var senast på plats" },
    ],
    // Numbers that could not be a day and a month are no date: "senast 40/50" stays text.
    [
      "uppdrag @anna Räkna rösterna senast 40/50",
      { id: "action", assignees: [anna], text: "Räkna rösterna senast 40/50" },
    ],
    [
      "uppdrag @anna Läs senast-listan senast",
      { id: "action", assignees: [anna], text: "Läs senast-listan senast" },
    ],
    [
      "uppdrag @anna Kolla senast 30 maj eller senast i juni",
      { id: "action", assignees: [anna], text: "Kolla senast 30 maj eller senast i juni" },
    ],
    [
      "action @anna Book a room by next tuesday",
      { id: "action", assignees: [anna], text: "Book a room", due: may(26) },
    ],
    [
      "action @anna Talk to the people nearby by the lake",
      { id: "action", assignees: [anna], text: "Talk to the people nearby by the lake" },
    ],
    ["uppdrag @anna", { id: "list-person", person: anna }],
    [
      "uppdrag #12 @anna Skicka beslutet senast 30 maj",
      { id: "action", assignees: [anna], text: "Skicka beslutet", due: may(30), itemRef: 12 },
    ],
    [
      "uppdrag 12 @anna och @Per Skicka beslutet",
      { id: "action", assignees: [anna, per], text: "Skicka beslutet", itemRef: 12 },
    ],
    [
      "action #3 @anna Send the decision by June 2",
      {
        id: "action",
        assignees: [anna],
        text: "Send the decision",
        due: { year: 2026, month: 6, day: 2 },
        itemRef: 3,
      },
    ],
    ["actions @Per", { id: "list-person", person: per }],
    ["öppna", { id: "list-open" }],
    ["open", { id: "list-open" }],
    ["mina", { id: "list-mine" }],
    ["mine", { id: "list-mine" }],
    ["försenade", { id: "list-overdue" }],
    ["overdue", { id: "list-overdue" }],
    ["klar 12", { id: "done", ref: 12 }],
    ["klar #12", { id: "done", ref: 12 }],
    ["done 007", { id: "done", ref: 7 }],
    ["protokoll", { id: "minutes" }],
    ["minutes", { id: "minutes" }],
    ["justera", { id: "approve" }],
    ["approve", { id: "approve" }],
    ["publicera", { id: "publish" }],
    ["publish", { id: "publish" }],
    ["sök  budget   2027", { id: "search", query: "budget 2027" }],
    ["search budget", { id: "search", query: "budget" }],
    ["roll @anna ordförande", { id: "role", person: anna, role: "chair" }],
    ["roll @anna Sekreterare", { id: "role", person: anna, role: "secretary" }],
    ["roll @anna justerare", { id: "role", person: anna, role: "approver" }],
    ["roll @anna ledamot", { id: "role", person: anna, role: "member" }],
    ["role @Per secretary", { id: "role", person: per, role: "secretary" }],
    ["role @Per chair", { id: "role", person: per, role: "chair" }],
    ["role @Per approver", { id: "role", person: per, role: "approver" }],
    ["role @Per member", { id: "role", person: per, role: "member" }],
    [
      "handlingar https://www.rvn.se/handlingar?m=3",
      { id: "documents", url: "https://www.rvn.se/handlingar?m=3" },
    ],
    ["handlingar rvn.se", { id: "documents", url: "https://rvn.se" }],
    ["handlingar rvn.se/handlingar", { id: "documents", url: "https://rvn.se/handlingar" }],
    ["documents http://intranet/docs", { id: "documents", url: "http://intranet/docs" }],
    [
      "documents <https://rvn.se/docs|Handlingar 2026>",
      { id: "documents", url: "https://rvn.se/docs" },
    ],
    [
      "ingress Rådet talade om vården.\nOch om skolan.",
      { id: "lede", text: "Rådet talade om vården.\nOch om skolan." },
    ],
    ["lede The council talked about care.", { id: "lede", text: "The council talked about care." }],
    ["punkt Budget  2027", { id: "agenda-add", heading: "Budget 2027" }],
    ["agenda Budget 2027", { id: "agenda-add", heading: "Budget 2027" }],
    ["dagordning", { id: "agenda-show" }],
    ["agenda", { id: "agenda-show" }],
    [
      "ändra 12 Ny text",
      { id: "edit", ref: 12, body: { text: "Ny text", action: { text: "Ny text" } } },
    ],
    [
      "ändra #12 Budget: Ny text\nrad två",
      {
        id: "edit",
        ref: 12,
        body: {
          heading: "Budget",
          text: "Ny text\nrad två",
          action: { text: "Budget: Ny text rad två" },
        },
      },
    ],
    // Only an action reads "senast DATUM" as a due date; an item keeps the words.
    [
      "ändra 12 Boka lokal senast 30 maj",
      {
        id: "edit",
        ref: 12,
        body: { text: "Boka lokal senast 30 maj", action: { text: "Boka lokal", due: may(30) } },
      },
    ],
    [
      "ändra 5 Ekonomi: lämnas senast 30 maj",
      {
        id: "edit",
        ref: 5,
        body: {
          heading: "Ekonomi",
          text: "lämnas senast 30 maj",
          action: { text: "Ekonomi: lämnas", due: may(30) },
        },
      },
    ],
    [
      "ändra 12 senast 30 maj",
      { id: "edit", ref: 12, body: { text: "senast 30 maj", action: { due: may(30) } } },
    ],
    [
      "ändra 12 senast 31 juni",
      { id: "edit", ref: 12, body: { text: "senast 31 juni", action: { noSuchDate: "31 juni" } } },
    ],
    [
      "edit 3 Book a room by tomorrow",
      {
        id: "edit",
        ref: 3,
        body: { text: "Book a room by tomorrow", action: { text: "Book a room", due: may(21) } },
      },
    ],
    ["skjut upp 12", { id: "postpone", ref: 12 }],
    ["Skjut upp #12 till 30 maj", { id: "postpone", ref: 12, until: may(30) }],
    ["postpone 3 to next tuesday", { id: "postpone", ref: 3, until: may(26) }],
    ["protokoll 18 maj", { id: "minutes", date: may(18) }],
    ["approve May 19", { id: "approve", date: may(19) }],
    ["publicera 2026-05-30", { id: "publish", date: may(30) }],
    ["stryk 12", { id: "remove", ref: 12 }],
    ["remove #4", { id: "remove", ref: 4 }],
    ["ställ in", { id: "cancel" }],
    ["ställ in 30 maj", { id: "cancel", date: may(30) }],
    ["cancel", { id: "cancel" }],
    ["cancel next tuesday", { id: "cancel", date: may(26) }],
    [
      "flytta 11 april till 18 april kl 13",
      {
        id: "move",
        from: { year: 2027, month: 4, day: 11 },
        to: { year: 2027, month: 4, day: 18 },
        time: { hour: 13, minute: 0 },
      },
    ],
    ["flytta till nästa tisdag", { id: "move", to: may(26) }],
    [
      "move May 30 to June 2 at 10:15",
      {
        id: "move",
        from: may(30),
        to: { year: 2026, month: 6, day: 2 },
        time: { hour: 10, minute: 15 },
      },
    ],
    ["move to tomorrow", { id: "move", to: may(21) }],
  ];

  it.each(cases)("%s", (text, expected) => {
    expect(parseCommand(text, localContext)).toStrictEqual({ ok: true, command: expected });
  });
});

describe("parseCommand: how a line is read", () => {
  it("strips a leading /noterat", () => {
    expect(command("/noterat klar 12")).toStrictEqual({ id: "done", ref: 12 });
    expect(command("  /NOTERAT   öppna  ")).toStrictEqual({ id: "list-open" });
  });

  it("keeps the noterat command when it is not the slash prefix", () => {
    expect(command("/noterat noterat Budget: Text")).toStrictEqual({
      id: "item",
      kind: "info",
      heading: "Budget",
      text: "Text",
    });
  });

  it("reads keywords in any case, and ställ in across any whitespace", () => {
    expect(command("HJÄLP")).toStrictEqual({ id: "help" });
    expect(command("Öppna")).toStrictEqual({ id: "list-open" });
    expect(command("ÄNDRA 2 Text")).toStrictEqual({
      id: "edit",
      ref: 2,
      body: { text: "Text", action: { text: "Text" } },
    });
    expect(command("Ställ   IN")).toStrictEqual({ id: "cancel" });
    expect(command("MEETING may 30")).toStrictEqual({ id: "meeting", date: may(30) });
  });

  it("matches an ö typed as o and a combining diaeresis", () => {
    expect(command("o\u0308ppna")).toStrictEqual({ id: "list-open" });
  });

  it("reads Slack mentions, with and without a name", () => {
    expect(command("uppdrag <@U123ABC|anna> <@U999XYZ> Boka lokal", slackContext)).toStrictEqual({
      id: "action",
      assignees: [{ externalId: "U123ABC", displayName: "anna" }, { externalId: "U999XYZ" }],
      text: "Boka lokal",
    });
    expect(command("roll <@U123ABC> ordförande", slackContext)).toStrictEqual({
      id: "role",
      person: { externalId: "U123ABC" },
      role: "chair",
    });
    expect(command("uppdrag <@U123ABC|anna>", slackContext)).toStrictEqual({
      id: "list-person",
      person: { externalId: "U123ABC", displayName: "anna" },
    });
  });

  it("keeps a Slack mention whose name has a space in one word", () => {
    expect(command("actions <@U123ABC|Anna Berg>", slackContext)).toStrictEqual({
      id: "list-person",
      person: { externalId: "U123ABC", displayName: "Anna Berg" },
    });
  });

  it("does not take the local syntax on Slack: there `@anna` is a handle, never a Slack user", () => {
    // The handler refuses it unless the council named someone outside the chat @anna.
    expect(command("uppdrag @anna Boka lokal", slackContext)).toStrictEqual({
      id: "action",
      assignees: [{ handle: "anna" }],
      text: "Boka lokal",
    });
  });

  it("accepts the length limits exactly", () => {
    const heading = "R".repeat(200);
    const text = "t".repeat(4000);
    expect(command(`noterat ${heading}: ${text}`)).toStrictEqual({
      id: "item",
      kind: "info",
      heading,
      text,
    });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(command(`punkt ${"😀".repeat(200)}`)).toStrictEqual({
      id: "agenda-add",
      heading: "😀".repeat(200),
    });
  });
});
