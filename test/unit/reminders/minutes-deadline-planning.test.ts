// Protocol mode's deadlines (architecture.md §12) as the planner sees them: the secretary 2 and 5
// days after a meeting whose minutes are not compiled, each signer who has not approved 3 days
// and 1 day before the approval deadline and the day after it, at the council's reminder time
// in its hours. June 2026: Mon 1, 8, 15; Stockholm is UTC+2 then (09:00 = 07:00Z, 08:00 = 06:00Z).
import { describe, expect, it } from "vitest";
import type { PlanningMinutes } from "../../../src/domain/reminders/minutes-deadlines.js";
import { minutesReach, type PlanningState } from "../../../src/domain/reminders/plan-reminders.js";
import type { ReminderSettings } from "../../../src/domain/reminders/reminder-settings.js";
import {
  brief,
  council,
  DAY,
  type Emitted,
  expectEachPlannedOnce,
  HOUR,
  instant,
  MINUTE,
  person,
  settings,
  sweep,
  sweepCuts,
} from "./planning-fixtures.js";

const STEP = 15 * MINUTE;

/** Mon 1 June 2026 13:00 CEST; deadline (14 days) Mon 15 June. */
function minutes(overrides: Partial<PlanningMinutes> = {}): PlanningMinutes {
  return {
    meetingId: "m1",
    councilId: "c1",
    startsAt: instant("2026-06-01T11:00:00Z"),
    compiled: false,
    secretaries: [person("sara")],
    chairs: [person("maria")],
    approvers: [person("anna"), person("bo")],
    approvedBy: [],
    ...overrides,
  };
}

/** Only the deadline reminders: no meeting, action or digest reminders in these councils. */
function state(
  planned: PlanningMinutes[],
  overrides: Partial<ReminderSettings> = {},
  timeZone = "Europe/Stockholm",
): PlanningState {
  const quiet = settings({ meetingLeads: [], actionsLead: null, digestDay: null, ...overrides });
  return {
    councils: [council({ settings: quiet, timeZone })],
    meetings: [],
    actions: [],
    minutes: planned,
  };
}

function sweepState(from: string, to: string, planning: PlanningState): Emitted[] {
  const emitted = sweep(instant(from), instant(to), STEP, () => planning);
  expectEachPlannedOnce(emitted);
  return emitted;
}

/** "kind on-day recipient @ dueAt", with the reason when not sent. */
function lines(emitted: Emitted[]): string[] {
  return emitted.map(({ reminder, dueAt, reason }) => {
    const { payload } = reminder;
    const on = "on" in payload ? payload.on : "";
    const who = reminder.recipient.replace("person:", "");
    return `${payload.kind} ${on} ${who} @ ${dueAt}${reason ? ` (${reason})` : ""}`;
  });
}

describe("deadline reminders at the council's time, in its hours", () => {
  it("in Stockholm: Wed and (Sat moved to) Mon for the secretary; Fri 12, (Sun moved to) Mon 15, Tue 16 for the signers", () => {
    const emitted = sweepState("2026-06-01T10:00:00Z", "2026-06-20T00:00:00Z", state([minutes()]));
    expect(lines(emitted)).toEqual([
      "minutes-due 2026-06-03 sara @ 2026-06-03T07:00:00.000Z",
      "minutes-due 2026-06-06 sara @ 2026-06-08T06:00:00.000Z",
      "approval-due 2026-06-12 maria @ 2026-06-12T07:00:00.000Z",
      "approval-due 2026-06-12 anna @ 2026-06-12T07:00:00.000Z",
      "approval-due 2026-06-12 bo @ 2026-06-12T07:00:00.000Z",
      // Sunday's goes at Monday's opening: the deadline is that day, still ahead.
      "approval-due 2026-06-14 maria @ 2026-06-15T06:00:00.000Z",
      "approval-due 2026-06-14 anna @ 2026-06-15T06:00:00.000Z",
      "approval-due 2026-06-14 bo @ 2026-06-15T06:00:00.000Z",
      "approval-due 2026-06-16 maria @ 2026-06-16T07:00:00.000Z",
      "approval-due 2026-06-16 anna @ 2026-06-16T07:00:00.000Z",
      "approval-due 2026-06-16 bo @ 2026-06-16T07:00:00.000Z",
    ]);
    const [first] = emitted;
    expect(first?.reminder).toMatchObject({
      key: "minutes-due:m1:2026-06-01:2026-06-03:sara",
      councilId: "c1",
      recipient: "person:sara",
      platform: "slack",
      subjectId: "m1",
      payload: {
        kind: "minutes-due",
        meetingId: "m1",
        meetingDate: "2026-06-01",
        on: "2026-06-03",
      },
    });
    expect(emitted[2]?.reminder).toMatchObject({
      key: "approval-due:m1:2026-06-01:2026-06-15:2026-06-12:maria",
      payload: {
        kind: "approval-due",
        meetingId: "m1",
        meetingDate: "2026-06-01",
        deadline: "2026-06-15",
        on: "2026-06-12",
      },
    });
  });

  it("in the week the clocks go forward (Sun 29 March 2026): 09:00 is 08:00Z before, 07:00Z after", () => {
    // Mon 16 March 13:00 CET; deadline Mon 30 March.
    const march = minutes({ startsAt: instant("2026-03-16T12:00:00Z") });
    const emitted = sweepState("2026-03-16T11:00:00Z", "2026-04-02T00:00:00Z", state([march]));
    const forMaria = emitted.filter(({ recipient }) => recipient !== "person:anna");
    expect(lines(forMaria.filter(({ recipient }) => recipient !== "person:bo"))).toEqual([
      "minutes-due 2026-03-18 sara @ 2026-03-18T08:00:00.000Z",
      "minutes-due 2026-03-21 sara @ 2026-03-23T07:00:00.000Z",
      "approval-due 2026-03-27 maria @ 2026-03-27T08:00:00.000Z",
      "approval-due 2026-03-29 maria @ 2026-03-30T06:00:00.000Z",
      "approval-due 2026-03-31 maria @ 2026-03-31T07:00:00.000Z",
    ]);
  });

  it("in New York, any hour any day, over the US change (Sun 8 March 2026): 09:00 is 14:00Z, then 13:00Z", () => {
    // Thu 26 February 10:00 EST; deadline in 11 days, Mon 9 March.
    const newYork = minutes({
      startsAt: instant("2026-02-26T15:00:00Z"),
      chairs: [],
      approvers: [person("anna")],
    });
    const emitted = sweepState(
      "2026-02-26T14:00:00Z",
      "2026-03-12T00:00:00Z",
      state([newYork], { window: null, approvalDeadlineDays: 11 }, "America/New_York"),
    );
    expect(lines(emitted)).toEqual([
      "minutes-due 2026-02-28 sara @ 2026-02-28T14:00:00.000Z",
      "minutes-due 2026-03-03 sara @ 2026-03-03T14:00:00.000Z",
      "approval-due 2026-03-06 anna @ 2026-03-06T14:00:00.000Z",
      "approval-due 2026-03-08 anna @ 2026-03-08T13:00:00.000Z",
      "approval-due 2026-03-10 anna @ 2026-03-10T13:00:00.000Z",
    ]);
  });

  it("a reminder the hours move onto the next one's day gives way to it", () => {
    // Deadline Tue 16 June: its −3 falls on Sat 13 and would go Mon 15 at 08:00, an hour
    // before the −1 of Mon 15 at 09:00.
    const emitted = sweepState(
      "2026-06-10T00:00:00Z",
      "2026-06-20T00:00:00Z",
      state([minutes({ compiled: true, chairs: [], approvers: [person("anna")] })], {
        approvalDeadlineDays: 15,
      }),
    );
    expect(lines(emitted)).toEqual([
      "approval-due 2026-06-13 anna @ 2026-06-15T06:00:00.000Z (superseded)",
      "approval-due 2026-06-15 anna @ 2026-06-15T07:00:00.000Z",
      "approval-due 2026-06-17 anna @ 2026-06-17T07:00:00.000Z",
    ]);
  });

  it("leaves out approval reminders on or before the meeting's day when the deadline is that short", () => {
    const only = (approvalDeadlineDays: number) =>
      lines(
        sweepState(
          "2026-06-01T10:00:00Z",
          "2026-06-10T00:00:00Z",
          state([minutes({ compiled: true, chairs: [], approvers: [person("anna")] })], {
            approvalDeadlineDays,
          }),
        ),
      );
    expect(only(1)).toEqual(["approval-due 2026-06-03 anna @ 2026-06-03T07:00:00.000Z"]);
    expect(only(2)).toEqual([
      "approval-due 2026-06-02 anna @ 2026-06-02T07:00:00.000Z",
      "approval-due 2026-06-04 anna @ 2026-06-04T07:00:00.000Z",
    ]);
  });
});

describe("who is reminded", () => {
  const window = ["2026-06-01T10:00:00Z", "2026-06-20T00:00:00Z"] as const;
  const recipients = (planned: PlanningMinutes, kind: Emitted["kind"]) => [
    ...new Set(
      sweepState(...window, state([planned]))
        .filter((entry) => entry.kind === kind)
        .map(({ recipient }) => recipient),
    ),
  ];

  it("nobody once everyone has approved", () => {
    const approved = minutes({ compiled: true, approvedBy: ["maria", "anna", "bo"] });
    expect(sweepState(...window, state([approved]))).toEqual([]);
  });

  it("not an approver who has approved, while the other approver and the chair are", () => {
    const one = minutes({ compiled: true, approvedBy: ["anna"] });
    expect(recipients(one, "approval-due")).toEqual(["person:maria", "person:bo"]);
  });

  it("no chair once one chair has approved; a chair who is also a chosen approver still is", () => {
    const chairs = minutes({
      chairs: [person("maria"), person("per"), person("anna")],
      approvedBy: ["per"],
      compiled: true,
    });
    expect(recipients(chairs, "approval-due")).toEqual(["person:anna", "person:bo"]);
    const noneYet = minutes({ chairs: [person("maria"), person("per")], approvers: [] });
    expect(recipients(noneYet, "approval-due")).toEqual(["person:maria", "person:per"]);
  });

  it("not the secretary once the minutes are compiled; the signers still", () => {
    const compiled = minutes({ compiled: true });
    expect(recipients(compiled, "minutes-due")).toEqual([]);
    expect(recipients(compiled, "approval-due")).toHaveLength(3);
    expect(recipients(minutes(), "minutes-due")).toEqual(["person:sara"]);
  });

  it("nobody when the council's reminders are off", () => {
    expect(sweepState(...window, state([minutes()], { enabled: false }))).toEqual([]);
  });
});

describe("catching up after downtime", () => {
  // Only Anna is to approve; the deadline is Mon 15 June: −3 Fri 12 07:00Z, −1 (Sun 14)
  // Mon 15 06:00Z, passed Tue 16 07:00Z.
  const anna = state([minutes({ compiled: true, chairs: [], approvers: [person("anna")] })]);

  /** Ticks every 15 minutes from `from` to `to`, none between `down` and `up`. */
  function withGap(from: string, down: string, up: string, to: string): Emitted[] {
    const cuts: number[] = [];
    for (let at = instant(from).getTime(); at <= instant(down).getTime(); at += STEP) cuts.push(at);
    for (let at = instant(up).getTime(); at <= instant(to).getTime(); at += STEP) cuts.push(at);
    const emitted = sweepCuts(cuts, () => anna);
    expectEachPlannedOnce(emitted);
    // A window plans what is to be sent before what is skipped: here, in time order.
    return emitted.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  it("after two days off, sends the reminder that fell in them, late, as it is still the latest", () => {
    const emitted = withGap(
      "2026-06-10T00:00:00Z",
      "2026-06-11T06:00:00Z",
      "2026-06-13T06:00:00Z",
      "2026-06-17T00:00:00Z",
    );
    expect(brief(emitted)).toEqual([
      {
        key: "approval-due:m1:2026-06-01:2026-06-15:2026-06-12:anna",
        dueAt: "2026-06-12T07:00:00.000Z",
        reason: null,
      },
      {
        key: "approval-due:m1:2026-06-01:2026-06-15:2026-06-14:anna",
        dueAt: "2026-06-15T06:00:00.000Z",
        reason: null,
      },
      {
        key: "approval-due:m1:2026-06-01:2026-06-15:2026-06-16:anna",
        dueAt: "2026-06-16T07:00:00.000Z",
        reason: null,
      },
    ]);
    expect(emitted[0]?.plannedAt).toBe("2026-06-13T06:00:00.000Z");
  });

  it("of two that fell in the downtime, sends the later only: the earlier is superseded", () => {
    const emitted = withGap(
      "2026-06-10T00:00:00Z",
      "2026-06-11T06:00:00Z",
      "2026-06-15T10:00:00Z",
      "2026-06-17T00:00:00Z",
    );
    expect(brief(emitted).map(({ dueAt, reason }) => [dueAt, reason])).toEqual([
      ["2026-06-12T07:00:00.000Z", "superseded"],
      ["2026-06-15T06:00:00.000Z", null],
      ["2026-06-16T07:00:00.000Z", null],
    ]);
  });

  it("back after the deadline, sends only that it has passed", () => {
    const emitted = withGap(
      "2026-06-10T00:00:00Z",
      "2026-06-14T00:00:00Z",
      "2026-06-17T12:00:00Z",
      "2026-06-18T00:00:00Z",
    );
    expect(brief(emitted).map(({ dueAt, reason }) => [dueAt, reason])).toEqual([
      ["2026-06-12T07:00:00.000Z", null],
      ["2026-06-15T06:00:00.000Z", "superseded"],
      ["2026-06-16T07:00:00.000Z", null],
    ]);
  });
});

describe("minutesReach", () => {
  it("reaches back far enough for the day after a 60-day deadline, moved by Christmas", () => {
    const since = instant("2026-09-01T07:00:00Z");
    const reach = minutesReach(since);
    // 61 days, a week for the longest run of days off and its margin, a day for the zone.
    expect((since.getTime() - reach.getTime()) / DAY).toBe(69);
    // A meeting 61 days and some hours before: its "passed" reminder is on `since`'s day.
    const started = new Date(since.getTime() - 61 * DAY - 2 * HOUR);
    expect(started > reach).toBe(true);
    const emitted = sweepState(
      "2026-09-01T00:00:00Z",
      "2026-09-02T00:00:00Z",
      state([minutes({ startsAt: started, compiled: true, chairs: [] })], {
        approvalDeadlineDays: 60,
      }),
    );
    expect(lines(emitted)).toEqual([
      "approval-due 2026-09-01 anna @ 2026-09-01T07:00:00.000Z",
      "approval-due 2026-09-01 bo @ 2026-09-01T07:00:00.000Z",
    ]);
  });
});
