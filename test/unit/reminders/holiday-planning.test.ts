// Swedish holidays and the aftons count as weekend days for every reminder: the due reminder
// moves back to the working day before, overdue reminders and the digest on to the working
// day after, and the council's weekday hours (`påminnelser vardagar`) skip them. Expected
// instants are worked out by hand: Stockholm is UTC+1 in winter (09:00 = 08:00Z) and UTC+2
// in summer (09:00 = 07:00Z). Easter 2026: långfredagen Fri 3 April, annandag påsk Mon 6 April;
// Kristi himmelsfärdsdag Thu 14 May; Christmas 2026: julafton Thu 24 December, 2025 a Wednesday.
import { describe, expect, it } from "vitest";
import type { PlanningMinutes } from "../../../src/domain/reminders/minutes-deadlines.js";
import { type PlanningState, planReminders } from "../../../src/domain/reminders/plan-reminders.js";
import {
  action,
  brief,
  channel,
  council,
  type Emitted,
  expectEachPlannedOnce,
  HOUR,
  instant,
  meeting,
  person,
  settings,
  sweep,
} from "./planning-fixtures.js";

const NO_DIGEST = settings({ digestDay: null });

function sweepState(from: string, to: string, state: PlanningState): Emitted[] {
  const emitted = sweep(instant(from), instant(to), HOUR, () => state);
  expectEachPlannedOnce(emitted);
  return emitted;
}

function actionReminders(due: string, from: string, to: string) {
  return brief(
    sweepState(from, to, {
      councils: [council({ settings: NO_DIGEST })],
      meetings: [],
      actions: [action("a1", due)],
    }),
  );
}

describe("an action due on a day off", () => {
  it("due on julafton: reminded on Wed 23 December, overdue from Monday 28 December", () => {
    expect(actionReminders("2026-12-24", "2026-12-20T00:00:00Z", "2027-01-06T00:00:00Z")).toEqual([
      { key: "due:a1:2026-12-24:p1", dueAt: "2026-12-23T08:00:00.000Z", reason: null },
      {
        key: "overdue:a1:2026-12-24:2026-12-28:p1",
        dueAt: "2026-12-28T08:00:00.000Z",
        reason: null,
      },
      {
        key: "overdue:a1:2026-12-24:2027-01-04:p1",
        dueAt: "2027-01-04T08:00:00.000Z",
        reason: null,
      },
    ]);
  });

  it("due on annandag påsk, a Monday: reminded on Thursday before Easter, overdue from Tuesday", () => {
    expect(actionReminders("2026-04-06", "2026-03-30T00:00:00Z", "2026-04-15T00:00:00Z")).toEqual([
      { key: "due:a1:2026-04-06:p1", dueAt: "2026-04-02T07:00:00.000Z", reason: null },
      {
        key: "overdue:a1:2026-04-06:2026-04-07:p1",
        dueAt: "2026-04-07T07:00:00.000Z",
        reason: null,
      },
      {
        key: "overdue:a1:2026-04-06:2026-04-14:p1",
        dueAt: "2026-04-14T07:00:00.000Z",
        reason: null,
      },
    ]);
  });

  it("overdue weekly on Thursdays: Kristi himmelsfärdsdag's goes on the Friday, then Thursdays again", () => {
    expect(
      actionReminders("2026-05-06", "2026-05-06T00:00:00Z", "2026-05-22T00:00:00Z").map(
        ({ key, dueAt }) => [key, dueAt],
      ),
    ).toEqual([
      ["due:a1:2026-05-06:p1", "2026-05-06T07:00:00.000Z"],
      ["overdue:a1:2026-05-06:2026-05-07:p1", "2026-05-07T07:00:00.000Z"],
      ["overdue:a1:2026-05-06:2026-05-15:p1", "2026-05-15T07:00:00.000Z"],
      ["overdue:a1:2026-05-06:2026-05-21:p1", "2026-05-21T07:00:00.000Z"],
    ]);
  });
});

describe("the weekly digest on a holiday goes the next working day", () => {
  function digests(digestDay: number, from: string, to: string) {
    return brief(
      sweepState(from, to, {
        councils: [council({ settings: settings({ digestDay }) })],
        meetings: [],
        actions: [],
      }),
    ).map(({ key, dueAt }) => [key, dueAt]);
  }

  it("Monday's on annandag påsk: Tuesday 7 April at 09:00", () => {
    expect(digests(1, "2026-03-29T00:00:00Z", "2026-04-14T00:00:00Z")).toEqual([
      ["digest:c1:2026-03-30:b1", "2026-03-30T07:00:00.000Z"],
      ["digest:c1:2026-04-07:b1", "2026-04-07T07:00:00.000Z"],
      ["digest:c1:2026-04-13:b1", "2026-04-13T07:00:00.000Z"],
    ]);
  });

  it("Friday's on långfredagen: past the weekend and annandag påsk, to Tuesday", () => {
    expect(digests(5, "2026-03-29T00:00:00Z", "2026-04-11T00:00:00Z")).toEqual([
      ["digest:c1:2026-04-07:b1", "2026-04-07T07:00:00.000Z"],
      ["digest:c1:2026-04-10:b1", "2026-04-10T07:00:00.000Z"],
    ]);
  });

  it("Thursday's on julafton and nyårsafton: Monday 28 December and Monday 4 January", () => {
    expect(digests(4, "2026-12-20T00:00:00Z", "2027-01-08T00:00:00Z")).toEqual([
      ["digest:c1:2026-12-28:b1", "2026-12-28T08:00:00.000Z"],
      ["digest:c1:2027-01-04:b1", "2027-01-04T08:00:00.000Z"],
      ["digest:c1:2027-01-07:b1", "2027-01-07T08:00:00.000Z"],
    ]);
  });

  it("on midsommarafton without hours too: the holiday moves it, not the council's hours", () => {
    expect(digests(5, "2026-06-14T00:00:00Z", "2026-06-27T00:00:00Z").map(([key]) => key)).toEqual([
      "digest:c1:2026-06-22:b1",
      "digest:c1:2026-06-26:b1",
    ]);
    const withoutHours = sweepState("2026-06-14T00:00:00Z", "2026-06-27T00:00:00Z", {
      councils: [council({ settings: settings({ digestDay: 5, window: null }) })],
      meetings: [],
      actions: [],
    });
    expect(brief(withoutHours).map(({ key, dueAt }) => [key, dueAt])).toEqual([
      ["digest:c1:2026-06-22:b1", "2026-06-22T07:00:00.000Z"],
      ["digest:c1:2026-06-26:b1", "2026-06-26T07:00:00.000Z"],
    ]);
  });
});

describe("the council's weekday hours skip holidays", () => {
  it("the day before a meeting on the Tuesday after Easter is that Tuesday's opening", () => {
    // Tue 7 April 13:00 CEST; 1 day before is annandag påsk: Tuesday 08:00.
    const emitted = sweepState("2026-03-30T00:00:00Z", "2026-04-08T00:00:00Z", {
      councils: [council({ settings: settings({ digestDay: null, actionsLead: null }) })],
      meetings: [meeting("m1", "2026-04-07T11:00:00.000Z")],
      actions: [],
    });
    expect(brief(emitted)).toEqual([
      {
        key: "meeting:m1:2026-04-07T11:00:00.000Z:7d:b1",
        dueAt: "2026-03-31T07:00:00.000Z",
        reason: null,
      },
      {
        key: "meeting:m1:2026-04-07T11:00:00.000Z:1d:b1",
        dueAt: "2026-04-07T06:00:00.000Z",
        reason: null,
      },
    ]);
  });

  it("a reminder the evening before the longest Christmas is planned on the Monday after, however the ticks cut time", () => {
    // At 19:00, after the hours: Tuesday 23 December 2025's digest and the first overdue
    // reminder of an action due Mon 22 December wait from Tuesday evening to Monday 29
    // December 08:00 CET, past julafton on a Wednesday, Christmas and a weekend.
    const state: PlanningState = {
      councils: [
        council({
          settings: settings({ at: { hour: 19, minute: 0 }, digestDay: 2 }),
          channels: [channel("b1")],
        }),
      ],
      meetings: [],
      actions: [action("a1", "2025-12-22", [person("p1")])],
    };
    const expected = [
      ["digest:c1:2025-12-23:b1", "2025-12-29T07:00:00.000Z", null],
      ["overdue:a1:2025-12-22:2025-12-23:p1", "2025-12-29T07:00:00.000Z", null],
    ];
    const hourly = sweepState("2025-12-23T00:00:00Z", "2025-12-29T12:00:00Z", state).filter(
      ({ key }) => !key.startsWith("due:"),
    );
    expect(hourly.map(({ key, dueAt, reason }) => [key, dueAt, reason]).sort()).toEqual(expected);
    // One tick from Sunday noon (the bot down over Christmas, or a daily tick) sees them too.
    const plan = planReminders(
      instant("2025-12-29T11:00:00Z"),
      instant("2025-12-28T11:00:00Z"),
      state,
    );
    expect(plan.due.map(({ key, dueAt }) => [key, dueAt.toISOString(), null]).sort()).toEqual(
      expected,
    );
  });
});

describe("protocol deadline reminders skip holidays", () => {
  it("the secretary's reminders 2 and 5 days after a meeting on Tue 22 December wait for Monday 28", () => {
    const minutes: PlanningMinutes = {
      meetingId: "m1",
      councilId: "c1",
      startsAt: instant("2026-12-22T12:00:00Z"),
      compiled: false,
      secretaries: [person("sara")],
      chairs: [],
      approvers: [],
      approvedBy: [],
    };
    const quiet = settings({ meetingLeads: [], actionsLead: null, digestDay: null });
    const emitted = sweepState("2026-12-22T13:00:00Z", "2027-01-01T00:00:00Z", {
      councils: [council({ settings: quiet })],
      meetings: [],
      actions: [],
      minutes: [minutes],
    });
    // Julafton's is old news by then: the one for Sunday 27 December goes.
    expect(brief(emitted).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      {
        key: "minutes-due:m1:2026-12-22:2026-12-24:sara",
        dueAt: "2026-12-28T07:00:00.000Z",
        reason: "superseded",
      },
      {
        key: "minutes-due:m1:2026-12-22:2026-12-27:sara",
        dueAt: "2026-12-28T07:00:00.000Z",
        reason: null,
      },
    ]);
  });
});
