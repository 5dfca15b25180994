// Properties of planning window by window, over random councils (zones with and without DST,
// any hours, leads and reminder times), meetings (timed and all-day) and actions, through DST
// changes:
// - every occasion is planned in exactly one window, the one its time falls in, however the
//   ticks cut time (a minute, an hour, days of downtime up to the 7-day reach);
// - one plan never sends two reminders of one kind about one subject to one recipient;
// - the actions a tick reads (actionsNeeded) are all the plan needs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/local-date.js";
import { localDateOf } from "../../../src/domain/dates/zoned-time.js";
import {
  actionsNeeded,
  MAX_CATCH_UP_MS,
  type PlanningAction,
  type PlanningCouncil,
  type PlanningMeeting,
  type PlanningState,
  planReminders,
} from "../../../src/domain/reminders/plan-reminders.js";
import type { Lead, ReminderSettings } from "../../../src/domain/reminders/reminder-settings.js";
import {
  action,
  allDayMeeting,
  council,
  DAY,
  expectEachPlannedOnce,
  HOUR,
  instant,
  MINUTE,
  meeting,
  person,
  STOCKHOLM,
  settings,
  sweep,
  sweepCuts,
} from "./planning-fixtures.js";

const ZONES = [STOCKHOLM, "America/New_York", "Asia/Tokyo", "Australia/Sydney"];

/**
 * Three weeks around each change: EU 29 March, US 8 March, Sydney 5 April (and Easter 3–6
 * April); EU 25 October, US 1 November; and Christmas 2025, the longest run of days off.
 */
const RANGES = [
  { from: Date.UTC(2026, 2, 3), to: Date.UTC(2026, 2, 24) },
  { from: Date.UTC(2026, 2, 21), to: Date.UTC(2026, 3, 11) },
  { from: Date.UTC(2026, 9, 14), to: Date.UTC(2026, 10, 4) },
  { from: Date.UTC(2025, 11, 10), to: Date.UTC(2025, 11, 31) },
];

const time = fc
  .record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 7, 30, 59) })
  .map(({ hour, minute }) => ({ hour, minute }));

const lead: fc.Arbitrary<Lead> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((amount) => ({ unit: "days" as const, amount })),
  fc.integer({ min: 1, max: 1440 }).map((amount) => ({ unit: "minutes" as const, amount })),
);

const reminderSettings: fc.Arbitrary<ReminderSettings> = fc.record({
  enabled: fc.constantFrom(true, true, true, false),
  meetingLeads: fc.array(lead, { maxLength: 4 }),
  actionsLead: fc.option(lead, { nil: null }),
  at: fc.oneof(fc.constant({ hour: 9, minute: 0 }), time),
  digestDay: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
  window: fc.option(
    fc
      .record({
        from: fc.integer({ min: 4 * 60, max: 12 * 60 }),
        length: fc.integer({ min: 60, max: 11 * 60 }),
        weekdaysOnly: fc.boolean(),
      })
      .map(({ from, length, weekdaysOnly }) => ({
        from: { hour: Math.floor(from / 60), minute: from % 60 },
        to: { hour: Math.floor((from + length) / 60), minute: (from + length) % 60 },
        weekdaysOnly,
      })),
    { nil: null },
  ),
  approvalDeadlineDays: fc.integer({ min: 1, max: 60 }),
});

interface Scenario {
  range: { from: number; to: number };
  state: PlanningState;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    range: fc.constantFrom(...RANGES),
    councils: fc.array(
      fc.record({
        timeZone: fc.constantFrom(...ZONES),
        settings: fc.oneof(
          { weight: 1, arbitrary: fc.constant(settings()) },
          { weight: 4, arbitrary: reminderSettings },
        ),
        channels: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    meetings: fc.array(
      fc.record({
        council: fc.nat(),
        minute: fc.integer({ min: 0, max: 35 * 24 * 60 }),
        allDay: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    actions: fc.array(
      fc.record({
        council: fc.nat(),
        day: fc.option(fc.integer({ min: -14, max: 25 }), { nil: null }),
        assignees: fc.subarray(["p1", "p2", "p3"], { minLength: 1 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ range, councils, meetings, actions }) => {
    const planningCouncils: PlanningCouncil[] = councils.map((spec, index) =>
      council({
        id: `c${index}`,
        timeZone: spec.timeZone,
        settings: spec.settings,
        channels: Array.from({ length: spec.channels }, (_, channel) => ({
          bindingId: `c${index}-b${channel}`,
          platform: channel === 0 ? ("slack" as const) : ("teams" as const),
        })),
      }),
    );
    const councilOf = (index: number) =>
      planningCouncils[index % planningCouncils.length] as PlanningCouncil;
    const planningMeetings: PlanningMeeting[] = meetings.map((spec, index) => {
      const owner = councilOf(spec.council);
      const startsAt = new Date(range.from + spec.minute * MINUTE);
      // An all-day meeting on the local date of that instant, at the council's midnight.
      return spec.allDay
        ? allDayMeeting(
            `m${index}`,
            isoDate(localDateOf(startsAt, owner.timeZone)),
            owner.id,
            owner.timeZone,
          )
        : meeting(`m${index}`, startsAt.toISOString(), owner.id);
    });
    const planningActions: PlanningAction[] = actions.map((spec, index) => {
      const owner = councilOf(spec.council);
      const due =
        spec.day === null ? null : new Date(range.from + spec.day * DAY).toISOString().slice(0, 10);
      return action(
        `a${index}`,
        due,
        spec.assignees.map((id) => person(id)),
        { councilId: owner.id, timeZone: owner.timeZone },
      );
    });
    return {
      range,
      state: { councils: planningCouncils, meetings: planningMeetings, actions: planningActions },
    };
  });

function occasions(emitted: ReturnType<typeof sweep>): string[] {
  return emitted.map(({ key, dueAt }) => `${key} @ ${dueAt}`).sort();
}

describe("planning window by window", () => {
  it("plans every occasion exactly once, in the window its time falls in, however the ticks cut time", () => {
    const cutsOf = fc.array(fc.integer({ min: 1, max: MAX_CATCH_UP_MS / MINUTE }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(scenario, cutsOf, ({ range, state }, lengths) => {
        const hourly = sweep(new Date(range.from), new Date(range.to), HOUR, () => state);
        expectEachPlannedOnce(hourly);
        const cuts = [range.from];
        for (let at = range.from, index = 0; at < range.to; index += 1) {
          at = Math.min(range.to, at + (lengths[index % lengths.length] as number) * MINUTE);
          cuts.push(at);
        }
        const ragged = sweepCuts(cuts, () => state);
        expectEachPlannedOnce(ragged);
        expect(occasions(ragged)).toEqual(occasions(hourly));
      }),
      { seed: 5_2026, numRuns: 40 },
    );
  });

  it("never sends two reminders of one kind about one subject to one recipient in one plan", () => {
    const window = fc.record({
      end: fc.integer({ min: 0, max: 21 * 24 * 60 }),
      length: fc.integer({ min: 1, max: MAX_CATCH_UP_MS / MINUTE }),
    });
    fc.assert(
      fc.property(scenario, window, ({ range, state }, { end, length }) => {
        const now = new Date(range.from + end * MINUTE);
        const plan = planReminders(now, new Date(now.getTime() - length * MINUTE), state);
        const sends = plan.due.map(
          ({ payload, subjectId, recipient }) => `${payload.kind} ${subjectId} ${recipient}`,
        );
        expect(sends.filter((send, index) => sends.indexOf(send) !== index)).toEqual([]);
      }),
      { seed: 29_03, numRuns: 2000 },
    );
  });

  it("reads the actions the window needs (every one of councils with a pre-meeting reminder, those due soon of the rest), and they are all the plan needs", () => {
    const window = fc.record({
      end: fc.integer({ min: 0, max: 21 * 24 * 60 }),
      length: fc.integer({ min: 1, max: MAX_CATCH_UP_MS / MINUTE }),
    });
    fc.assert(
      fc.property(scenario, window, ({ range, state }, { end, length }) => {
        const now = new Date(range.from + end * MINUTE);
        const since = new Date(now.getTime() - length * MINUTE);
        const needed = actionsNeeded(now, since, state.councils, state.meetings);
        const full = planReminders(now, since, state);
        const read = planReminders(now, since, {
          ...state,
          actions: state.actions.filter(
            ({ councilId, dueAt }) =>
              needed.councils.has(councilId) &&
              (needed.everyAction.has(councilId) || (dueAt !== null && dueAt < needed.dueBefore)),
          ),
        });
        expect(read).toEqual(full);
        // The digest lists the council's actions too.
        for (const { councilId } of [...full.due, ...full.stale].filter(
          ({ payload }) => payload.kind === "digest",
        ))
          expect(needed.councils.has(councilId)).toBe(true);
      }),
      { seed: 25_10, numRuns: 2000 },
    );
  });
});

/**
 * A month of ticks takes seconds on its own and several times that on a busy machine: the
 * limit is a guard against a hang, not a speed goal (those are in `npm run bench`).
 */
const MINUTE_BY_MINUTE_TIMEOUT_MS = 120_000;

describe("a month minute by minute", () => {
  it(
    "plans each reminder once, at its minute, through the autumn change",
    () => {
      const state: PlanningState = {
        councils: [
          council({
            settings: settings({
              meetingLeads: [
                { unit: "days", amount: 7 },
                { unit: "days", amount: 1 },
                { unit: "minutes", amount: 90 },
              ],
            }),
            channels: [
              { bindingId: "b1", platform: "slack" },
              { bindingId: "b2", platform: "teams" },
            ],
          }),
          council({
            id: "ny",
            timeZone: "America/New_York",
            settings: settings({ window: null, at: { hour: 2, minute: 30 }, digestDay: 7 }),
          }),
        ],
        meetings: [
          meeting("m1", "2026-10-29T09:00:00.000Z"),
          meeting("m2", "2026-10-26T06:15:00.000Z"),
          meeting("ny1", "2026-11-02T15:00:00.000Z", "ny"),
        ],
        actions: [
          action("a1", "2026-10-14"),
          action("a2", "2026-10-24", [person("p1"), person("p2", "teams")]),
          action("ny-a", "2026-10-31", [person("p3")], {
            councilId: "ny",
            timeZone: "America/New_York",
          }),
        ],
      };
      const from = instant("2026-10-10T00:00:00.000Z");
      const to = instant("2026-11-09T00:00:00.000Z");
      const byMinute = sweep(from, to, MINUTE, () => state);
      expectEachPlannedOnce(byMinute);
      // Each reminder planned in the minute ending at its time: (dueAt − 1 min, dueAt].
      for (const { key, dueAt, plannedAt } of byMinute)
        expect({ key, plannedAt }).toEqual({ key, plannedAt: dueAt });
      expect(occasions(byMinute)).toEqual(occasions(sweep(from, to, HOUR, () => state)));
      // Spot checks worked out by hand. Thu 22 October 09:00 CEST and Wed 28 October 09:00 CET:
      const at = (key: string) => byMinute.find((entry) => entry.key === key)?.dueAt;
      expect(at("meeting:m1:2026-10-29T09:00:00.000Z:7d:b2")).toBe("2026-10-22T07:00:00.000Z");
      expect(at("meeting:m1:2026-10-29T09:00:00.000Z:1d:b2")).toBe("2026-10-28T08:00:00.000Z");
      // 90 minutes before Thu 29 October 10:00 CET: 08:30 CET.
      expect(at("meeting:m1:2026-10-29T09:00:00.000Z:90m:b1")).toBe("2026-10-29T07:30:00.000Z");
      // New York at 02:30 without hours: on Sun 1 November (the US change) 02:30 EST.
      expect(at("digest:ny:2026-11-01:b1")).toBe("2026-11-01T07:30:00.000Z");
      // Due Sat 31 October in New York: Friday 30 October 02:30 EDT.
      expect(at("due:ny-a:2026-10-31:p3")).toBe("2026-10-30T06:30:00.000Z");
    },
    MINUTE_BY_MINUTE_TIMEOUT_MS,
  );
});
