// The rules of architecture.md §5 in normal operation: the planner runs window after window over a
// stretch of days (as the scheduler's ticks would), and what it plans, when and for whom is
// compared with instants worked out by hand. Stockholm is UTC+2 in summer (09:00 = 07:00Z)
// and UTC+1 in winter (09:00 = 08:00Z). June 2026: Mon 1, 8, 15, 22, 29.
import { describe, expect, it } from "vitest";
import { type PlanningState, planReminders } from "../../../src/domain/reminders/plan-reminders.js";
import type { Lead } from "../../../src/domain/reminders/reminder-settings.js";
import {
  action,
  brief,
  channel,
  council,
  expectEachPlannedOnce,
  HOUR,
  instant,
  MINUTE,
  meeting,
  ofKind,
  person,
  settings,
  sweep,
} from "./planning-fixtures.js";

const STEP = 15 * MINUTE;

function sweepState(from: string, to: string, state: PlanningState, stepMs = STEP) {
  const emitted = sweep(instant(from), instant(to), stepMs, () => state);
  expectEachPlannedOnce(emitted);
  return emitted;
}

const NO_DIGEST = settings({ digestDay: null });

describe("meeting coming: 7 days and 1 day before at 09:00, to each channel", () => {
  // Thu 18 June 2026 13:00 CEST.
  const thursday = meeting("m1", "2026-06-18T11:00:00.000Z");
  const key = (lead: string, binding = "b1") =>
    `meeting:m1:2026-06-18T11:00:00.000Z:${lead}:${binding}`;

  it("goes to the channel on Thu 11 June and Wed 17 June at 09:00 CEST, and at no other time", () => {
    const emitted = sweepState("2026-06-08T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [council({ settings: NO_DIGEST })],
      meetings: [thursday],
      actions: [],
    });
    expect(brief(emitted)).toEqual([
      { key: key("7d"), dueAt: "2026-06-11T07:00:00.000Z", reason: null },
      { key: key("1d"), dueAt: "2026-06-17T07:00:00.000Z", reason: null },
    ]);
    expect(emitted[0]?.reminder).toEqual({
      key: key("7d"),
      councilId: "c1",
      recipient: "channel:b1",
      platform: "slack",
      subjectId: "m1",
      dueAt: instant("2026-06-11T07:00:00.000Z"),
      payload: {
        kind: "meeting",
        meetingId: "m1",
        startsAt: "2026-06-18T11:00:00.000Z",
        lead: { unit: "days", amount: 7 },
      },
    });
  });

  it("goes to every channel the council is bound to, one reminder each with its own key", () => {
    const emitted = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [
        council({
          settings: NO_DIGEST,
          channels: [channel("b1", "slack"), channel("b2", "teams"), channel("b3", "local")],
        }),
      ],
      meetings: [thursday],
      actions: [],
    });
    expect(
      emitted.map(({ key, recipient, reminder }) => [key, recipient, reminder.platform]),
    ).toEqual([
      [key("7d", "b1"), "channel:b1", "slack"],
      [key("7d", "b2"), "channel:b2", "teams"],
      [key("7d", "b3"), "channel:b3", "local"],
      [key("1d", "b1"), "channel:b1", "slack"],
      [key("1d", "b2"), "channel:b2", "teams"],
      [key("1d", "b3"), "channel:b3", "local"],
    ]);
  });

  it("follows the council's own leads and time: 3 days before at 10:30, and 30 minutes before", () => {
    const emitted = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [
        council({
          settings: settings({
            digestDay: null,
            at: { hour: 10, minute: 30 },
            meetingLeads: [
              { unit: "days", amount: 3 },
              { unit: "minutes", amount: 30 },
            ],
          }),
        }),
      ],
      meetings: [thursday],
      actions: [],
    });
    expect(brief(ofKind(emitted, "meeting"))).toEqual([
      // Mon 15 June 10:30 CEST.
      { key: key("3d"), dueAt: "2026-06-15T08:30:00.000Z", reason: null },
      // Thu 18 June 12:30 CEST.
      { key: key("30m"), dueAt: "2026-06-18T10:30:00.000Z", reason: null },
    ]);
  });

  it("sends one of two leads the council's hours move to one moment: the nearer", () => {
    // Mon 15 June 10:00 CEST, 2 and 1 days before: Saturday and Sunday 09:00, both moved to
    // Monday 08:00 CEST (06:00Z). One message, not two at once.
    const emitted = sweepState(
      "2026-06-12T00:00:00.000Z",
      "2026-06-16T00:00:00.000Z",
      {
        councils: [
          council({
            settings: settings({
              digestDay: null,
              meetingLeads: [
                { unit: "days", amount: 2 },
                { unit: "days", amount: 1 },
              ],
            }),
          }),
        ],
        meetings: [meeting("m1", "2026-06-15T08:00:00.000Z")],
        actions: [],
      },
      MINUTE,
    );
    expect(brief(emitted)).toEqual([
      {
        key: "meeting:m1:2026-06-15T08:00:00.000Z:1d:b1",
        dueAt: "2026-06-15T06:00:00.000Z",
        reason: null,
      },
      {
        key: "meeting:m1:2026-06-15T08:00:00.000Z:2d:b1",
        dueAt: "2026-06-15T06:00:00.000Z",
        reason: "superseded",
      },
    ]);
  });

  it("sends one message for a lead stored twice, and for a day and 1440 minutes before a 09:00 meeting", () => {
    const run = (meetingLeads: Lead[]) =>
      brief(
        sweepState(
          "2026-06-15T00:00:00.000Z",
          "2026-06-19T00:00:00.000Z",
          {
            councils: [
              council({ settings: settings({ digestDay: null, actionsLead: null, meetingLeads }) }),
            ],
            // Thu 18 June 09:00 CEST.
            meetings: [meeting("m1", "2026-06-18T07:00:00.000Z")],
            actions: [],
          },
          MINUTE,
        ),
      );
    expect(
      run([
        { unit: "days", amount: 1 },
        { unit: "days", amount: 1 },
      ]),
    ).toEqual([
      {
        key: "meeting:m1:2026-06-18T07:00:00.000Z:1d:b1",
        dueAt: "2026-06-17T07:00:00.000Z",
        reason: null,
      },
    ]);
    const both = run([
      { unit: "days", amount: 1 },
      { unit: "minutes", amount: 1440 },
    ]);
    expect(both.map(({ dueAt }) => dueAt)).toEqual([
      "2026-06-17T07:00:00.000Z",
      "2026-06-17T07:00:00.000Z",
    ]);
    expect(both.filter(({ reason }) => reason === null)).toHaveLength(1);
    expect(both.filter(({ reason }) => reason === "superseded")).toHaveLength(1);
  });

  it("says nothing for a council without channels, or a meeting of another council", () => {
    const emitted = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [council({ settings: NO_DIGEST, channels: [] })],
      meetings: [thursday, meeting("m2", "2026-06-18T11:00:00.000Z", "c-unknown")],
      actions: [],
    });
    expect(emitted).toEqual([]);
  });
});

describe("your actions before the meeting: 1 day before at 09:00, privately", () => {
  const thursday = meeting("m1", "2026-06-18T11:00:00.000Z");

  it("goes once to each person with open actions in the council, whatever their due dates", () => {
    const emitted = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [
        council({ settings: NO_DIGEST }),
        council({ id: "c2", settings: NO_DIGEST, channels: [] }),
      ],
      meetings: [thursday],
      actions: [
        action("a1", null, [person("p1", "slack")]),
        action("a2", null, [person("p2", "teams"), person("p1", "slack")]),
        action("a3", null, [person("p3")], { councilId: "c2" }),
      ],
    });
    const prep = ofKind(emitted, "prep");
    expect(brief(prep)).toEqual([
      {
        key: "prep:m1:2026-06-18T11:00:00.000Z:p1",
        dueAt: "2026-06-17T07:00:00.000Z",
        reason: null,
      },
      {
        key: "prep:m1:2026-06-18T11:00:00.000Z:p2",
        dueAt: "2026-06-17T07:00:00.000Z",
        reason: null,
      },
    ]);
    expect(prep.map(({ reminder }) => [reminder.recipient, reminder.platform])).toEqual([
      ["person:p1", "slack"],
      ["person:p2", "teams"],
    ]);
    expect(prep[0]?.reminder.payload).toEqual({
      kind: "prep",
      meetingId: "m1",
      startsAt: "2026-06-18T11:00:00.000Z",
    });
  });

  it("is not sent when the council turned it off, or nobody has an open action", () => {
    const off = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [council({ settings: settings({ digestDay: null, actionsLead: null }) })],
      meetings: [thursday],
      actions: [action("a1", null)],
    });
    expect(ofKind(off, "prep")).toEqual([]);
    expect(ofKind(off, "meeting")).toHaveLength(2);
    const nobody = sweepState("2026-06-10T00:00:00.000Z", "2026-06-19T00:00:00.000Z", {
      councils: [council({ settings: NO_DIGEST })],
      meetings: [thursday],
      actions: [],
    });
    expect(ofKind(nobody, "prep")).toEqual([]);
  });
});

describe("action due: the morning of the due date; overdue: the next weekday, then weekly", () => {
  function remindersFor(due: string, assignees = [person("p1")]) {
    return sweepState(
      "2026-06-15T00:00:00.000Z",
      "2026-07-08T00:00:00.000Z",
      {
        councils: [council({ settings: NO_DIGEST })],
        meetings: [],
        actions: [action("a1", due, assignees)],
      },
      HOUR,
    );
  }

  it("due on Wed 17 June: Wed 09:00, then Thu 18, Thu 25 June, Thu 2 July", () => {
    const emitted = remindersFor("2026-06-17");
    expect(brief(emitted)).toEqual([
      { key: "due:a1:2026-06-17:p1", dueAt: "2026-06-17T07:00:00.000Z", reason: null },
      {
        key: "overdue:a1:2026-06-17:2026-06-18:p1",
        dueAt: "2026-06-18T07:00:00.000Z",
        reason: null,
      },
      {
        key: "overdue:a1:2026-06-17:2026-06-25:p1",
        dueAt: "2026-06-25T07:00:00.000Z",
        reason: null,
      },
      {
        key: "overdue:a1:2026-06-17:2026-07-02:p1",
        dueAt: "2026-07-02T07:00:00.000Z",
        reason: null,
      },
    ]);
    expect(emitted[0]?.reminder).toEqual({
      key: "due:a1:2026-06-17:p1",
      councilId: "c1",
      recipient: "person:p1",
      platform: "slack",
      subjectId: "a1",
      dueAt: instant("2026-06-17T07:00:00.000Z"),
      payload: { kind: "due", actionId: "a1", due: "2026-06-17", on: "2026-06-17" },
    });
    expect(emitted[1]?.reminder.payload).toEqual({
      kind: "overdue",
      actionId: "a1",
      due: "2026-06-17",
      on: "2026-06-18",
    });
  });

  it.each([
    ["Fri 26 June", "2026-06-26"],
    ["Sat 27 June", "2026-06-27"],
    ["Sun 28 June", "2026-06-28"],
  ])(
    "due on %s: reminded on Friday, overdue from Monday, then weekly on Mondays",
    (_label, due) => {
      expect(brief(remindersFor(due))).toEqual([
        { key: `due:a1:${due}:p1`, dueAt: "2026-06-26T07:00:00.000Z", reason: null },
        { key: `overdue:a1:${due}:2026-06-29:p1`, dueAt: "2026-06-29T07:00:00.000Z", reason: null },
        { key: `overdue:a1:${due}:2026-07-06:p1`, dueAt: "2026-07-06T07:00:00.000Z", reason: null },
      ]);
    },
  );

  it.each([
    ["Fri 19 June, midsommarafton", "2026-06-19"],
    ["Sat 20 June, midsommardagen", "2026-06-20"],
    ["Sun 21 June", "2026-06-21"],
  ])(
    "due on %s: reminded on Thursday, overdue from Monday, then weekly on Mondays",
    (_label, due) => {
      expect(brief(remindersFor(due))).toEqual([
        { key: `due:a1:${due}:p1`, dueAt: "2026-06-18T07:00:00.000Z", reason: null },
        { key: `overdue:a1:${due}:2026-06-22:p1`, dueAt: "2026-06-22T07:00:00.000Z", reason: null },
        { key: `overdue:a1:${due}:2026-06-29:p1`, dueAt: "2026-06-29T07:00:00.000Z", reason: null },
        { key: `overdue:a1:${due}:2026-07-06:p1`, dueAt: "2026-07-06T07:00:00.000Z", reason: null },
      ]);
    },
  );

  it("goes to each assignee of the action, one reminder each", () => {
    const emitted = remindersFor("2026-07-01", [person("p1", "slack"), person("p2", "teams")]);
    expect(
      emitted.map(({ key, recipient, reminder }) => [key, recipient, reminder.platform]),
    ).toEqual([
      ["due:a1:2026-07-01:p1", "person:p1", "slack"],
      ["due:a1:2026-07-01:p2", "person:p2", "teams"],
      ["overdue:a1:2026-07-01:2026-07-02:p1", "person:p1", "slack"],
      ["overdue:a1:2026-07-01:2026-07-02:p2", "person:p2", "teams"],
    ]);
  });

  it("says nothing about an action without a due date", () => {
    expect(
      sweepState("2026-06-15T00:00:00.000Z", "2026-07-08T00:00:00.000Z", {
        councils: [council({ settings: NO_DIGEST })],
        meetings: [],
        actions: [action("a1", null)],
      }),
    ).toEqual([]);
  });
});

describe("weekly digest: Monday 09:00 to the council's channels", () => {
  function digests(overrides: Parameters<typeof settings>[0], channels = [channel("b1")]) {
    return brief(
      sweepState(
        "2026-06-01T00:00:00.000Z",
        "2026-06-30T00:00:00.000Z",
        {
          councils: [council({ settings: settings(overrides), channels })],
          meetings: [],
          actions: [],
        },
        HOUR,
      ),
    );
  }

  it("every Monday of June at 09:00 CEST", () => {
    expect(digests({})).toEqual(
      ["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"].map((date) => ({
        key: `digest:c1:${date}:b1`,
        dueAt: `${date}T07:00:00.000Z`,
        reason: null,
      })),
    );
  });

  it("on the council's day instead, to each channel, or not at all", () => {
    expect(digests({ digestDay: 3 }, [channel("b1"), channel("b2", "teams")])).toEqual(
      ["2026-06-03", "2026-06-10", "2026-06-17", "2026-06-24"].flatMap((date) =>
        ["b1", "b2"].map((binding) => ({
          key: `digest:c1:${date}:${binding}`,
          dueAt: `${date}T07:00:00.000Z`,
          reason: null,
        })),
      ),
    );
    expect(digests({ digestDay: null })).toEqual([]);
  });

  it("a Sunday digest waits for Monday 08:00 in office hours, and goes on Sunday without them", () => {
    // Sunday 31 May's digest is sent on Monday 1 June, inside the swept month.
    expect(digests({ digestDay: 7 }).slice(0, 3)).toEqual([
      { key: "digest:c1:2026-05-31:b1", dueAt: "2026-06-01T06:00:00.000Z", reason: null },
      { key: "digest:c1:2026-06-07:b1", dueAt: "2026-06-08T06:00:00.000Z", reason: null },
      { key: "digest:c1:2026-06-14:b1", dueAt: "2026-06-15T06:00:00.000Z", reason: null },
    ]);
    expect(digests({ digestDay: 7, window: null }).slice(0, 2)).toEqual([
      { key: "digest:c1:2026-06-07:b1", dueAt: "2026-06-07T07:00:00.000Z", reason: null },
      { key: "digest:c1:2026-06-14:b1", dueAt: "2026-06-14T07:00:00.000Z", reason: null },
    ]);
  });

  it("payload and recipient", () => {
    const plan = planReminders(
      instant("2026-06-08T07:00:00.000Z"),
      instant("2026-06-08T06:59:00.000Z"),
      {
        councils: [council()],
        meetings: [],
        actions: [],
      },
    );
    expect(plan).toEqual({
      due: [
        {
          key: "digest:c1:2026-06-08:b1",
          councilId: "c1",
          recipient: "channel:b1",
          platform: "slack",
          subjectId: "c1",
          dueAt: instant("2026-06-08T07:00:00.000Z"),
          payload: { kind: "digest", date: "2026-06-08" },
        },
      ],
      stale: [],
    });
  });
});

describe("daylight saving time: the reminder stays at 09:00 local, its UTC instant moves", () => {
  it("spring: a 7-day lead from CET into CEST", () => {
    // Thu 2 April 10:00 CEST; 7 days before is Thu 26 March 09:00 CET (08:00Z), 1 day before
    // Wed 1 April 09:00 CEST (07:00Z).
    const emitted = sweepState("2026-03-20T00:00:00.000Z", "2026-04-03T00:00:00.000Z", {
      councils: [council({ settings: settings({ digestDay: null, actionsLead: null }) })],
      meetings: [meeting("m1", "2026-04-02T08:00:00.000Z")],
      actions: [],
    });
    expect(emitted.map(({ dueAt }) => dueAt)).toEqual([
      "2026-03-26T08:00:00.000Z",
      "2026-04-01T07:00:00.000Z",
    ]);
  });

  it("autumn: a 7-day lead from CEST into CET", () => {
    // Thu 29 October 10:00 CET; Thu 22 October 09:00 CEST (07:00Z), Wed 28 October 09:00 CET (08:00Z).
    const emitted = sweepState("2026-10-15T00:00:00.000Z", "2026-10-30T00:00:00.000Z", {
      councils: [council({ settings: settings({ digestDay: null, actionsLead: null }) })],
      meetings: [meeting("m1", "2026-10-29T09:00:00.000Z")],
      actions: [],
    });
    expect(emitted.map(({ dueAt }) => dueAt)).toEqual([
      "2026-10-22T07:00:00.000Z",
      "2026-10-28T08:00:00.000Z",
    ]);
  });

  it("weekly overdue reminders and digests keep their local time over both changes", () => {
    const spring = sweepState("2026-03-22T00:00:00.000Z", "2026-04-03T00:00:00.000Z", {
      councils: [council()],
      meetings: [],
      actions: [action("a1", "2026-03-25")],
    });
    expect(spring.map(({ key, dueAt }) => [key, dueAt])).toEqual([
      ["digest:c1:2026-03-23:b1", "2026-03-23T08:00:00.000Z"],
      ["due:a1:2026-03-25:p1", "2026-03-25T08:00:00.000Z"],
      ["overdue:a1:2026-03-25:2026-03-26:p1", "2026-03-26T08:00:00.000Z"],
      ["digest:c1:2026-03-30:b1", "2026-03-30T07:00:00.000Z"],
      ["overdue:a1:2026-03-25:2026-04-02:p1", "2026-04-02T07:00:00.000Z"],
    ]);
    const autumn = sweepState("2026-10-18T00:00:00.000Z", "2026-10-30T00:00:00.000Z", {
      councils: [council()],
      meetings: [],
      actions: [action("a1", "2026-10-21")],
    });
    expect(autumn.map(({ key, dueAt }) => [key, dueAt])).toEqual([
      ["digest:c1:2026-10-19:b1", "2026-10-19T07:00:00.000Z"],
      ["due:a1:2026-10-21:p1", "2026-10-21T07:00:00.000Z"],
      ["overdue:a1:2026-10-21:2026-10-22:p1", "2026-10-22T07:00:00.000Z"],
      ["digest:c1:2026-10-26:b1", "2026-10-26T08:00:00.000Z"],
      ["overdue:a1:2026-10-21:2026-10-29:p1", "2026-10-29T08:00:00.000Z"],
    ]);
  });

  it("the day before a meeting on the Monday after the spring change is its Monday morning", () => {
    // Mon 30 March 10:00 CEST; the day before is Sunday, so 08:00 CEST on Monday (06:00Z).
    const emitted = sweepState("2026-03-27T00:00:00.000Z", "2026-03-31T00:00:00.000Z", {
      councils: [council({ settings: NO_DIGEST })],
      meetings: [meeting("m1", "2026-03-30T08:00:00.000Z")],
      actions: [action("a1", null)],
    });
    expect(brief(emitted)).toEqual([
      {
        key: "meeting:m1:2026-03-30T08:00:00.000Z:1d:b1",
        dueAt: "2026-03-30T06:00:00.000Z",
        reason: null,
      },
      {
        key: "prep:m1:2026-03-30T08:00:00.000Z:p1",
        dueAt: "2026-03-30T06:00:00.000Z",
        reason: null,
      },
    ]);
  });
});

describe("councils in other zones keep their own 09:00", () => {
  it("New York, over the US spring change (8 March), and Tokyo, beside Stockholm", () => {
    const emitted = sweepState("2026-03-01T00:00:00.000Z", "2026-03-13T00:00:00.000Z", {
      councils: [
        council({
          id: "ny",
          timeZone: "America/New_York",
          settings: NO_DIGEST,
          channels: [channel("ny-b")],
        }),
        council({ id: "tk", timeZone: "Asia/Tokyo", channels: [channel("tk-b")] }),
        council({ settings: settings({ meetingLeads: [], actionsLead: null }) }),
      ],
      meetings: [
        // Thu 12 March 10:00 EDT (UTC−4).
        meeting("m-ny", "2026-03-12T14:00:00.000Z", "ny"),
      ],
      actions: [
        // Due Fri 6 March in New York (EST, UTC−5): overdue from Monday 9 March (EDT).
        action("a-ny", "2026-03-06", [person("p1")], {
          councilId: "ny",
          timeZone: "America/New_York",
        }),
        action("a-tk", "2026-03-04", [person("p2")], { councilId: "tk", timeZone: "Asia/Tokyo" }),
      ],
    });
    expect(emitted.map(({ key, dueAt }) => [key, dueAt])).toEqual([
      // Mon 2 March 09:00 JST = Mon 00:00Z; Stockholm 09:00 CET = 08:00Z.
      ["digest:tk:2026-03-02:tk-b", "2026-03-02T00:00:00.000Z"],
      ["digest:c1:2026-03-02:b1", "2026-03-02T08:00:00.000Z"],
      ["due:a-tk:2026-03-04:p2", "2026-03-04T00:00:00.000Z"],
      ["overdue:a-tk:2026-03-04:2026-03-05:p2", "2026-03-05T00:00:00.000Z"],
      // Thu 5 March 09:00 EST.
      ["meeting:m-ny:2026-03-12T14:00:00.000Z:7d:ny-b", "2026-03-05T14:00:00.000Z"],
      ["due:a-ny:2026-03-06:p1", "2026-03-06T14:00:00.000Z"],
      ["digest:tk:2026-03-09:tk-b", "2026-03-09T00:00:00.000Z"],
      ["digest:c1:2026-03-09:b1", "2026-03-09T08:00:00.000Z"],
      // Mon 9 March 09:00 EDT.
      ["overdue:a-ny:2026-03-06:2026-03-09:p1", "2026-03-09T13:00:00.000Z"],
      // Wed 11 March 09:00 EDT: the meeting tomorrow, and p1's open actions.
      ["meeting:m-ny:2026-03-12T14:00:00.000Z:1d:ny-b", "2026-03-11T13:00:00.000Z"],
      ["prep:m-ny:2026-03-12T14:00:00.000Z:p1", "2026-03-11T13:00:00.000Z"],
      ["overdue:a-tk:2026-03-04:2026-03-12:p2", "2026-03-12T00:00:00.000Z"],
    ]);
  });
});

describe("the council's hours", () => {
  const wednesdayDue = [action("a1", "2026-06-17")];

  it("move a 07:00 reminder time to the 08:00 opening; without hours it stays at 07:00", () => {
    const inHours = sweepState("2026-06-16T00:00:00.000Z", "2026-06-18T00:00:00.000Z", {
      councils: [council({ settings: settings({ digestDay: null, at: { hour: 7, minute: 0 } }) })],
      meetings: [],
      actions: wednesdayDue,
    });
    expect(brief(inHours)).toEqual([
      { key: "due:a1:2026-06-17:p1", dueAt: "2026-06-17T06:00:00.000Z", reason: null },
    ]);
    const anyTime = sweepState("2026-06-16T00:00:00.000Z", "2026-06-18T00:00:00.000Z", {
      councils: [
        council({
          settings: settings({ digestDay: null, at: { hour: 7, minute: 0 }, window: null }),
        }),
      ],
      meetings: [],
      actions: wednesdayDue,
    });
    expect(brief(anyTime)).toEqual([
      { key: "due:a1:2026-06-17:p1", dueAt: "2026-06-17T05:00:00.000Z", reason: null },
    ]);
  });

  it("without hours a day-before reminder goes at 23:00 on a Sunday", () => {
    const leads = {
      meetingLeads: [{ unit: "days" as const, amount: 1 }],
      actionsLead: null,
      digestDay: null,
    };
    const mondayMeeting = [meeting("m1", "2026-06-15T08:00:00.000Z")];
    const run = (overrides: Parameters<typeof settings>[0]) =>
      sweepState("2026-06-12T00:00:00.000Z", "2026-06-16T00:00:00.000Z", {
        councils: [council({ settings: settings({ ...leads, ...overrides }) })],
        meetings: mondayMeeting,
        actions: [],
      }).map(({ dueAt }) => dueAt);
    // Sun 14 June 23:00 CEST.
    expect(run({ at: { hour: 23, minute: 0 }, window: null })).toEqual([
      "2026-06-14T21:00:00.000Z",
    ]);
    // Office hours: Monday 08:00; weekends allowed: Sunday 09:00.
    expect(run({})).toEqual(["2026-06-15T06:00:00.000Z"]);
    expect(
      run({
        window: { from: { hour: 8, minute: 0 }, to: { hour: 18, minute: 0 }, weekdaysOnly: false },
      }),
    ).toEqual(["2026-06-14T07:00:00.000Z"]);
  });

  it("move an evening minute lead to the next morning, or give it up if the meeting has begun", () => {
    const lead = (amount: number) =>
      settings({
        digestDay: null,
        actionsLead: null,
        meetingLeads: [{ unit: "minutes", amount }],
      });
    // Tue 16 June 08:30 CEST, 12 hours before: Mon 20:30 → Tue 08:00, before the meeting.
    const early = sweepState("2026-06-15T00:00:00.000Z", "2026-06-17T00:00:00.000Z", {
      councils: [council({ settings: lead(720) })],
      meetings: [meeting("m1", "2026-06-16T06:30:00.000Z")],
      actions: [],
    });
    expect(brief(early)).toEqual([
      {
        key: "meeting:m1:2026-06-16T06:30:00.000Z:720m:b1",
        dueAt: "2026-06-16T06:00:00.000Z",
        reason: null,
      },
    ]);
    // Tue 16 June 08:00 CEST, an hour before: 07:00 → 08:00, when it starts: not sent.
    const started = sweepState("2026-06-15T00:00:00.000Z", "2026-06-17T00:00:00.000Z", {
      councils: [council({ settings: lead(60) })],
      meetings: [meeting("m1", "2026-06-16T06:00:00.000Z")],
      actions: [],
    });
    expect(brief(started)).toEqual([
      {
        key: "meeting:m1:2026-06-16T06:00:00.000Z:60m:b1",
        dueAt: "2026-06-16T06:00:00.000Z",
        reason: "meeting-started",
      },
    ]);
    // Inside the hours a minute lead is exact: Wed 17 June 14:00, 30 minutes before.
    const exact = sweepState(
      "2026-06-16T00:00:00.000Z",
      "2026-06-18T00:00:00.000Z",
      {
        councils: [council({ settings: lead(30) })],
        meetings: [meeting("m1", "2026-06-17T12:00:00.000Z")],
        actions: [],
      },
      MINUTE,
    );
    expect(exact.map(({ dueAt, plannedAt }) => [dueAt, plannedAt])).toEqual([
      ["2026-06-17T11:30:00.000Z", "2026-06-17T11:30:00.000Z"],
    ]);
  });
});

describe("a council that turned reminders off", () => {
  it("gets nothing at all", () => {
    const emitted = sweep(
      instant("2026-06-01T00:00:00.000Z"),
      instant("2026-07-01T00:00:00.000Z"),
      HOUR,
      () => ({
        councils: [council({ settings: settings({ enabled: false }) })],
        meetings: [meeting("m1", "2026-06-18T11:00:00.000Z")],
        actions: [action("a1", "2026-06-10"), action("a2", null)],
      }),
    );
    expect(emitted).toEqual([]);
  });
});

describe("keys", () => {
  const state: PlanningState = {
    councils: [council()],
    meetings: [meeting("m1", "2026-06-18T11:00:00.000Z")],
    actions: [action("a1", "2026-06-10")],
  };

  it("are the same for one occasion whichever tick plans it, and the plan is a function of its inputs", () => {
    const at = instant("2026-06-11T07:00:00.000Z");
    const narrow = planReminders(at, new Date(at.getTime() - MINUTE), state);
    const wide = planReminders(
      new Date(at.getTime() + 30 * MINUTE),
      new Date(at.getTime() - HOUR),
      state,
    );
    expect(narrow.due.map(({ key }) => key).sort()).toEqual([
      "meeting:m1:2026-06-18T11:00:00.000Z:7d:b1",
      "overdue:a1:2026-06-10:2026-06-11:p1",
    ]);
    expect(wide).toEqual(narrow);
    expect(planReminders(at, new Date(at.getTime() - MINUTE), state)).toEqual(narrow);
  });

  it("differ for every occasion over two months", () => {
    const emitted = sweepState("2026-06-01T00:00:00.000Z", "2026-08-01T00:00:00.000Z", state, HOUR);
    // 9 Mondays, 2 meeting reminders, 1 prep, 1 due, weekly overdue from Thu 11 June (8).
    expect(emitted).toHaveLength(9 + 2 + 1 + 1 + 8);
    expect(new Set(emitted.map(({ key }) => key)).size).toBe(emitted.length);
  });

  it("window boundaries: a reminder at 09:00 belongs to (08:59, 09:00], not (09:00, 09:01]", () => {
    const at = instant("2026-06-17T07:00:00.000Z");
    const only = { ...state, actions: [] };
    const before = planReminders(at, new Date(at.getTime() - MINUTE), only);
    const after = planReminders(new Date(at.getTime() + MINUTE), at, only);
    expect(before.due.map(({ key }) => key)).toEqual(["meeting:m1:2026-06-18T11:00:00.000Z:1d:b1"]);
    expect(after).toEqual({ due: [], stale: [] });
    expect(
      planReminders(new Date(at.getTime() - MINUTE), new Date(at.getTime() - 2 * MINUTE), only),
    ).toEqual({
      due: [],
      stale: [],
    });
  });
});
