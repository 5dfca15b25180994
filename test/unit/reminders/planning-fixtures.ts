// Planning state for the reminder planner's tests, and a sweep that plans a stretch of time
// window by window as the scheduler does, recording where each reminder came out.
import { expect } from "vitest";
import { toInstant } from "../../../src/domain/dates/zoned-time.js";
import {
  type PlannedReminder,
  type PlanningAction,
  type PlanningAssignee,
  type PlanningChannel,
  type PlanningCouncil,
  type PlanningMeeting,
  type PlanningState,
  planReminders,
  type StaleReason,
} from "../../../src/domain/reminders/plan-reminders.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
} from "../../../src/domain/reminders/reminder-settings.js";

export const STOCKHOLM = "Europe/Stockholm";
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return date;
}

export function settings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, ...overrides };
}

export function council(
  overrides: Partial<PlanningCouncil> & { settings?: ReminderSettings } = {},
): PlanningCouncil {
  return {
    id: "c1",
    timeZone: STOCKHOLM,
    settings: DEFAULT_REMINDER_SETTINGS,
    channels: [{ bindingId: "b1", platform: "slack" }],
    ...overrides,
  };
}

export function channel(bindingId: string, platform: PlanningChannel["platform"] = "slack") {
  return { bindingId, platform };
}

export function meeting(id: string, startsAt: string, councilId = "c1"): PlanningMeeting {
  return { id, councilId, startsAt: instant(startsAt), hasTime: true };
}

/** A meeting scheduled by date alone ("2026-06-15"), stored as local midnight in the zone. */
export function allDayMeeting(
  id: string,
  date: string,
  councilId = "c1",
  timeZone = STOCKHOLM,
): PlanningMeeting {
  const startsAt = toInstant(localDate(date), { hour: 0, minute: 0 }, timeZone);
  return { id, councilId, startsAt, hasTime: false };
}

export function person(personId: string, platform: PlanningAssignee["platform"] = "slack") {
  return { personId, platform };
}

/** An open action due on a local date ("2026-06-17"), stored as local midnight in the zone. */
export function action(
  id: string,
  due: string | null,
  assignees: PlanningAssignee[] = [person("p1")],
  options: { councilId?: string; timeZone?: string } = {},
): PlanningAction {
  const dueAt =
    due === null
      ? null
      : toInstant(localDate(due), { hour: 0, minute: 0 }, options.timeZone ?? STOCKHOLM);
  return { id, councilId: options.councilId ?? "c1", dueAt, assignees };
}

export function localDate(iso: string) {
  const [year, month, day] = iso.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) throw new RangeError(iso);
  return { year, month, day };
}

export interface Emitted {
  key: string;
  kind: PlannedReminder["payload"]["kind"];
  recipient: string;
  dueAt: string;
  reason: StaleReason | null;
  /** The window that planned it: (plannedSince, plannedAt]. */
  plannedSince: string;
  plannedAt: string;
  reminder: PlannedReminder;
}

/**
 * Plans (from, to] in windows of `stepMs` as consecutive ticks would, with the state as it is
 * at each tick. Returns every reminder in the order planned; a key planned in two windows
 * shows up twice.
 */
export function sweep(
  from: Date,
  to: Date,
  stepMs: number,
  stateAt: (now: Date) => PlanningState,
): Emitted[] {
  const cuts: number[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += stepMs) cuts.push(at);
  cuts.push(to.getTime());
  return sweepCuts(cuts, stateAt);
}

/** Plans each window (cuts[i], cuts[i + 1]] in turn: ticks that need not be evenly spaced. */
export function sweepCuts(cuts: number[], stateAt: (now: Date) => PlanningState): Emitted[] {
  const emitted: Emitted[] = [];
  for (let index = 1; index < cuts.length; index += 1) {
    const since = new Date(cuts[index - 1] as number);
    const now = new Date(cuts[index] as number);
    const plan = planReminders(now, since, stateAt(now));
    const entries = [
      ...plan.due.map((reminder) => ({ reminder, reason: null })),
      ...plan.stale.map((reminder) => ({ reminder, reason: reminder.reason })),
    ];
    for (const { reminder, reason } of entries) {
      emitted.push({
        key: reminder.key,
        kind: reminder.payload.kind,
        recipient: reminder.recipient,
        dueAt: reminder.dueAt.toISOString(),
        reason,
        plannedSince: since.toISOString(),
        plannedAt: now.toISOString(),
        reminder,
      });
    }
  }
  return emitted;
}

/** The short form most tests compare: which reminder, when, sent or why not. */
export function brief(emitted: Emitted[]) {
  return emitted.map(({ key, dueAt, reason }) => ({ key, dueAt, reason }));
}

export function ofKind(emitted: Emitted[], kind: Emitted["kind"]): Emitted[] {
  return emitted.filter((entry) => entry.kind === kind);
}

/** Each reminder planned once, by the window its time falls in. */
export function expectEachPlannedOnce(emitted: Emitted[]): void {
  const keys = emitted.map(({ key }) => key);
  expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  for (const { key, dueAt, plannedSince, plannedAt } of emitted) {
    const inWindow = dueAt > plannedSince && dueAt <= plannedAt;
    expect({ key, dueAt, inWindow }).toEqual({ key, dueAt, inWindow: true });
  }
}
