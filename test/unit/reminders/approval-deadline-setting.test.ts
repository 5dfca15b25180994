// `påminnelser justering 14d` / `reminders approval 14d` (architecture.md §12): read from the words,
// kept in the stored settings with 14 days when absent or malformed, and shown in both
// languages where it applies.
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import { createTranslator } from "../../../src/domain/i18n/translator.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  readReminderSettings,
  writeReminderSettings,
} from "../../../src/domain/reminders/reminder-settings.js";
import type { ReplyBlock } from "../../../src/domain/reply.js";
import type { CouncilMode, Locale } from "../../../src/domain/types.js";
import { describeReminderSettings } from "../../../src/handlers/reminder-settings-description.js";
import { localContext } from "../command/parse-context.js";

function parse(text: string) {
  const result = parseCommand(text, localContext);
  if (!result.ok) return result.error;
  return result.command.id === "reminders-set" ? result.command.change : result.command.id;
}

describe("the approval deadline as stored", () => {
  it("is 14 days when the stored settings have none, as before protocol mode", () => {
    expect(DEFAULT_REMINDER_SETTINGS.approvalDeadlineDays).toBe(14);
    const older = JSON.stringify({ ...DEFAULT_REMINDER_SETTINGS, approvalDeadlineDays: undefined });
    expect(readReminderSettings(older).approvalDeadlineDays).toBe(14);
  });

  it("reads back what was written, from 1 to 60 days", () => {
    for (const days of [1, 10, 60]) {
      const settings = { ...DEFAULT_REMINDER_SETTINGS, approvalDeadlineDays: days };
      expect(readReminderSettings(writeReminderSettings(settings))).toEqual(settings);
    }
  });

  it.each([0, 61, 14.5, -3, "10", null])(
    "falls back to 14 days for %j, keeping the rest",
    (days) => {
      const stored = { ...DEFAULT_REMINDER_SETTINGS, digestDay: 3, approvalDeadlineDays: days };
      expect(readReminderSettings(JSON.stringify(stored))).toEqual({
        ...DEFAULT_REMINDER_SETTINGS,
        digestDay: 3,
      });
    },
  );
});

describe("påminnelser justering / reminders approval", () => {
  it.each([
    ["påminnelser justering 10d", 10],
    ["reminders approval 21days", 21],
    ["påminnelser justering 1dag", 1],
    ["Påminnelser Justering 60D", 60],
  ])("%s sets %i days", (text, days) => {
    expect(parse(text)).toEqual({ approvalDeadlineDays: days });
  });

  it("goes with other settings, in any order", () => {
    expect(parse("påminnelser justering 7d kl 8")).toEqual({
      approvalDeadlineDays: 7,
      at: { hour: 8, minute: 0 },
    });
    expect(parse("reminders at 8 approval 7d")).toEqual({
      approvalDeadlineDays: 7,
      at: { hour: 8, minute: 0 },
    });
  });

  it.each([
    ["påminnelser justering 0d", "0d"],
    ["påminnelser justering 61d", "61d"],
    ["påminnelser justering 14", "14"],
    ["reminders approval 2h", "2h"],
    ["reminders approval 3weeks", "3weeks"],
  ])("refuses %s, saying what the value may be", (text, word) => {
    expect(parse(text)).toEqual({
      code: "bad-approval-days",
      command: "reminders-set",
      params: { word, min: 1, max: 60 },
    });
  });

  it("asks for the value when none is given, and refuses the setting twice", () => {
    expect(parse("påminnelser justering")).toEqual({
      code: "missing-argument",
      command: "reminders-set",
      params: { word: "justering" },
    });
    expect(parse("reminders approval at 9")).toMatchObject({ code: "missing-argument" });
    expect(parse("påminnelser justering 10d justering 12d")).toMatchObject({
      code: "unexpected-argument",
    });
  });

  it("has its error in both languages", () => {
    for (const locale of ["sv", "en"] as const) {
      const text = createTranslator(locale).t("parse.bad-approval-days", {
        word: "0d",
        min: 1,
        max: 60,
      });
      expect(text).toContain("0d");
      expect(text).toContain("60");
    }
  });
});

describe("the settings in words", () => {
  function lines(mode: CouncilMode, days: number, locale: Locale = "sv"): string[] {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, approvalDeadlineDays: days };
    const blocks = describeReminderSettings(settings, "Reglab", createTranslator(locale), mode);
    return blocks.flatMap((block: ReplyBlock) => (block.type === "list" ? block.lines : []));
  }

  it("name the deadlines in protocol mode, in Swedish and English", () => {
    expect(lines("protocol", 14).slice(-2)).toEqual([
      "Protokoll att sammanställa: 2 och 5 dagar efter mötet, till sekreteraren",
      "Justering: senast 14 dagar efter mötet; den som ska justera och inte har gjort det påminns 3 dagar och 1 dag före och dagen efter, privat",
    ]);
    expect(lines("protocol", 1, "en").slice(-2)).toEqual([
      "Minutes to compile: 2 and 5 days after the meeting, to the secretary",
      "Approval: within 1 day of the meeting; whoever is to approve and has not is reminded 3 days and 1 day before and the day after, privately",
    ]);
  });

  it("leave them out in notes mode, unless the secretary has set a deadline of their own", () => {
    expect(lines("notes", 14)).toHaveLength(5);
    expect(lines("notes", 10).at(-1)).toContain("senast 10 dagar efter mötet");
  });
});
