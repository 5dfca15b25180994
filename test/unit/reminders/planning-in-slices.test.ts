import { describe, expect, it } from "vitest";
import {
  type PlanningState,
  planReminders,
  type ReminderPlan,
  type ScheduleDays,
} from "../../../src/domain/reminders/plan-reminders.js";
import {
  action,
  channel,
  council,
  instant,
  meeting,
  person,
  settings,
} from "./planning-fixtures.js";

// The tick plans a busy window a slice of councils at a time, sharing each schedule's days
// (scheduler/plan-window.ts): the plan must be the one planning them all at once gives.

/** Monday 7 December 2026, 09:00 in Stockholm: due, overdue and digest reminders all fall due. */
const NOW = instant("2026-12-07T08:00:00Z");
const SINCE = new Date(NOW.getTime() - 60_000);

function state(): PlanningState {
  const councils = Array.from({ length: 6 }, (_, index) =>
    council({
      id: `c${index}`,
      // Two schedules: a council in Helsinki reminds at its own 09:00, an hour earlier.
      timeZone: index % 3 === 2 ? "Europe/Helsinki" : "Europe/Stockholm",
      settings: settings({ at: { hour: index % 3 === 2 ? 10 : 9, minute: 0 } }),
      channels: [channel(`b${index}`)],
    }),
  );
  const dues = ["2026-12-07", "2026-12-04", "2026-11-30", "2026-11-23", "2026-10-05", null];
  const actions = councils.flatMap(({ id, timeZone }, index) =>
    dues.map((due, n) =>
      action(`${id}-a${n}`, due, [person(`p${(index + n) % 4}`), person(`p${n}`)], {
        councilId: id,
        timeZone,
      }),
    ),
  );
  const meetings = councils.map(({ id }) => meeting(`${id}-m`, "2026-12-08T12:00:00Z", id));
  return { councils, meetings, actions };
}

function sorted(plan: ReminderPlan): ReminderPlan {
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
  return { due: [...plan.due].sort(byKey), stale: [...plan.stale].sort(byKey) };
}

describe("planning a window in slices of councils", () => {
  it("plans what planning every council at once plans, sharing each schedule's days", () => {
    const all = state();
    const whole = planReminders(NOW, SINCE, all);
    expect(whole.due.some(({ payload }) => payload.kind === "overdue")).toBe(true);
    expect(whole.due.some(({ payload }) => payload.kind === "due")).toBe(true);
    expect(whole.due.some(({ councilId }) => councilId === "c2")).toBe(true);

    const days: ScheduleDays = new Map();
    const sliced: ReminderPlan = { due: [], stale: [] };
    for (let start = 0; start < all.councils.length; start += 2) {
      const councils = all.councils.slice(start, start + 2);
      const ids = new Set(councils.map(({ id }) => id));
      const plan = planReminders(
        NOW,
        SINCE,
        {
          councils,
          meetings: all.meetings.filter(({ councilId }) => ids.has(councilId)),
          actions: all.actions.filter(({ councilId }) => ids.has(councilId)),
        },
        days,
      );
      sliced.due.push(...plan.due);
      sliced.stale.push(...plan.stale);
    }
    expect(sorted(sliced)).toEqual(sorted(whole));
    // One entry per schedule: Stockholm at 09:00 and Helsinki at 10:00.
    expect(days.size).toBe(2);
  });
});
