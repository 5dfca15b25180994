import { performance } from "node:perf_hooks";
import { groupBy } from "../domain/group-by.js";
import { outboxEntries } from "../domain/reminders/outbox-entries.js";
import {
  actionsNeeded,
  minutesReach,
  planningStart,
  planReminders,
  type ScheduleDays,
} from "../domain/reminders/plan-reminders.js";
import { REMINDER_LIMITS } from "../domain/reminders/reminder-settings.js";
import type { RemindersRepository } from "../store/reminders-repository.js";

/** What planning a window did, and how long each step took in all. */
export interface PlanningReport {
  /** Rows inserted into the outbox (a key already there is not). */
  recorded: number;
  councils: number;
  meetings: number;
  /** Open actions read (of the councils with a reminder moment in the window). */
  actions: number;
  planned: number;
  stale: number;
  /** Outbox rows of the plan: a person's due or overdue actions of a council on a day share one. */
  rows: number;
  readMs: number;
  planMs: number;
  recordMs: number;
}

/**
 * Councils planned at a time: their open actions are read, planned and recorded before the
 * next slice's are read, so that a 09:00 tick never holds every open action of the
 * installation (on the benchmark's data about 140 action × assignee rows per council).
 */
const COUNCILS_PER_SLICE = 50;
const DAY_MS = 86_400_000;

/**
 * Plans what fell due since the last tick into the outbox (architecture.md §5), a slice of
 * councils at a time, then moves the cursor to `now`.
 */
export async function planWindow(outbox: RemindersRepository, now: Date): Promise<PlanningReport> {
  const report: PlanningReport = {
    recorded: 0,
    councils: 0,
    meetings: 0,
    actions: 0,
    planned: 0,
    stale: 0,
    rows: 0,
    readMs: 0,
    planMs: 0,
    recordMs: 0,
  };
  const since = planningStart(await outbox.plannedThrough(), now);
  if (since >= now) return report;
  let started = performance.now();
  const lap = () => {
    const at = performance.now();
    const ms = at - started;
    started = at;
    return ms;
  };
  const councils = await outbox.planningCouncils();
  // Meetings whose reminders can fall in the window: from those not begun when it opened
  // (an all-day one until its day is over) to those the longest lead reaches.
  // (A day more than the longest lead, and one for a DST change in between.)
  const reach = new Date(now.getTime() + (REMINDER_LIMITS.maxLeadDays + 2) * DAY_MS);
  const meetings = await outbox.planningMeetings(since, reach);
  const needed = actionsNeeded(now, since, councils, meetings);
  const meetingsOf = groupBy(meetings, (meeting) => meeting.councilId);
  // The minutes' deadline reminders go at the same daily moments as those about actions: a
  // council's last month or two of protocol-mode meetings, few enough to read at once.
  const minutesOf = groupBy(
    await outbox.planningMinutes([...needed.councils], minutesReach(since), now),
    (minutes) => minutes.councilId,
  );
  const reachable = needed.councils.size > 0 ? await outbox.reachablePeople() : new Map();
  report.councils = councils.length;
  report.meetings = meetings.length;
  report.readMs += lap();
  const days: ScheduleDays = new Map();
  for (let start = 0; start < councils.length; start += COUNCILS_PER_SLICE) {
    const slice = councils.slice(start, start + COUNCILS_PER_SLICE);
    const ids = slice.filter(({ id }) => needed.councils.has(id)).map(({ id }) => id);
    const every = ids.filter((id) => needed.everyAction.has(id));
    const dueSoon = ids.filter((id) => !needed.everyAction.has(id));
    const actions = [
      ...(await outbox.planningActions(every, reachable)),
      ...(await outbox.planningActions(dueSoon, reachable, needed.dueBefore)),
    ];
    report.actions += actions.length;
    report.readMs += lap();
    const state = {
      councils: slice,
      meetings: slice.flatMap(({ id }) => meetingsOf.get(id) ?? []),
      actions,
      minutes: ids.flatMap((id) => minutesOf.get(id) ?? []),
    };
    const plan = planReminders(now, since, state, days);
    const entries = outboxEntries(plan);
    report.planned += plan.due.length;
    report.stale += plan.stale.length;
    report.rows += entries.length;
    report.planMs += lap();
    report.recorded += await outbox.record(entries, now);
    report.recordMs += lap();
  }
  await outbox.advancePlannedThrough(now);
  report.recordMs += lap();
  return report;
}
