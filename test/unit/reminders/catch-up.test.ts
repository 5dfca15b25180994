// After downtime the planner looks back at most 7 days: what still matters is due, what no
// longer does comes back with a reason (architecture.md §5). June 2026: Sat 13, Mon 15, Tue 16;
// Stockholm is UTC+2 then. Spring 2026: the clocks go forward on Sun 29 March.
import { describe, expect, it } from "vitest";
import {
  MAX_CATCH_UP_MS,
  type PlanningState,
  planningStart,
  planReminders,
  type ReminderPlan,
} from "../../../src/domain/reminders/plan-reminders.js";
import {
  action,
  council,
  DAY,
  expectEachPlannedOnce,
  instant,
  MINUTE,
  meeting,
  person,
  settings,
  sweep,
  sweepCuts,
} from "./planning-fixtures.js";

function summary(plan: ReminderPlan) {
  return {
    due: plan.due.map(({ key, dueAt }) => `${key} @ ${dueAt.toISOString()}`).sort(),
    stale: plan.stale
      .map(({ key, dueAt, reason }) => `${key} @ ${dueAt.toISOString()}: ${reason}`)
      .sort(),
  };
}

describe("planningStart", () => {
  const now = instant("2026-06-16T08:00:00.000Z");

  it("reaches back one minute on a fresh installation", () => {
    expect(planningStart(null, now).toISOString()).toBe("2026-06-16T07:59:00.000Z");
  });

  it("starts where the last tick ended, up to 7 days back", () => {
    expect(MAX_CATCH_UP_MS).toBe(7 * 24 * 60 * 60 * 1000);
    const threeDays = instant("2026-06-13T10:00:00.000Z");
    expect(planningStart(threeDays, now)).toEqual(threeDays);
    expect(planningStart(instant("2026-06-16T07:59:00.000Z"), now).toISOString()).toBe(
      "2026-06-16T07:59:00.000Z",
    );
    expect(planningStart(instant("2026-06-09T08:00:00.000Z"), now).toISOString()).toBe(
      "2026-06-09T08:00:00.000Z",
    );
    expect(planningStart(instant("2026-06-06T08:00:00.000Z"), now).toISOString()).toBe(
      "2026-06-09T08:00:00.000Z",
    );
    expect(planningStart(instant("2025-01-01T00:00:00.000Z"), now).toISOString()).toBe(
      "2026-06-09T08:00:00.000Z",
    );
  });
});

describe("catching up after three days down (Sat 13 June 12:00 → Tue 16 June 10:00 CEST)", () => {
  const cursor = instant("2026-06-13T10:00:00.000Z");
  const now = instant("2026-06-16T08:00:00.000Z");
  const state: PlanningState = {
    councils: [council()],
    meetings: [
      // Mon 15 June 14:00: began during the downtime.
      meeting("mon", "2026-06-15T12:00:00.000Z"),
      // Wed 17 June 10:00: tomorrow.
      meeting("wed", "2026-06-17T08:00:00.000Z"),
      // Tue 23 June 10:00: in a week.
      meeting("next-tue", "2026-06-23T08:00:00.000Z"),
    ],
    actions: [
      action("due-mon", "2026-06-15", [person("p1")]),
      action("due-tue", "2026-06-16", [person("p2", "teams")]),
      action("due-sun", "2026-06-14", [person("p1")]),
      action("due-fri", "2026-06-12", [person("p2", "teams")]),
    ],
  };

  it("sends what still matters and gives the rest a reason", () => {
    const plan = planReminders(now, planningStart(cursor, now), state);
    expect(summary(plan)).toEqual({
      due: [
        // Tue 16 June 09:00: due today.
        "due:due-tue:2026-06-16:p2 @ 2026-06-16T07:00:00.000Z",
        // The meeting tomorrow, and each assignee's open actions before it.
        "meeting:next-tue:2026-06-23T08:00:00.000Z:7d:b1 @ 2026-06-16T07:00:00.000Z",
        "meeting:wed:2026-06-17T08:00:00.000Z:1d:b1 @ 2026-06-16T07:00:00.000Z",
        // Due Friday (sent before the downtime): overdue from Monday 15 June.
        "overdue:due-fri:2026-06-12:2026-06-15:p2 @ 2026-06-15T07:00:00.000Z",
        // Due Monday: overdue from Tuesday.
        "overdue:due-mon:2026-06-15:2026-06-16:p1 @ 2026-06-16T07:00:00.000Z",
        // Due Sunday (its reminder went on Friday): overdue from Monday.
        "overdue:due-sun:2026-06-14:2026-06-15:p1 @ 2026-06-15T07:00:00.000Z",
        "prep:wed:2026-06-17T08:00:00.000Z:p1 @ 2026-06-16T07:00:00.000Z",
        "prep:wed:2026-06-17T08:00:00.000Z:p2 @ 2026-06-16T07:00:00.000Z",
      ],
      stale: [
        // Monday's digest, 25 hours late.
        "digest:c1:2026-06-15:b1 @ 2026-06-15T07:00:00.000Z: too-late",
        // "Due today" on Monday, and it is Tuesday.
        "due:due-mon:2026-06-15:p1 @ 2026-06-15T07:00:00.000Z: due-date-passed",
        // Monday's meeting: "tomorrow" (Sunday, moved to Monday 08:00) after it began.
        "meeting:mon:2026-06-15T12:00:00.000Z:1d:b1 @ 2026-06-15T06:00:00.000Z: meeting-started",
        "prep:mon:2026-06-15T12:00:00.000Z:p1 @ 2026-06-15T06:00:00.000Z: meeting-started",
        "prep:mon:2026-06-15T12:00:00.000Z:p2 @ 2026-06-15T06:00:00.000Z: meeting-started",
      ],
    });
  });

  it("sends Monday's digest when back on Monday afternoon, less than a day late", () => {
    const monday = instant("2026-06-15T13:00:00.000Z");
    const plan = planReminders(monday, planningStart(cursor, monday), {
      ...state,
      meetings: [],
      actions: [],
    });
    expect(summary(plan)).toEqual({
      due: ["digest:c1:2026-06-15:b1 @ 2026-06-15T07:00:00.000Z"],
      stale: [],
    });
  });

  it("then carries on minute by minute without planning anything twice", () => {
    const cuts = [cursor.getTime()];
    for (let at = now.getTime(); at <= now.getTime() + 2 * DAY; at += MINUTE) cuts.push(at);
    const emitted = sweepCuts(cuts, () => state);
    expectEachPlannedOnce(emitted);
    // The next ones: Wednesday's overdue reminders at 09:00 (due Tuesday), nothing else.
    expect(
      emitted
        .filter(({ plannedAt }) => plannedAt > now.toISOString())
        .map(({ key, dueAt, reason }) => [key, dueAt, reason]),
    ).toEqual([["overdue:due-tue:2026-06-16:2026-06-17:p2", "2026-06-17T07:00:00.000Z", null]]);
  });
});

describe("catching up on a Saturday (down from Fri 26 June 08:00 to Sat 27 June 12:00 CEST)", () => {
  it("still sends Friday's reminder of a Sunday due date; Friday's own is past", () => {
    const now = instant("2026-06-27T10:00:00.000Z");
    const plan = planReminders(now, planningStart(instant("2026-06-26T06:00:00.000Z"), now), {
      councils: [council()],
      meetings: [],
      actions: [action("sun", "2026-06-28"), action("fri", "2026-06-26", [person("p2")])],
    });
    expect(summary(plan)).toEqual({
      due: ["due:sun:2026-06-28:p1 @ 2026-06-26T07:00:00.000Z"],
      stale: ["due:fri:2026-06-26:p2 @ 2026-06-26T07:00:00.000Z: due-date-passed"],
    });
  });
});

describe("catching up after more than 7 days down", () => {
  it("lets occasions older than 7 days go, and sends only the latest of two meeting reminders", () => {
    // Down from 1 June; back on Tue 16 June 10:00 CEST: planning reaches back to Tue 9 June 10:00.
    const now = instant("2026-06-16T08:00:00.000Z");
    const since = planningStart(instant("2026-06-01T00:00:00.000Z"), now);
    const plan = planReminders(now, since, {
      councils: [
        council({ settings: settings({ digestDay: null, actionsLead: null }) }),
        council({
          id: "c2",
          channels: [{ bindingId: "b2", platform: "teams" }],
          settings: settings({
            digestDay: null,
            actionsLead: null,
            meetingLeads: [
              { unit: "days", amount: 3 },
              { unit: "days", amount: 1 },
            ],
          }),
        }),
      ],
      meetings: [
        // Wed 17 June 10:00: "in 7 days" (Wed 10 June) and "tomorrow" (Tue 16 June) both in reach.
        meeting("wed", "2026-06-17T08:00:00.000Z"),
        // Mon 15 June 10:00 CEST: its 7-day reminder (Mon 8 June) is beyond reach.
        meeting("mon", "2026-06-15T08:00:00.000Z"),
        // c2's Monday meeting: 3 days before (Fri 12 June) and 1 day before (Sunday → Monday
        // 08:00), both after it began.
        meeting("c2-mon", "2026-06-15T12:00:00.000Z", "c2"),
      ],
      actions: [],
    });
    expect(summary(plan)).toEqual({
      due: ["meeting:wed:2026-06-17T08:00:00.000Z:1d:b1 @ 2026-06-16T07:00:00.000Z"],
      stale: [
        "meeting:c2-mon:2026-06-15T12:00:00.000Z:1d:b2 @ 2026-06-15T06:00:00.000Z: meeting-started",
        "meeting:c2-mon:2026-06-15T12:00:00.000Z:3d:b2 @ 2026-06-12T07:00:00.000Z: meeting-started",
        "meeting:mon:2026-06-15T08:00:00.000Z:1d:b1 @ 2026-06-15T06:00:00.000Z: meeting-started",
        "meeting:wed:2026-06-17T08:00:00.000Z:7d:b1 @ 2026-06-10T07:00:00.000Z: superseded",
      ],
    });
  });

  it("sends only the latest of two overdue weeks and of two digests (the spring week is 7 days less an hour)", () => {
    // Back on Mon 30 March 09:30 CEST (07:30Z); reach: Mon 23 March 07:30Z = 08:30 CET, so
    // Mon 23 March 09:00 CET (08:00Z) and Mon 30 March 09:00 CEST (07:00Z) are both in it.
    const now = instant("2026-03-30T07:30:00.000Z");
    const since = planningStart(instant("2026-03-01T00:00:00.000Z"), now);
    expect(since.toISOString()).toBe("2026-03-23T07:30:00.000Z");
    const plan = planReminders(now, since, {
      councils: [council()],
      meetings: [],
      // Due Fri 20 March: overdue Mon 23 March, then Mon 30 March.
      actions: [action("a1", "2026-03-20")],
    });
    expect(summary(plan)).toEqual({
      due: [
        "digest:c1:2026-03-30:b1 @ 2026-03-30T07:00:00.000Z",
        "overdue:a1:2026-03-20:2026-03-30:p1 @ 2026-03-30T07:00:00.000Z",
      ],
      stale: [
        "digest:c1:2026-03-23:b1 @ 2026-03-23T08:00:00.000Z: superseded",
        "overdue:a1:2026-03-20:2026-03-23:p1 @ 2026-03-23T08:00:00.000Z: superseded",
      ],
    });
  });
});

describe("a week down, swept in ticks of every length up to 7 days", () => {
  it("plans each occasion once, whatever the ticks", () => {
    const state: PlanningState = {
      councils: [council()],
      meetings: [
        meeting("m1", "2026-06-18T11:00:00.000Z"),
        meeting("m2", "2026-06-30T07:00:00.000Z"),
      ],
      actions: [action("a1", "2026-06-10"), action("a2", "2026-06-21", [person("p2")])],
    };
    const from = instant("2026-06-01T00:00:00.000Z");
    const to = instant("2026-07-06T00:00:00.000Z");
    const hourly = sweep(from, to, 60 * MINUTE, () => state);
    expectEachPlannedOnce(hourly);
    for (const lengthDays of [0.5, 1, 2.5, 3, 5, 6.99, 7]) {
      const coarse = sweep(from, to, lengthDays * DAY, () => state);
      expectEachPlannedOnce(coarse);
      expect(coarse.map(({ key, dueAt }) => `${key} @ ${dueAt}`).sort()).toEqual(
        hourly.map(({ key, dueAt }) => `${key} @ ${dueAt}`).sort(),
      );
    }
  });
});
