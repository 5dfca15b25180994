// A deadline reminder checked again when it is sent (architecture.md §12): a row may have waited
// (retries, a platform away) while the meeting moved, the deadline changed, a later reminder
// came due, or its person did what it asks.
import { describe, expect, it } from "vitest";
import {
  awaitingApproval,
  type MinutesNow,
  type MinutesReminderPayload,
  minutesOccasions,
  type PlanningMinutes,
  staleMinutesReminder,
} from "../../../src/domain/reminders/minutes-deadlines.js";
import { localDate, person } from "./planning-fixtures.js";

const MINUTES: PlanningMinutes = {
  meetingId: "m1",
  councilId: "c1",
  startsAt: new Date("2026-06-01T11:00:00Z"),
  compiled: false,
  secretaries: [person("sara")],
  chairs: [person("maria"), person("per")],
  approvers: [person("anna"), person("bo")],
  approvedBy: [],
};

/** Sat 13 June: after the −3 reminder of a 15 June deadline, before the −1 one's day. */
function now(overrides: Partial<MinutesNow> = {}): MinutesNow {
  return {
    meetingDate: localDate("2026-06-01"),
    approvalDays: 14,
    today: localDate("2026-06-13"),
    minutes: MINUTES,
    ...overrides,
  };
}

const compile: MinutesReminderPayload = {
  kind: "minutes-due",
  meetingId: "m1",
  meetingDate: "2026-06-01",
  on: "2026-06-03",
};
const approve: MinutesReminderPayload = {
  kind: "approval-due",
  meetingId: "m1",
  meetingDate: "2026-06-01",
  deadline: "2026-06-15",
  on: "2026-06-12",
};

describe("minutesOccasions", () => {
  it("chains each kind's days, each giving way on the next one's day", () => {
    const occasions = minutesOccasions(localDate("2026-06-01"), 14).map(({ kind, on, next }) => [
      kind,
      on.day,
      next?.day ?? null,
    ]);
    expect(occasions).toEqual([
      ["minutes-due", 3, 6],
      ["minutes-due", 6, null],
      ["approval-due", 12, 14],
      ["approval-due", 14, 16],
      ["approval-due", 16, null],
    ]);
  });
});

describe("awaitingApproval", () => {
  it("names each chair until one approves, and each approver until they do, once each", () => {
    const ids = (approvedBy: string[], approvers = MINUTES.approvers) =>
      awaitingApproval({ ...MINUTES, approvers, approvedBy }).map(({ personId }) => personId);
    expect(ids([])).toEqual(["maria", "per", "anna", "bo"]);
    expect(ids(["per"])).toEqual(["anna", "bo"]);
    expect(ids(["per", "anna", "bo"])).toEqual([]);
    // Maria chairs and was chosen as an approver too: Per's approval is the chair's, not hers.
    expect(ids(["per"], [person("maria"), person("bo")])).toEqual(["maria", "bo"]);
    expect(ids([], [person("maria")])).toEqual(["maria", "per"]);
  });
});

describe("staleMinutesReminder", () => {
  it("lets a reminder that still applies go", () => {
    expect(staleMinutesReminder(approve, "anna", now())).toBeNull();
    expect(staleMinutesReminder(compile, "sara", now({ today: localDate("2026-06-05") }))).toBe(
      null,
    );
  });

  it("skips it once the meeting moved to another day", () => {
    expect(
      staleMinutesReminder(approve, "anna", now({ meetingDate: localDate("2026-06-02") })),
    ).toBe("meeting-moved");
  });

  it("skips it once the secretary changed the deadline, also where a day of the new one coincides", () => {
    // With 16 days the deadline is 17 June and its −3 reminder is on 14 June.
    const onFourteenth = { ...approve, on: "2026-06-14" };
    expect(staleMinutesReminder(onFourteenth, "anna", now({ approvalDays: 16 }))).toBe(
      "deadline-changed",
    );
    expect(staleMinutesReminder(approve, "anna", now({ approvalDays: 10 }))).toBe(
      "deadline-changed",
    );
    // The secretary's reminders do not depend on it.
    expect(
      staleMinutesReminder(
        compile,
        "sara",
        now({ approvalDays: 10, today: localDate("2026-06-04") }),
      ),
    ).toBeNull();
  });

  it("skips it as superseded from the next reminder's day on", () => {
    expect(staleMinutesReminder(approve, "anna", now({ today: localDate("2026-06-14") }))).toBe(
      "superseded",
    );
    expect(staleMinutesReminder(compile, "sara", now({ today: localDate("2026-06-06") }))).toBe(
      "superseded",
    );
    const passed = { ...approve, on: "2026-06-16" };
    expect(
      staleMinutesReminder(passed, "anna", now({ today: localDate("2026-06-20") })),
    ).toBeNull();
  });

  it("skips the secretary's once the minutes are compiled, or the person is no longer secretary", () => {
    const today = localDate("2026-06-04");
    const compiled = { ...MINUTES, compiled: true };
    expect(staleMinutesReminder(compile, "sara", now({ today, minutes: compiled }))).toBe(
      "minutes-compiled",
    );
    expect(staleMinutesReminder(compile, "anna", now({ today }))).toBe("not-secretary");
  });

  it("skips a signer's once they approved, or another chair did", () => {
    const approved = { ...MINUTES, approvedBy: ["anna", "per"] };
    expect(staleMinutesReminder(approve, "anna", now({ minutes: approved }))).toBe("approved");
    expect(staleMinutesReminder(approve, "maria", now({ minutes: approved }))).toBe("not-awaited");
    expect(staleMinutesReminder(approve, "bo", now({ minutes: approved }))).toBeNull();
  });
});
