// A council's reminder settings as stored: the defaults of architecture.md §5, and a stored value
// that is malformed or out of range falls back per setting, never silencing the council.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDER_SETTINGS,
  isValidLead,
  type ReminderSettings,
  readReminderSettings,
  writeReminderSettings,
} from "../../../src/domain/reminders/reminder-settings.js";

const DEFAULTS: ReminderSettings = {
  enabled: true,
  meetingLeads: [
    { unit: "days", amount: 7 },
    { unit: "days", amount: 1 },
  ],
  actionsLead: { unit: "days", amount: 1 },
  at: { hour: 9, minute: 0 },
  digestDay: 1,
  window: { from: { hour: 8, minute: 0 }, to: { hour: 18, minute: 0 }, weekdaysOnly: true },
  approvalDeadlineDays: 14,
};

const CUSTOM: ReminderSettings = {
  enabled: false,
  meetingLeads: [
    { unit: "days", amount: 3 },
    { unit: "minutes", amount: 30 },
  ],
  actionsLead: null,
  at: { hour: 7, minute: 45 },
  digestDay: null,
  window: null,
  approvalDeadlineDays: 30,
};

function read(value: Record<string, unknown>): ReminderSettings {
  return readReminderSettings(JSON.stringify(value));
}

describe("reminder settings", () => {
  it("default to architecture.md §5: 7 and 1 days before, 1 day before privately, 09:00, Monday digest, 08–18 weekdays", () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual(DEFAULTS);
    expect(readReminderSettings(null)).toEqual(DEFAULTS);
  });

  it("read back what was written, nulls included", () => {
    expect(readReminderSettings(writeReminderSettings(CUSTOM))).toEqual(CUSTOM);
    const custom = {
      ...DEFAULTS,
      digestDay: 7,
      window: { ...DEFAULTS.window, weekdaysOnly: false },
    };
    expect(readReminderSettings(writeReminderSettings(custom as ReminderSettings))).toEqual(custom);
  });

  it.each(["", "{", "not json", "null", "42", '"text"', "true"])(
    "fall back to the defaults for stored text that is not a settings object: %j",
    (json) => {
      expect(readReminderSettings(json)).toEqual(DEFAULTS);
    },
  );

  it("take the defaults for missing settings and keep the others", () => {
    expect(read({})).toEqual(DEFAULTS);
    expect(read({ digestDay: 3 })).toEqual({ ...DEFAULTS, digestDay: 3 });
    expect(read({ enabled: false, window: null })).toEqual({
      ...DEFAULTS,
      enabled: false,
      window: null,
    });
  });

  it.each<[string, Record<string, unknown>, keyof ReminderSettings]>([
    ["enabled as a string", { enabled: "false" }, "enabled"],
    ["an hour of 24", { at: { hour: 24, minute: 0 } }, "at"],
    ["a minute of 60", { at: { hour: 9, minute: 60 } }, "at"],
    ["a fractional hour", { at: { hour: 8.5, minute: 0 } }, "at"],
    ["a time as text", { at: "09:00" }, "at"],
    ["digest day 0", { digestDay: 0 }, "digestDay"],
    ["digest day 8", { digestDay: 8 }, "digestDay"],
    ["digest day 1.5", { digestDay: 1.5 }, "digestDay"],
    ["digest day as text", { digestDay: "1" }, "digestDay"],
    ["a lead of 61 days", { meetingLeads: [{ unit: "days", amount: 61 }] }, "meetingLeads"],
    ["a negative lead", { meetingLeads: [{ unit: "days", amount: -1 }] }, "meetingLeads"],
    ["a lead of 0 minutes", { meetingLeads: [{ unit: "minutes", amount: 0 }] }, "meetingLeads"],
    [
      "a lead of 1441 minutes",
      { meetingLeads: [{ unit: "minutes", amount: 1441 }] },
      "meetingLeads",
    ],
    ["a lead in hours", { meetingLeads: [{ unit: "hours", amount: 2 }] }, "meetingLeads"],
    [
      "one bad lead among good ones",
      {
        meetingLeads: [
          { unit: "days", amount: 2 },
          { unit: "days", amount: 1.5 },
        ],
      },
      "meetingLeads",
    ],
    [
      "five meeting leads",
      { meetingLeads: [5, 4, 3, 2, 1].map((amount) => ({ unit: "days", amount })) },
      "meetingLeads",
    ],
    ["leads not a list", { meetingLeads: { unit: "days", amount: 1 } }, "meetingLeads"],
    ["an actions lead of 90 days", { actionsLead: { unit: "days", amount: 90 } }, "actionsLead"],
    [
      "hours that close before they open",
      { window: { from: { hour: 18, minute: 0 }, to: { hour: 8, minute: 0 }, weekdaysOnly: true } },
      "window",
    ],
    [
      "hours that close as they open",
      { window: { from: { hour: 9, minute: 0 }, to: { hour: 9, minute: 0 }, weekdaysOnly: true } },
      "window",
    ],
    [
      "hours without weekdaysOnly",
      { window: { from: { hour: 7, minute: 0 }, to: { hour: 19, minute: 0 } } },
      "window",
    ],
  ])("fall back for that setting alone on %s", (_label, stored, field) => {
    const result = read({ ...CUSTOM, ...stored });
    expect(result[field]).toEqual(DEFAULTS[field]);
    // Every other setting is the stored one.
    expect({ ...result, [field]: CUSTOM[field] }).toEqual(CUSTOM);
  });

  it("accept the edges of the ranges", () => {
    const edges = {
      ...CUSTOM,
      meetingLeads: [
        { unit: "days", amount: 0 },
        { unit: "days", amount: 60 },
        { unit: "minutes", amount: 1 },
        { unit: "minutes", amount: 1440 },
      ],
      at: { hour: 23, minute: 59 },
      digestDay: 7,
      window: { from: { hour: 0, minute: 0 }, to: { hour: 23, minute: 59 }, weekdaysOnly: false },
    };
    expect(read(edges)).toEqual(edges);
  });

  it("validate leads: whole days 0–60, whole minutes 1–1440", () => {
    expect(isValidLead({ unit: "days", amount: 0 })).toBe(true);
    expect(isValidLead({ unit: "days", amount: 60 })).toBe(true);
    expect(isValidLead({ unit: "days", amount: 61 })).toBe(false);
    expect(isValidLead({ unit: "minutes", amount: 0 })).toBe(false);
    expect(isValidLead({ unit: "minutes", amount: 1440 })).toBe(true);
    expect(isValidLead({ unit: "minutes", amount: 1441 })).toBe(false);
    expect(isValidLead({ unit: "minutes", amount: 2.5 })).toBe(false);
  });
});
