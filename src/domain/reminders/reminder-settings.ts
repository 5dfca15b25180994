import type { LocalTime } from "../types.js";

/** How long before a meeting: whole days (sent at the council's reminder time) or minutes before it starts. */
export type Lead = { unit: "days"; amount: number } | { unit: "minutes"; amount: number };

/** When reminders may reach people: between `from` and `to`, on weekdays only or every day. */
export interface QuietWindow {
  from: LocalTime;
  to: LocalTime;
  /** Working days only (`vardagar`): not Saturdays, Sundays or Swedish holidays (working-days.ts). */
  weekdaysOnly: boolean;
}

/** A council's reminder policy (architecture.md §5), set by its secretary with `påminnelser …`. */
export interface ReminderSettings {
  enabled: boolean;
  /** Meeting coming, to the channel with agenda and documents. */
  meetingLeads: Lead[];
  /** Each assignee's open actions before a meeting, privately; null: not sent. */
  actionsLead: Lead | null;
  /** The local time of the day-based reminders: due, overdue, digest, and leads in days. */
  at: LocalTime;
  /** 1 = Monday … 7 = Sunday; null: no weekly digest. */
  digestDay: number | null;
  /** null: any hour, any day. */
  window: QuietWindow | null;
  /** Protocol mode (architecture.md §12): the minutes are to be approved this many days after the meeting. */
  approvalDeadlineDays: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
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

/**
 * Bounds a secretary can set: a lead up to 60 days; at most four meeting reminders; approval
 * within 1 to 60 days of the meeting.
 */
export const REMINDER_LIMITS = {
  maxLeadDays: 60,
  maxLeadMinutes: 60 * 24,
  maxMeetingLeads: 4,
  minApprovalDays: 1,
  maxApprovalDays: 60,
};

/**
 * The stored JSON read back; anything missing or malformed (an older version, a hand edit)
 * falls back to the default for that setting rather than silencing the council's reminders.
 */
export function readReminderSettings(json: string | null): ReminderSettings {
  if (json === null) return DEFAULT_REMINDER_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_REMINDER_SETTINGS;
  }
  if (typeof raw !== "object" || raw === null) return DEFAULT_REMINDER_SETTINGS;
  const value = raw as Record<string, unknown>;
  const defaults = DEFAULT_REMINDER_SETTINGS;
  return {
    enabled: typeof value.enabled === "boolean" ? value.enabled : defaults.enabled,
    meetingLeads: readLeads(value.meetingLeads) ?? defaults.meetingLeads,
    actionsLead:
      value.actionsLead === null ? null : (readLead(value.actionsLead) ?? defaults.actionsLead),
    at: readTime(value.at) ?? defaults.at,
    digestDay:
      value.digestDay === null
        ? null
        : isInteger(value.digestDay, 1, 7)
          ? value.digestDay
          : defaults.digestDay,
    window: value.window === null ? null : (readWindow(value.window) ?? defaults.window),
    approvalDeadlineDays: isValidApprovalDays(value.approvalDeadlineDays)
      ? value.approvalDeadlineDays
      : defaults.approvalDeadlineDays,
  };
}

export function writeReminderSettings(settings: ReminderSettings): string {
  return JSON.stringify(settings);
}

export function isValidLead(lead: Lead): boolean {
  return lead.unit === "days"
    ? isInteger(lead.amount, 0, REMINDER_LIMITS.maxLeadDays)
    : isInteger(lead.amount, 1, REMINDER_LIMITS.maxLeadMinutes);
}

export function isValidApprovalDays(days: unknown): days is number {
  return isInteger(days, REMINDER_LIMITS.minApprovalDays, REMINDER_LIMITS.maxApprovalDays);
}

function readLeads(value: unknown): Lead[] | null {
  if (!Array.isArray(value) || value.length > REMINDER_LIMITS.maxMeetingLeads) return null;
  const leads = value.map(readLead);
  return leads.every((lead) => lead !== null) ? leads : null;
}

function readLead(value: unknown): Lead | null {
  if (typeof value !== "object" || value === null) return null;
  const { unit, amount } = value as Record<string, unknown>;
  if ((unit !== "days" && unit !== "minutes") || typeof amount !== "number") return null;
  const lead: Lead = { unit, amount };
  return isValidLead(lead) ? lead : null;
}

function readTime(value: unknown): LocalTime | null {
  if (typeof value !== "object" || value === null) return null;
  const { hour, minute } = value as Record<string, unknown>;
  return isInteger(hour, 0, 23) && isInteger(minute, 0, 59) ? { hour, minute } : null;
}

function readWindow(value: unknown): QuietWindow | null {
  if (typeof value !== "object" || value === null) return null;
  const { from, to, weekdaysOnly } = value as Record<string, unknown>;
  const start = readTime(from);
  const end = readTime(to);
  if (!start || !end || typeof weekdaysOnly !== "boolean") return null;
  return minutesOf(start) < minutesOf(end) ? { from: start, to: end, weekdaysOnly } : null;
}

export function minutesOf(time: LocalTime): number {
  return time.hour * 60 + time.minute;
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}
