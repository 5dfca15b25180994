import { describe, expect, it } from "vitest";
import { outboxEntries } from "../../../src/domain/reminders/outbox-entries.js";
import type {
  PlannedReminder,
  StaleReminder,
} from "../../../src/domain/reminders/plan-reminders.js";

const NINE = new Date("2026-06-15T07:00:00.000Z");

function due(actionId: string, person: string, council = "c1", at = NINE): PlannedReminder {
  return {
    key: `due:${actionId}:2026-06-15:${person}`,
    councilId: council,
    recipient: `person:${person}`,
    platform: "slack",
    subjectId: actionId,
    dueAt: at,
    payload: { kind: "due", actionId, due: "2026-06-15", on: "2026-06-15" },
  };
}

describe("outbox rows of a plan", () => {
  it("puts a person's due actions of one council on one day in one row, keyed by kind, council, person and day", () => {
    const entries = outboxEntries({
      due: [due("a1", "p1"), due("a2", "p1"), due("a3", "p2"), due("a4", "p1", "c2")],
      stale: [],
    });
    expect(
      entries.map(({ key, subjectId, payload, reason }) => [key, subjectId, payload, reason]),
    ).toEqual([
      [
        "due:c1:person:p1:2026-06-15",
        "c1",
        {
          kind: "due",
          on: "2026-06-15",
          actions: [
            { actionId: "a1", due: "2026-06-15" },
            { actionId: "a2", due: "2026-06-15" },
          ],
        },
        null,
      ],
      [
        "due:c1:person:p2:2026-06-15",
        "c1",
        { kind: "due", on: "2026-06-15", actions: [{ actionId: "a3", due: "2026-06-15" }] },
        null,
      ],
      [
        "due:c2:person:p1:2026-06-15",
        "c2",
        { kind: "due", on: "2026-06-15", actions: [{ actionId: "a4", due: "2026-06-15" }] },
        null,
      ],
    ]);
  });

  it("keeps due and overdue apart, and other kinds as planned", () => {
    const overdue: PlannedReminder = {
      ...due("a2", "p1"),
      key: "overdue:a2:2026-06-12:2026-06-15:p1",
      payload: { kind: "overdue", actionId: "a2", due: "2026-06-12", on: "2026-06-15" },
    };
    const digest: PlannedReminder = {
      key: "digest:c1:2026-06-15:b1",
      councilId: "c1",
      recipient: "channel:b1",
      platform: "slack",
      subjectId: "c1",
      dueAt: NINE,
      payload: { kind: "digest", date: "2026-06-15" },
    };
    const entries = outboxEntries({ due: [due("a1", "p1"), overdue, digest], stale: [] });
    expect(entries.map(({ kind, key }) => [kind, key])).toEqual([
      ["due", "due:c1:person:p1:2026-06-15"],
      ["overdue", "overdue:c1:person:p1:2026-06-15"],
      ["digest", "digest:c1:2026-06-15:b1"],
    ]);
    expect(entries[2]?.payload).toEqual(digest.payload);
  });

  it("keys a row by its day, not its moment: the same day's reminders at another time make no new row", () => {
    const [nine] = outboxEntries({ due: [due("a1", "p1")], stale: [] });
    const [ten] = outboxEntries({
      due: [due("a1", "p1", "c1", new Date("2026-06-15T08:00:00.000Z"))],
      stale: [],
    });
    expect(ten?.key).toBe(nine?.key);
  });

  it("records each stale reminder in a row of its own, with its own key and reason", () => {
    const stale: StaleReminder[] = [
      { ...due("a1", "p1"), reason: "due-date-passed" },
      { ...due("a2", "p1"), reason: "due-date-passed" },
    ];
    expect(
      outboxEntries({ due: [], stale }).map(({ key, payload, reason }) => [key, payload, reason]),
    ).toEqual([
      [
        "due:a1:2026-06-15:p1",
        { kind: "due", on: "2026-06-15", actions: [{ actionId: "a1", due: "2026-06-15" }] },
        "due-date-passed",
      ],
      [
        "due:a2:2026-06-15:p1",
        { kind: "due", on: "2026-06-15", actions: [{ actionId: "a2", due: "2026-06-15" }] },
        "due-date-passed",
      ],
    ]);
  });
});
