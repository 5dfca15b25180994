// Meetings moved or cancelled and actions completed or postponed between ticks. The store
// gives the planner planned meetings and open actions only; reminders are keyed by the
// meeting's start and the action's due date, so a change re-plans and the old occasion is
// not planned again. June 2026 in Stockholm (UTC+2): Thu 11, Wed 17, Thu 18, Fri 19, Thu 25.
import { describe, expect, it } from "vitest";
import type { PlanningState } from "../../../src/domain/reminders/plan-reminders.js";
import {
  action,
  council,
  expectEachPlannedOnce,
  HOUR,
  instant,
  meeting,
  settings,
  sweep,
} from "./planning-fixtures.js";

const NO_DIGEST = council({ settings: settings({ digestDay: null }) });

/** The state before and after a change at `changeAt`; swept hour by hour. */
function sweepWithChange(
  from: string,
  to: string,
  changeAt: string,
  before: PlanningState,
  after: PlanningState,
) {
  const change = instant(changeAt);
  const emitted = sweep(instant(from), instant(to), HOUR, (now) =>
    now <= change ? before : after,
  );
  expectEachPlannedOnce(emitted);
  return emitted.map(({ key, dueAt }) => [key, dueAt]);
}

describe("a meeting moved or cancelled", () => {
  // Thu 18 June 13:00 CEST, p1 with an open action.
  const original: PlanningState = {
    councils: [NO_DIGEST],
    meetings: [meeting("m1", "2026-06-18T11:00:00.000Z")],
    actions: [action("a1", null)],
  };
  const movedTo = (startsAt: string): PlanningState => ({
    ...original,
    meetings: [meeting("m1", startsAt)],
  });

  it("moved a week later after its 7-day reminder: re-planned for the new date only", () => {
    // Moved on Fri 12 June to Fri 26 June 13:00. Its 7-day reminder falls on midsommarafton
    // (Fri 19 June) and waits for the opening on Monday 22 June, 08:00 CEST.
    expect(
      sweepWithChange(
        "2026-06-08T00:00:00.000Z",
        "2026-06-27T00:00:00.000Z",
        "2026-06-12T10:00:00.000Z",
        original,
        movedTo("2026-06-26T11:00:00.000Z"),
      ),
    ).toEqual([
      ["meeting:m1:2026-06-18T11:00:00.000Z:7d:b1", "2026-06-11T07:00:00.000Z"],
      ["meeting:m1:2026-06-26T11:00:00.000Z:7d:b1", "2026-06-22T06:00:00.000Z"],
      ["meeting:m1:2026-06-26T11:00:00.000Z:1d:b1", "2026-06-25T07:00:00.000Z"],
      ["prep:m1:2026-06-26T11:00:00.000Z:p1", "2026-06-25T07:00:00.000Z"],
    ]);
  });

  it("moved two days earlier: the new 7-day reminder is in the past and not sent; the day before is", () => {
    // Moved on Fri 12 June to Tue 16 June 13:00.
    expect(
      sweepWithChange(
        "2026-06-08T00:00:00.000Z",
        "2026-06-19T00:00:00.000Z",
        "2026-06-12T10:00:00.000Z",
        original,
        movedTo("2026-06-16T11:00:00.000Z"),
      ),
    ).toEqual([
      ["meeting:m1:2026-06-18T11:00:00.000Z:7d:b1", "2026-06-11T07:00:00.000Z"],
      ["meeting:m1:2026-06-16T11:00:00.000Z:1d:b1", "2026-06-15T07:00:00.000Z"],
      ["prep:m1:2026-06-16T11:00:00.000Z:p1", "2026-06-15T07:00:00.000Z"],
    ]);
  });

  it("moved a day later after the day-before reminders: the new day before is reminded again", () => {
    // Moved on Wed 17 June 12:00 to Fri 19 June 13:00.
    expect(
      sweepWithChange(
        "2026-06-08T00:00:00.000Z",
        "2026-06-20T00:00:00.000Z",
        "2026-06-17T10:00:00.000Z",
        original,
        movedTo("2026-06-19T11:00:00.000Z"),
      ),
    ).toEqual([
      ["meeting:m1:2026-06-18T11:00:00.000Z:7d:b1", "2026-06-11T07:00:00.000Z"],
      ["meeting:m1:2026-06-18T11:00:00.000Z:1d:b1", "2026-06-17T07:00:00.000Z"],
      ["prep:m1:2026-06-18T11:00:00.000Z:p1", "2026-06-17T07:00:00.000Z"],
      ["meeting:m1:2026-06-19T11:00:00.000Z:1d:b1", "2026-06-18T07:00:00.000Z"],
      ["prep:m1:2026-06-19T11:00:00.000Z:p1", "2026-06-18T07:00:00.000Z"],
    ]);
  });

  it("cancelled after its 7-day reminder: nothing more about it", () => {
    expect(
      sweepWithChange(
        "2026-06-08T00:00:00.000Z",
        "2026-06-20T00:00:00.000Z",
        "2026-06-12T10:00:00.000Z",
        original,
        { ...original, meetings: [] },
      ),
    ).toEqual([["meeting:m1:2026-06-18T11:00:00.000Z:7d:b1", "2026-06-11T07:00:00.000Z"]]);
  });
});

describe("an action completed, cancelled or postponed", () => {
  // Due Wed 17 June.
  const open: PlanningState = {
    councils: [NO_DIGEST],
    meetings: [],
    actions: [action("a1", "2026-06-17")],
  };
  const dueOn = (date: string): PlanningState => ({ ...open, actions: [action("a1", date)] });

  it("completed (or cancelled) after its first overdue reminder: no more reminders", () => {
    expect(
      sweepWithChange(
        "2026-06-15T00:00:00.000Z",
        "2026-07-10T00:00:00.000Z",
        "2026-06-19T10:00:00.000Z",
        open,
        { ...open, actions: [] },
      ),
    ).toEqual([
      ["due:a1:2026-06-17:p1", "2026-06-17T07:00:00.000Z"],
      ["overdue:a1:2026-06-17:2026-06-18:p1", "2026-06-18T07:00:00.000Z"],
    ]);
  });

  it("postponed a week before its due date: reminded on the new date only", () => {
    expect(
      sweepWithChange(
        "2026-06-15T00:00:00.000Z",
        "2026-07-03T00:00:00.000Z",
        "2026-06-16T10:00:00.000Z",
        open,
        dueOn("2026-06-24"),
      ),
    ).toEqual([
      ["due:a1:2026-06-24:p1", "2026-06-24T07:00:00.000Z"],
      ["overdue:a1:2026-06-24:2026-06-25:p1", "2026-06-25T07:00:00.000Z"],
      ["overdue:a1:2026-06-24:2026-07-02:p1", "2026-07-02T07:00:00.000Z"],
    ]);
  });

  it("postponed while overdue, to a Friday: due that Friday, overdue from the Monday after", () => {
    expect(
      sweepWithChange(
        "2026-06-15T00:00:00.000Z",
        "2026-07-03T00:00:00.000Z",
        "2026-06-19T10:00:00.000Z",
        open,
        dueOn("2026-06-26"),
      ),
    ).toEqual([
      ["due:a1:2026-06-17:p1", "2026-06-17T07:00:00.000Z"],
      ["overdue:a1:2026-06-17:2026-06-18:p1", "2026-06-18T07:00:00.000Z"],
      ["due:a1:2026-06-26:p1", "2026-06-26T07:00:00.000Z"],
      ["overdue:a1:2026-06-26:2026-06-29:p1", "2026-06-29T07:00:00.000Z"],
    ]);
  });

  it("postponed on its due date after the morning reminder: the new date is reminded, the old not again", () => {
    expect(
      sweepWithChange(
        "2026-06-15T00:00:00.000Z",
        "2026-06-26T00:00:00.000Z",
        "2026-06-17T09:00:00.000Z",
        open,
        dueOn("2026-06-24"),
      ),
    ).toEqual([
      ["due:a1:2026-06-17:p1", "2026-06-17T07:00:00.000Z"],
      ["due:a1:2026-06-24:p1", "2026-06-24T07:00:00.000Z"],
      ["overdue:a1:2026-06-24:2026-06-25:p1", "2026-06-25T07:00:00.000Z"],
    ]);
  });
});
