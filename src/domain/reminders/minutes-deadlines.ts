import { addDays, compareLocalDates, isoDate } from "../dates/local-date.js";
import { missingSigners } from "../protocol/required-signers.js";
import type { LocalDate } from "../types.js";
import type { PlanningAssignee, ReminderPayload } from "./plan-reminders.js";
import { REMINDER_LIMITS } from "./reminder-settings.js";

// The deadlines of a protocol-mode meeting's minutes (architecture.md §12), in local days counted
// from the meeting's date: the secretary is reminded to compile them, each signer who has not
// approved them to approve.

/** A protocol-mode meeting whose minutes are not approved yet, with who is to act on them. */
export interface PlanningMinutes {
  meetingId: string;
  councilId: string;
  startsAt: Date;
  /** Compiled with `protokoll`, or approved by someone already: the secretary's part is done. */
  compiled: boolean;
  secretaries: PlanningAssignee[];
  /** The council's chairs: the approval of any one of them is the chair's. */
  chairs: PlanningAssignee[];
  /** The justerare chosen for this meeting. */
  approvers: PlanningAssignee[];
  /** Who approved the whole minutes, in an approval no reopening voided. */
  approvedBy: string[];
}

export type MinutesDeadlineKind = "minutes-due" | "approval-due";

/** The secretary: 2 and 5 days after the meeting. */
const COMPILE_REMINDER_DAYS = [2, 5];
/** Each signer who has not approved: 3 days and 1 day before the deadline, and the day after it. */
const APPROVAL_REMINDER_OFFSETS = [-3, -1, 1];
/** The most days after its meeting a deadline reminder can be on: the day after the longest deadline. */
export const LAST_REMINDER_DAYS = Math.max(
  ...COMPILE_REMINDER_DAYS,
  REMINDER_LIMITS.maxApprovalDays + Math.max(...APPROVAL_REMINDER_OFFSETS),
);

export interface MinutesOccasion {
  kind: MinutesDeadlineKind;
  /** The local day it reminds on, at the council's reminder time. */
  on: LocalDate;
  /** The day of the next reminder of its kind: from then on this one is old news. */
  next: LocalDate | null;
}

export function approvalDeadline(meetingDate: LocalDate, approvalDays: number): LocalDate {
  return addDays(meetingDate, approvalDays);
}

/**
 * A meeting's deadline reminders, each kind's in order. An approval reminder on or before the
 * meeting's day (a deadline of a day or two) is left out: there is nothing to approve yet.
 */
export function minutesOccasions(meetingDate: LocalDate, approvalDays: number): MinutesOccasion[] {
  const deadline = approvalDeadline(meetingDate, approvalDays);
  const approvalDaysAfterMeeting = APPROVAL_REMINDER_OFFSETS.map((offset) =>
    addDays(deadline, offset),
  ).filter((day) => compareLocalDates(day, meetingDate) > 0);
  return [
    ...chained(
      "minutes-due",
      COMPILE_REMINDER_DAYS.map((days) => addDays(meetingDate, days)),
    ),
    ...chained("approval-due", approvalDaysAfterMeeting),
  ];
}

function chained(kind: MinutesDeadlineKind, days: LocalDate[]): MinutesOccasion[] {
  return days.map((on, index) => ({ kind, on, next: days[index + 1] ?? null }));
}

/** Old news once the next reminder of its kind is due (that day, whatever its hour). */
export function isSuperseded(occasion: MinutesOccasion, today: LocalDate): boolean {
  return occasion.next !== null && compareLocalDates(today, occasion.next) >= 0;
}

/**
 * Who still has to approve: every chair while none of them has, and each chosen approver who
 * has not; a person once, whichever of their roles asks it of them.
 */
export function awaitingApproval(
  minutes: Pick<PlanningMinutes, "chairs" | "approvers" | "approvedBy">,
): PlanningAssignee[] {
  const missing = missingSigners(
    {
      chairIds: minutes.chairs.map(({ personId }) => personId),
      approverIds: minutes.approvers.map(({ personId }) => personId),
    },
    new Set(minutes.approvedBy),
  );
  const signers = [...minutes.chairs, ...minutes.approvers];
  return missing.flatMap((id) => signers.find((signer) => signer.personId === id) ?? []);
}

/** What a deadline reminder's row carries. */
export type MinutesReminderPayload = Extract<ReminderPayload, { kind: MinutesDeadlineKind }>;

/** The meeting's minutes as they are when the reminder is about to go. */
export interface MinutesNow {
  meetingDate: LocalDate;
  approvalDays: number;
  today: LocalDate;
  minutes: PlanningMinutes;
}

/**
 * Why a deadline reminder no longer applies when it is sent, or null: it may have waited
 * (retries, a platform away) while the meeting moved, the deadline changed, a later reminder
 * came due, or the person did what it asks.
 */
export function staleMinutesReminder(
  planned: MinutesReminderPayload,
  personId: string,
  now: MinutesNow,
): string | null {
  if (isoDate(now.meetingDate) !== planned.meetingDate) return "meeting-moved";
  const deadline = isoDate(approvalDeadline(now.meetingDate, now.approvalDays));
  const occasion = minutesOccasions(now.meetingDate, now.approvalDays).find(
    ({ kind, on }) => kind === planned.kind && isoDate(on) === planned.on,
  );
  if (!occasion || (planned.kind === "approval-due" && planned.deadline !== deadline)) {
    return "deadline-changed";
  }
  if (isSuperseded(occasion, now.today)) return "superseded";
  const { minutes } = now;
  if (planned.kind === "minutes-due") {
    if (minutes.compiled) return "minutes-compiled";
    return minutes.secretaries.some((secretary) => secretary.personId === personId)
      ? null
      : "not-secretary";
  }
  if (awaitingApproval(minutes).some((signer) => signer.personId === personId)) return null;
  // Not awaited without having approved: another chair approved, or the role is gone.
  return minutes.approvedBy.includes(personId) ? "approved" : "not-awaited";
}
