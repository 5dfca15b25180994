import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { ParsedCommand } from "../../../src/domain/command/parsed-command.js";
import { localContext, slackContext } from "./parse-context.js";

// The protocol-mode commands (architecture.md §12), Swedish and English, and their refusals.

function parse(text: string, context = localContext): ParsedCommand | string {
  const result = parseCommand(text, context);
  return result.ok ? result.command : `${result.error.code} ${result.error.command ?? ""}`.trim();
}

const person = (name: string) => ({ externalId: name.toLowerCase(), displayName: name });

describe("protocol-mode commands", () => {
  it.each<[string, ParsedCommand]>([
    ["läge protokoll", { id: "mode", mode: "protocol" }],
    ["mode notes", { id: "mode", mode: "notes" }],
    ["Läge Anteckningar", { id: "mode", mode: "notes" }],
    ["inställningar", { id: "settings" }],
    ["settings", { id: "settings" }],
    [
      "ledamot @Anna och @Per, @Eva",
      { id: "register", role: "member", people: [person("Anna"), person("Per"), person("Eva")] },
    ],
    ["substitute @Erik", { id: "register", role: "substitute", people: [person("Erik")] }],
    [
      "ersättare @Erik för @David",
      { id: "serving", substitute: person("Erik"), member: person("David") },
    ],
    [
      "substitute @Erik for @David",
      { id: "serving", substitute: person("Erik"), member: person("David") },
    ],
    ["medlemmar", { id: "members" }],
    [
      "närvarande @Anna @Per",
      { id: "attendance", status: "present", people: [person("Anna"), person("Per")] },
    ],
    ["absent @Per", { id: "attendance", status: "absent", people: [person("Per")] }],
    ["justerare", { id: "approvers", people: [] }],
    ["approvers @Anna @Per", { id: "approvers", people: [person("Anna"), person("Per")] }],
    [
      "reservation 12 @Eva till förmån för eget yrkande",
      { id: "reservation", ref: 12, person: person("Eva"), text: "till förmån för eget yrkande" },
    ],
    ["dissent #12 @Eva", { id: "reservation", ref: 12, person: person("Eva"), text: "" }],
    [
      "anteckning 12 Bör prioriteras 2028.",
      { id: "remark", ref: 12, text: "Bör prioriteras 2028." },
    ],
    ["jäv 12 @Erik", { id: "conflict", ref: 12, person: person("Erik") }],
    ["votering 12 4 1", { id: "vote", ref: 12, yes: 4, no: 1 }],
    ["vote 12 4 1 2", { id: "vote", ref: 12, yes: 4, no: 1, abstain: 2 }],
    ["omedelbar 12", { id: "immediate", ref: 12 }],
    ["justera 12", { id: "approve", ref: 12 }],
    ["publish #12", { id: "publish", ref: 12 }],
    ["anslag", { id: "notice-show" }],
    ["anslag på", { id: "notice-set", enabled: true }],
    ["notice off", { id: "notice-set", enabled: false }],
  ])("%s", (text, command) => {
    expect(parse(text)).toEqual(command);
  });

  it("reads Slack's mentions in the register", () => {
    expect(parse("ledamot <@U1|anna> <@U2>", slackContext)).toEqual({
      id: "register",
      role: "member",
      people: [{ externalId: "U1", displayName: "anna" }, { externalId: "U2" }],
    });
  });

  it("keeps a date after justera and publicera a date, also one that does not exist", () => {
    expect(parse("justera 2026-05-04")).toEqual({
      id: "approve",
      date: { year: 2026, month: 5, day: 4 },
    });
    expect(parse("publicera 31 april")).toBe("no-such-date publish");
  });

  it.each([
    ["läge formell", "bad-mode mode"],
    ["läge", "missing-argument mode"],
    ["anslag kanske", "bad-switch notice-set"],
    ["ledamot", "missing-argument register"],
    ["ledamot @Anna Per", "bad-mention register"],
    ["närvarande alla", "bad-mention attendance"],
    ["ersättare @Erik för", "missing-argument serving"],
    ["ersättare @Erik för David", "bad-mention serving"],
    ["reservation tolv @Eva", "bad-id reservation"],
    ["reservation 12 Eva", "bad-mention reservation"],
    ["jäv 12 @Erik och mer", "unexpected-argument conflict"],
    ["anteckning 12", "empty-text remark"],
    ["votering 12 4", "missing-argument vote"],
    ["votering 12 fyra 1", "bad-count vote"],
    ["votering 12 -1 1", "bad-count vote"],
    ["votering 12 4 1 0 9", "unexpected-argument vote"],
    ["omedelbar", "missing-argument immediate"],
    ["omedelbar 12 13", "unexpected-argument immediate"],
  ])("refuses %s", (text, error) => {
    expect(parse(text)).toBe(error);
  });
});
