import { isoWeekday } from "../dates/local-date.js";
import { parseTime, parseWeekdayName } from "../dates/parse-date.js";
import {
  isValidApprovalDays,
  isValidLead,
  type Lead,
  minutesOf,
  type QuietWindow,
  REMINDER_LIMITS,
  type ReminderSettings,
} from "../reminders/reminder-settings.js";
import type { CommandInput } from "./command-input.js";
import { TIME_MARKERS } from "./date-words.js";
import { parsed, type Rejection, rejected, unexpectedArgument } from "./parse-outcome.js";
import type { ParseResult, ReminderChange } from "./parsed-command.js";
import { joinWords, type Token, withoutTrailing } from "./tokens.js";

// `påminnelser [på|av] [möte 7d 1d] [uppdrag 1d] [kl 9] [sammanfattning måndag] [dagtid 8-18]
// [helger|vardagar] [justering 14d]`: settings in any order, each at most once. A word names the setting and
// the words after it are its value, so a command changes only what it names.

type Read = { ok: true; change: ReminderChange; next: number } | Rejection;
/** Reads the setting whose word is `input.args[at]`. */
type SettingReader = (input: CommandInput, at: number) => Read;

const COMMAND = "reminders-set";
const ON_WORDS = ["på", "on"];
const OFF_WORDS = ["av", "off"];
const ALWAYS_WORDS = ["alltid", "always"];
const DASHES = /^[-–—]$/u;
const RANGE = /^(.+?)[-–—](.+)$/u;

/** `7d`, `2h`, `30min`: a number with its unit written on. */
const LEAD = /^(\d{1,5})(\p{L}+)$/u;
/** Minutes per unit; 0 for days, which go out at the council's reminder time, not counted back from the start. */
const LEAD_UNITS = new Map<string, number>([
  ...unitWords(0, "d dag dagar day days"),
  ...unitWords(60, "h t tim timme timmar hour hours"),
  ...unitWords(1, "min minut minuter minute minutes"),
]);

function unitWords(minutes: number, list: string): [string, number][] {
  return list.split(" ").map((word) => [word, minutes]);
}

/** `påminnelser` alone shows the settings; with words it changes them (architecture.md §5). */
export function parseReminders(input: CommandInput): ParseResult {
  if (input.args.length === 0) return parsed({ id: "reminders-show" });
  let change: ReminderChange = {};
  let at = 0;
  for (let token = input.args[at]; token !== undefined; token = input.args[at]) {
    const reader = SETTINGS.get(wordOf(token));
    if (reader === undefined) return unexpectedArgument(input, at, COMMAND);
    const read = reader(input, at);
    if (!read.ok) return read;
    // The same setting twice ("på … av") is a slip whose meaning we must not guess.
    if (Object.keys(read.change).some((key) => Object.hasOwn(change, key))) {
      return unexpectedArgument(input, at, COMMAND);
    }
    change = { ...change, ...read.change };
    at = read.next;
  }
  return parsed({ id: COMMAND, change });
}

/** "Any hour" when only the days are limited (`påminnelser dagtid alltid vardagar`). */
const WHOLE_DAY = { from: { hour: 0, minute: 0 }, to: { hour: 23, minute: 59 } };

/** The settings after a `påminnelser …` change: what it names changes, the rest stays. */
export function applyReminderChange(
  settings: ReminderSettings,
  change: ReminderChange,
): ReminderSettings {
  const { hours, weekends, ...rest } = change;
  return { ...settings, ...rest, window: windowAfter(settings.window, hours, weekends) };
}

/**
 * Hours and days change apart: `dagtid 8-17` and `dagtid alltid` keep whether weekends count,
 * `helger` and `vardagar` keep the hours. Any hour on every day is stored as no window.
 */
function windowAfter(
  window: QuietWindow | null,
  hours: ReminderChange["hours"],
  weekends: boolean | undefined,
): QuietWindow | null {
  if (hours === undefined && weekends === undefined) return window;
  const span = hours === undefined ? (window ?? WHOLE_DAY) : (hours ?? WHOLE_DAY);
  const weekdaysOnly = weekends === undefined ? (window?.weekdaysOnly ?? false) : !weekends;
  const wholeDay =
    minutesOf(span.from) === minutesOf(WHOLE_DAY.from) &&
    minutesOf(span.to) === minutesOf(WHOLE_DAY.to);
  return wholeDay && !weekdaysOnly ? null : { from: span.from, to: span.to, weekdaysOnly };
}

const readMeetingLeads: SettingReader = (input, at) => {
  if (isOff(input.args[at + 1])) return { ok: true, change: { meetingLeads: [] }, next: at + 2 };
  const leads: Lead[] = [];
  let next = at + 1;
  for (let token = input.args[next]; token !== undefined; token = input.args[++next]) {
    const lead = readLead(token);
    if (lead === undefined) break;
    if (lead === null) return badLead(token);
    if (!leads.some((known) => known.unit === lead.unit && known.amount === lead.amount)) {
      leads.push(lead);
    }
  }
  if (leads.length === 0) return missing(input, at);
  if (leads.length > REMINDER_LIMITS.maxMeetingLeads) {
    return rejected("too-many-leads", COMMAND, {
      limit: REMINDER_LIMITS.maxMeetingLeads,
      count: leads.length,
    });
  }
  // Earliest first, as the reminders go out.
  leads.sort((a, b) => leadMinutes(b) - leadMinutes(a));
  return { ok: true, change: { meetingLeads: leads }, next };
};

const readActionsLead: SettingReader = (input, at) => {
  const token = input.args[at + 1];
  if (isOff(token)) return { ok: true, change: { actionsLead: null }, next: at + 2 };
  const lead = token === undefined ? undefined : readLead(token);
  if (token === undefined || lead === undefined) return missing(input, at);
  return lead === null ? badLead(token) : { ok: true, change: { actionsLead: lead }, next: at + 2 };
};

/** `justering 14d`: the protocol's approval deadline, in days after the meeting (architecture.md §12). */
const readApprovalDays: SettingReader = (input, at) => {
  const token = input.args[at + 1];
  const lead = token === undefined ? undefined : readLead(token);
  if (token === undefined || lead === undefined) return missing(input, at);
  const days = lead?.unit === "days" ? lead.amount : undefined;
  if (!isValidApprovalDays(days)) {
    return rejected("bad-approval-days", COMMAND, {
      word: token.text,
      min: REMINDER_LIMITS.minApprovalDays,
      max: REMINDER_LIMITS.maxApprovalDays,
    });
  }
  return { ok: true, change: { approvalDeadlineDays: days }, next: at + 2 };
};

const readAt: SettingReader = (input, at) => {
  const { args } = input;
  if (args[at + 1] === undefined) return missing(input, at);
  // "at 9 am" is two words, "kl 9" one; the longer reading wins.
  for (const count of [2, 1]) {
    const to = at + 1 + count;
    const time = to > args.length ? undefined : parseTime(joinWords(args, at + 1, to));
    if (time !== undefined) return { ok: true, change: { at: time }, next: to };
  }
  return rejected("bad-time", COMMAND, { word: args[at + 1]?.text ?? "" });
};

const readDigest: SettingReader = (input, at) => {
  // "digest on monday", "sammanfattning på måndag": the preposition is optional.
  const skip = isOneOf(input.args[at + 1], ON_WORDS) && input.args[at + 2] !== undefined ? 1 : 0;
  const token = input.args[at + 1 + skip];
  const next = at + 2 + skip;
  if (token === undefined) return missing(input, at);
  if (isOff(token)) return { ok: true, change: { digestDay: null }, next };
  const weekday = parseWeekdayName(wordOf(token));
  if (weekday === undefined) return rejected("bad-weekday", COMMAND, { word: token.text });
  return { ok: true, change: { digestDay: isoWeekday(weekday) }, next };
};

const readHours: SettingReader = (input, at) => {
  const { args } = input;
  const token = args[at + 1];
  if (token === undefined) return missing(input, at);
  if (isOneOf(token, ALWAYS_WORDS)) return { ok: true, change: { hours: null }, next: at + 2 };
  // "8-18" is one word; "8 – 18" three.
  const spaced = DASHES.test(args[at + 2]?.text ?? "") && args[at + 3] !== undefined;
  const next = spaced ? at + 4 : at + 2;
  const text = joinWords(args, at + 1, next);
  const range = RANGE.exec(text.replace(/\s+/gu, ""));
  const from = range ? parseTime(range[1] ?? "") : undefined;
  const to = range ? parseTime(range[2] ?? "") : undefined;
  if (from === undefined || to === undefined || minutesOf(from) >= minutesOf(to)) {
    return rejected("bad-hours", COMMAND, { word: text });
  }
  return { ok: true, change: { hours: { from, to } }, next };
};

function weekendReader(weekends: boolean): SettingReader {
  return (_input, at) => ({ ok: true, change: { weekends }, next: at + 1 });
}

function enabledReader(enabled: boolean): SettingReader {
  return (_input, at) => ({ ok: true, change: { enabled }, next: at + 1 });
}

/** The word that names each setting, Swedish and English. */
const SETTINGS = new Map<string, SettingReader>([
  ...settingWords(enabledReader(true), ON_WORDS),
  ...settingWords(enabledReader(false), OFF_WORDS),
  ...settingWords(readMeetingLeads, ["möte", "möten", "meeting", "meetings"]),
  ...settingWords(readActionsLead, ["uppdrag", "actions"]),
  ...settingWords(readAt, [...TIME_MARKERS]),
  ...settingWords(readDigest, ["sammanfattning", "veckosammanfattning", "digest"]),
  ...settingWords(readHours, ["dagtid", "hours"]),
  ...settingWords(readApprovalDays, ["justering", "approval"]),
  ...settingWords(weekendReader(true), ["helger", "helg", "helgerna", "weekends", "weekend"]),
  ...settingWords(weekendReader(false), ["vardagar", "weekdays"]),
]);

function settingWords(reader: SettingReader, words: readonly string[]): [string, SettingReader][] {
  return words.map((word) => [word, reader]);
}

/** A lead; undefined when the word is no lead at all (the next setting), null when it is a bad one. */
function readLead(token: Token): Lead | null | undefined {
  const word = wordOf(token);
  const match = LEAD.exec(word);
  if (!match) return /^\d/u.test(word) ? null : undefined;
  const perUnit = LEAD_UNITS.get(match[2] ?? "");
  if (perUnit === undefined) return null;
  const amount = Number(match[1]);
  const lead: Lead =
    perUnit === 0 ? { unit: "days", amount } : { unit: "minutes", amount: amount * perUnit };
  return isValidLead(lead) ? lead : null;
}

function badLead(token: Token): Rejection {
  return rejected("bad-lead", COMMAND, {
    word: token.text,
    days: REMINDER_LIMITS.maxLeadDays,
    hours: REMINDER_LIMITS.maxLeadMinutes / 60,
  });
}

/** The setting's word was given without its value; the reply shows the command's form. */
function missing(input: CommandInput, at: number): Rejection {
  return rejected("missing-argument", COMMAND, { word: input.args[at]?.text ?? input.word });
}

function isOff(token: Token | undefined): boolean {
  return isOneOf(token, OFF_WORDS);
}

function isOneOf(token: Token | undefined, words: readonly string[]): boolean {
  return token !== undefined && words.includes(wordOf(token));
}

/** Lower case, without the comma a list leaves ("möte 7d, 1d"). */
function wordOf(token: Token): string {
  return withoutTrailing(token.text, ",;").toLowerCase();
}

/** How long before the start a lead is, roughly: a day counts as a whole day. */
function leadMinutes(lead: Lead): number {
  return lead.unit === "days" ? lead.amount * 24 * 60 : lead.amount;
}
