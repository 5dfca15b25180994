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
    payload: { kind: "due", actionId, due: "2026-06-15" },
  };
}

describe("outbox rows of a plan", () => {
  it("puts a person's due actions of one council at one moment in one row, keyed by all four", () => {
    const entries = outboxEntries({
      due: [due("a1", "p1"), due("a2", "p1"), due("a3", "p2"), due("a4", "p1", "c2")],
      stale: [],
    });
    expect(
      entries.map(({ key, subjectId, payload, reason }) => [key, subjectId, payload, reason]),
    ).toEqual([
      [
        "due:c1:person:p1:2026-06-15T07:00:00.000Z",
        "c1",
        {
          kind: "due",
          actions: [
            { actionId: "a1", due: "2026-06-15" },
            { actionId: "a2", due: "2026-06-15" },
          ],
        },
        null,
      ],
      [
        "due:c1:person:p2:2026-06-15T07:00:00.000Z",
        "c1",
        { kind: "due", actions: [{ actionId: "a3", due: "2026-06-15" }] },
        null,
      ],
      [
        "due:c2:person:p1:2026-06-15T07:00:00.000Z",
        "c2",
        { kind: "due", actions: [{ actionId: "a4", due: "2026-06-15" }] },
        null,
      ],
    ]);
  });

  it("keeps due and overdue apart, and other kinds as planned", () => {
    const overdue: PlannedReminder = {
      ...due("a2", "p1"),
      key: "overdue:a2:2026-06-12:2026-06-15:p1",
      payload: { kind: "overdue", actionId: "a2", due: "2026-06-12" },
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
      ["due", "due:c1:person:p1:2026-06-15T07:00:00.000Z"],
      ["overdue", "overdue:c1:person:p1:2026-06-15T07:00:00.000Z"],
      ["digest", "digest:c1:2026-06-15:b1"],
    ]);
    expect(entries[2]?.payload).toEqual(digest.payload);
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
        { kind: "due", actions: [{ actionId: "a1", due: "2026-06-15" }] },
        "due-date-passed",
      ],
      [
        "due:a2:2026-06-15:p1",
        { kind: "due", actions: [{ actionId: "a2", due: "2026-06-15" }] },
        "due-date-passed",
      ],
    ]);
  });
});
