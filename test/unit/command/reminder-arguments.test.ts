import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/domain/command/parse-command.js";
import type { ParseError, ReminderChange } from "../../../src/domain/command/parsed-command.js";
import { applyReminderChange } from "../../../src/domain/command/reminder-arguments.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type QuietWindow,
  type ReminderSettings,
} from "../../../src/domain/reminders/reminder-settings.js";
import type { LocalTime } from "../../../src/domain/types.js";
import { localContext } from "./parse-context.js";

// `påminnelser …` / `reminders …` (architecture.md §5): every setting in Swedish and English, and
// every way to get one wrong.

function change(text: string): ReminderChange | string {
  const result = parseCommand(text, localContext);
  if (!result.ok) return `error ${result.error.code}`;
  return result.command.id === "reminders-set" ? result.command.change : result.command.id;
}

function error(text: string): ParseError {
  const result = parseCommand(text, localContext);
  if (result.ok) throw new Error(`${text} was understood`);
  return result.error;
}

const days = (amount: number) => ({ unit: "days", amount }) as const;
const minutes = (amount: number) => ({ unit: "minutes", amount }) as const;
const time = (hour: number, minute = 0) => ({ hour, minute });

describe("påminnelser / reminders", () => {
  it.each(["påminnelser", "reminders", "/noterat påminnelser", "Påminnelser"])(
    "%s alone shows the settings",
    (text) => {
      expect(change(text)).toBe("reminders-show");
    },
  );

  it.each<[string, ReminderChange]>([
    ["påminnelser av", { enabled: false }],
    ["reminders off", { enabled: false }],
    ["påminnelser på", { enabled: true }],
    ["reminders on", { enabled: true }],
    ["påminnelser möte 7d 1d", { meetingLeads: [days(7), days(1)] }],
    ["reminders meeting 1d 7d", { meetingLeads: [days(7), days(1)] }],
    ["påminnelser möte 2h", { meetingLeads: [minutes(120)] }],
    ["påminnelser möten 3dagar 90min 1t", { meetingLeads: [days(3), minutes(90), minutes(60)] }],
    ["reminders meetings 1day 30minutes", { meetingLeads: [days(1), minutes(30)] }],
    ["påminnelser möte 7d, 1d", { meetingLeads: [days(7), days(1)] }],
    ["påminnelser möte 1d 1d", { meetingLeads: [days(1)] }],
    ["påminnelser möte 0d", { meetingLeads: [days(0)] }],
    ["påminnelser möte 60d 24h", { meetingLeads: [days(60), minutes(1440)] }],
    ["påminnelser möte av", { meetingLeads: [] }],
    ["reminders meeting off", { meetingLeads: [] }],
    ["påminnelser uppdrag 1d", { actionsLead: days(1) }],
    ["reminders actions 2h", { actionsLead: minutes(120) }],
    ["påminnelser uppdrag av", { actionsLead: null }],
    ["reminders actions off", { actionsLead: null }],
    ["påminnelser kl 9", { at: time(9) }],
    ["påminnelser kl 09:00", { at: time(9) }],
    ["påminnelser kl. 9.30", { at: time(9, 30) }],
    ["påminnelser klockan 8", { at: time(8) }],
    ["reminders at 8:15", { at: time(8, 15) }],
    ["reminders at 9 am", { at: time(9) }],
    ["påminnelser sammanfattning måndag", { digestDay: 1 }],
    ["påminnelser sammanfattning fre", { digestDay: 5 }],
    ["påminnelser veckosammanfattning söndag", { digestDay: 7 }],
    ["reminders digest monday", { digestDay: 1 }],
    ["reminders digest on Friday", { digestDay: 5 }],
    ["påminnelser sammanfattning på tisdag", { digestDay: 2 }],
    ["påminnelser sammanfattning av", { digestDay: null }],
    ["reminders digest off", { digestDay: null }],
    ["påminnelser dagtid 08-18", { hours: { from: time(8), to: time(18) } }],
    ["påminnelser dagtid 8–18", { hours: { from: time(8), to: time(18) } }],
    ["påminnelser dagtid 08:00-18:00", { hours: { from: time(8), to: time(18) } }],
    ["påminnelser dagtid 8.30 – 17", { hours: { from: time(8, 30), to: time(17) } }],
    ["reminders hours 7-19", { hours: { from: time(7), to: time(19) } }],
    ["reminders hours 9am-5pm", { hours: { from: time(9), to: time(17) } }],
    ["påminnelser dagtid alltid", { hours: null }],
    ["reminders hours always", { hours: null }],
    ["påminnelser helger", { weekends: true }],
    ["reminders weekends", { weekends: true }],
    ["påminnelser vardagar", { weekends: false }],
    ["reminders weekdays", { weekends: false }],
    [
      "påminnelser på möte 7d 1d uppdrag 1d kl 9 sammanfattning måndag dagtid 08-18 vardagar",
      {
        enabled: true,
        meetingLeads: [days(7), days(1)],
        actionsLead: days(1),
        at: time(9),
        digestDay: 1,
        hours: { from: time(8), to: time(18) },
        weekends: false,
      },
    ],
    [
      "reminders weekends at 10 meeting 3d actions off",
      { weekends: true, at: time(10), meetingLeads: [days(3)], actionsLead: null },
    ],
    ["påminnelser möte 7d av", { meetingLeads: [days(7)], enabled: false }],
    ["PÅMINNELSER MÖTE 7D", { meetingLeads: [days(7)] }],
  ])("%s", (text, expected) => {
    expect(change(text)).toEqual(expected);
  });

  describe("what it refuses, with the form of the command", () => {
    it.each<[string, ParseError]>([
      [
        "påminnelser snart",
        { code: "unexpected-argument", command: "reminders-set", params: { word: "snart" } },
      ],
      [
        "påminnelser möte 7d imorgon",
        { code: "unexpected-argument", command: "reminders-set", params: { word: "imorgon" } },
      ],
      [
        "påminnelser på av",
        { code: "unexpected-argument", command: "reminders-set", params: { word: "av" } },
      ],
      [
        "reminders meeting 7d meeting 1d",
        {
          code: "unexpected-argument",
          command: "reminders-set",
          params: { word: "meeting 1d" },
        },
      ],
      [
        "påminnelser dagtid alltid dagtid 8-18",
        {
          code: "unexpected-argument",
          command: "reminders-set",
          params: { word: "dagtid 8-18" },
        },
      ],
      [
        "påminnelser helger vardagar",
        { code: "unexpected-argument", command: "reminders-set", params: { word: "vardagar" } },
      ],
      [
        "påminnelser möte",
        { code: "missing-argument", command: "reminders-set", params: { word: "möte" } },
      ],
      [
        "reminders meeting at 9",
        { code: "missing-argument", command: "reminders-set", params: { word: "meeting" } },
      ],
      [
        "påminnelser uppdrag",
        { code: "missing-argument", command: "reminders-set", params: { word: "uppdrag" } },
      ],
      [
        "påminnelser uppdrag kl 9",
        { code: "missing-argument", command: "reminders-set", params: { word: "uppdrag" } },
      ],
      [
        "påminnelser kl",
        { code: "missing-argument", command: "reminders-set", params: { word: "kl" } },
      ],
      [
        "reminders digest",
        { code: "missing-argument", command: "reminders-set", params: { word: "digest" } },
      ],
      [
        "påminnelser dagtid",
        { code: "missing-argument", command: "reminders-set", params: { word: "dagtid" } },
      ],
    ])("%s", (text, expected) => {
      expect(error(text)).toEqual(expected);
    });

    const badLead = (word: string) => ({
      code: "bad-lead",
      command: "reminders-set",
      params: { word, days: 60, hours: 24 },
    });

    it.each([
      ["påminnelser möte 61d", "61d"],
      ["påminnelser möte 25h", "25h"],
      ["påminnelser möte 1441min", "1441min"],
      ["påminnelser möte 0h", "0h"],
      ["påminnelser möte 0min", "0min"],
      ["påminnelser möte 7x", "7x"],
      ["påminnelser möte 7", "7"],
      ["påminnelser möte 7d 1,5d", "1,5d"],
      ["reminders actions 3weeks", "3weeks"],
      ["reminders actions 99999d", "99999d"],
    ])("%s is no lead time", (text, word) => {
      expect(error(text)).toEqual(badLead(word));
    });

    it("allows four meeting reminders, not five", () => {
      expect(change("påminnelser möte 14d 7d 1d 2h")).toEqual({
        meetingLeads: [days(14), days(7), days(1), minutes(120)],
      });
      expect(error("påminnelser möte 14d 7d 3d 1d 2h")).toEqual({
        code: "too-many-leads",
        command: "reminders-set",
        params: { limit: 4, count: 5 },
      });
    });

    it.each([
      ["påminnelser kl 25", "25"],
      ["påminnelser kl 9:75", "9:75"],
      ["reminders at noon", "noon"],
    ])("%s is no time", (text, word) => {
      expect(error(text)).toEqual({ code: "bad-time", command: "reminders-set", params: { word } });
    });

    it.each([
      ["påminnelser dagtid 18-08", "18-08"],
      ["påminnelser dagtid 8-8", "8-8"],
      ["påminnelser dagtid 8", "8"],
      ["påminnelser dagtid 8-25", "8-25"],
      ["påminnelser dagtid kontorstid", "kontorstid"],
      ["reminders hours 9 - 5", "9 - 5"],
    ])("%s is no span of hours", (text, word) => {
      expect(error(text)).toEqual({
        code: "bad-hours",
        command: "reminders-set",
        params: { word },
      });
    });

    it.each([
      ["påminnelser sammanfattning imorgon", "imorgon"],
      ["reminders digest weekly", "weekly"],
      ["reminders digest 1", "1"],
    ])("%s is no weekday", (text, word) => {
      expect(error(text)).toEqual({
        code: "bad-weekday",
        command: "reminders-set",
        params: { word },
      });
    });
  });
});

describe("applyReminderChange: hours and weekends change apart", () => {
  type Window = QuietWindow | null;
  const span = (from: number, to: number) => ({ from: time(from), to: time(to) });
  const anyHour = { from: time(0), to: time(23, 59) };
  const weekdays = (hours: { from: LocalTime; to: LocalTime }): Window => ({
    ...hours,
    weekdaysOnly: true,
  });
  const everyDay = (hours: { from: LocalTime; to: LocalTime }): Window => ({
    ...hours,
    weekdaysOnly: false,
  });
  const DEFAULT_WINDOW = weekdays(span(8, 18));

  /** The window after typing each command in turn, from `window`. */
  function windowAfter(window: Window, ...texts: string[]): Window {
    let settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, window };
    for (const text of texts) {
      const changed = change(text);
      if (typeof changed === "string") throw new Error(`${text}: ${changed}`);
      settings = applyReminderChange(settings, changed);
    }
    return settings.window;
  }

  it.each<[string, Window, string[], Window]>([
    [
      "alltid keeps weekdays only",
      DEFAULT_WINDOW,
      ["påminnelser dagtid alltid"],
      weekdays(anyHour),
    ],
    ["always keeps weekdays only", DEFAULT_WINDOW, ["reminders hours always"], weekdays(anyHour)],
    ["alltid keeps weekends", everyDay(span(8, 18)), ["påminnelser dagtid alltid"], null],
    ["alltid with no window", null, ["påminnelser dagtid alltid"], null],
    [
      "alltid, then helger",
      DEFAULT_WINDOW,
      ["påminnelser dagtid alltid", "påminnelser helger"],
      null,
    ],
    [
      "helger, then alltid",
      DEFAULT_WINDOW,
      ["påminnelser helger", "påminnelser dagtid alltid"],
      null,
    ],
    ["alltid helger", DEFAULT_WINDOW, ["påminnelser dagtid alltid helger"], null],
    ["helger alltid", DEFAULT_WINDOW, ["påminnelser helger dagtid alltid"], null],
    ["weekends hours always", DEFAULT_WINDOW, ["reminders weekends hours always"], null],
    ["alltid vardagar", null, ["påminnelser dagtid alltid vardagar"], weekdays(anyHour)],
    ["vardagar alltid", null, ["påminnelser vardagar dagtid alltid"], weekdays(anyHour)],
    [
      "vardagar, then alltid",
      null,
      ["påminnelser vardagar", "påminnelser dagtid alltid"],
      weekdays(anyHour),
    ],
    [
      "hours keep weekdays only",
      DEFAULT_WINDOW,
      ["påminnelser dagtid 7-19"],
      weekdays(span(7, 19)),
    ],
    ["hours keep every day", null, ["påminnelser dagtid 7-19"], everyDay(span(7, 19))],
    ["helger keeps the hours", DEFAULT_WINDOW, ["påminnelser helger"], everyDay(span(8, 18))],
    [
      "vardagar keeps the hours",
      everyDay(span(7, 19)),
      ["reminders weekdays"],
      weekdays(span(7, 19)),
    ],
    ["hours helger", DEFAULT_WINDOW, ["påminnelser dagtid 7-19 helger"], everyDay(span(7, 19))],
    ["helger hours", DEFAULT_WINDOW, ["påminnelser helger dagtid 7-19"], everyDay(span(7, 19))],
    [
      "hours, then alltid",
      DEFAULT_WINDOW,
      ["påminnelser dagtid 7-19", "påminnelser dagtid alltid"],
      weekdays(anyHour),
    ],
    ["other settings", DEFAULT_WINDOW, ["påminnelser av möte 1d kl 10"], DEFAULT_WINDOW],
  ])("%s", (_name, window, texts, expected) => {
    expect(windowAfter(window, ...texts)).toEqual(expected);
  });

  it("changes only what the command names", () => {
    const settings = { ...DEFAULT_REMINDER_SETTINGS, digestDay: 5 };
    expect(applyReminderChange(settings, { enabled: false, hours: null })).toEqual({
      ...settings,
      enabled: false,
      window: weekdays(anyHour),
    });
  });
});
